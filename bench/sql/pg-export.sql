\set FETCH_COUNT 1000
-- What `desk export` reads, done by psql (psql -A -t, 1,000 rows a FETCH as desk): every
-- ticket with its customer and tags in id order, and every event in ticket
-- then event order, the two streams desk merges
-- (lib/desk/store/sql/history_sql.cpp). psql prints them as text; desk
-- also parses each event's data and writes one JSON line a ticket.
SELECT t.id, t.external_id, t.type, t.title, t.description, t.status, t.pending_reason,
       t.priority, t.impact, t.urgency, t.customer_id, t.channel, t.category, t.service,
       t.assignee, t.team, t.tier, t.escalation_level, t.supplier, t.supplier_ref, t.flagged,
       t.resolution_code, t.resolution, t.workaround, t.duplicate_of, t.reopen_count,
       t.created_at, t.updated_at, t.first_response_at, t.resolved_at, t.closed_at, t.timeline,
       t.service_sla, t.outcome, t.root_cause, t.action,
       c.name, c.email, c.tier,
       (SELECT string_agg(g.tag, ',') FROM ticket_tags g WHERE g.ticket_id = t.id) AS tags
FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id
ORDER BY t.id;
SELECT e.id, e.ticket_id, e.at, e.recorded_at, e.actor, e.kind, e.data, e.subject
FROM events e ORDER BY e.ticket_id, e.id;
