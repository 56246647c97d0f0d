-- What `desk show ID` reads on a PostgreSQL store, done by psql: the ticket
-- row with its customer and tags, its events oldest first, and its links, in
-- one read-only snapshot as desk reads them. Variables: :id.
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT t.*, c.name, c.email,
       (SELECT string_agg(g.tag, ',') FROM ticket_tags g WHERE g.ticket_id = t.id)
FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = :id;
SELECT id, ticket_id, at, recorded_at, actor, kind, data FROM events WHERE ticket_id = :id
ORDER BY id;
SELECT ticket_id, other_id, kind, at, actor FROM ticket_links WHERE ticket_id = :id
UNION ALL SELECT ticket_id, other_id, kind, at, actor FROM ticket_links WHERE other_id = :id;
COMMIT;
