-- Every ticket with its customer and tags, as JSON: the reference for
-- `desk list --all --format jsonl`.
.mode json
SELECT t.*, c.name AS customer_name, c.email AS customer_email,
       (SELECT group_concat(g.tag, ',') FROM ticket_tags g WHERE g.ticket_id = t.id) AS tags
FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id ORDER BY t.id;
