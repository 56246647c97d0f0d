-- What `desk list --format tsv` reads, done by the sqlite3 shell: every open
-- ticket with its customer and tags, by id (the status index finds them, and
-- a sort puts them in order), printed as tab-separated values.
PRAGMA foreign_keys = ON;
.mode tabs
SELECT t.id, t.external_id, t.type, t.title, t.description, t.status, t.pending_reason,
       t.priority, t.impact, t.urgency, t.customer_id, t.channel, t.category, t.service,
       t.assignee, t.team, t.tier, t.escalation_level, t.supplier, t.supplier_ref, t.flagged,
       t.resolution_code, t.resolution, t.workaround, t.duplicate_of, t.reopen_count,
       t.created_at, t.updated_at, t.first_response_at, t.resolved_at, t.closed_at, t.timeline,
       t.service_sla, t.outcome, t.root_cause, t.action,
       c.name, c.email, c.tier,
       (SELECT group_concat(g.tag, ',') FROM ticket_tags g WHERE g.ticket_id = t.id)
FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id
WHERE t.status IN ('new', 'assigned', 'in-progress', 'pending')
ORDER BY t.id;
