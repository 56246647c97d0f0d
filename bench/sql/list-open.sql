-- What `desk list --status open --limit 50` reads, done by the sqlite3 shell:
-- the first 50 open tickets by id (one more, to know whether the limit cut),
-- as desk does (lib/desk/store/sql/query_sql.cpp): the first 51 ids of each
-- open status from its index, merged, then their rows; and how many there
-- are, counting no further than 10,001 (the "N more not shown" line).
PRAGMA foreign_keys = ON;
SELECT t.id, t.external_id, t.type, t.title, t.description, t.status, t.pending_reason,
       t.priority, t.impact, t.urgency, t.customer_id, t.channel, t.category, t.service,
       t.assignee, t.team, t.tier, t.escalation_level, t.supplier, t.supplier_ref, t.flagged,
       t.resolution_code, t.resolution, t.workaround, t.duplicate_of, t.reopen_count,
       t.created_at, t.updated_at, t.first_response_at, t.resolved_at, t.closed_at, t.timeline,
       t.service_sla, t.outcome, t.root_cause, t.action,
       c.name, c.email, c.tier,
       (SELECT group_concat(g.tag, ',') FROM ticket_tags g WHERE g.ticket_id = t.id)
FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id
WHERE t.id IN (
  SELECT id FROM (SELECT t.id FROM tickets t WHERE t.status = 'new' ORDER BY t.id LIMIT 51) AS s0
  UNION ALL
  SELECT id FROM (SELECT t.id FROM tickets t WHERE t.status = 'assigned' ORDER BY t.id LIMIT 51) AS s1
  UNION ALL
  SELECT id FROM (SELECT t.id FROM tickets t WHERE t.status = 'in-progress' ORDER BY t.id LIMIT 51) AS s2
  UNION ALL
  SELECT id FROM (SELECT t.id FROM tickets t WHERE t.status = 'pending' ORDER BY t.id LIMIT 51) AS s3
  ORDER BY 1 LIMIT 51 OFFSET 0)
ORDER BY t.id;
SELECT count(*) FROM (SELECT 1 FROM tickets t
                      WHERE t.status IN ('new', 'assigned', 'in-progress', 'pending')
                      LIMIT 10001) AS matches;
