-- What `desk log` writes on a PostgreSQL store, done by psql: under desk's
-- write lock, the next ticket and event ids from id_high_water, the ticket
-- row and its "logged" event (the changes as JSON), committed durably, and
-- the new id printed. (desk also chains the event's hash, in the same
-- statement.) Variables: :email.
BEGIN;
SELECT pg_advisory_xact_lock(1684370283);
INSERT INTO tickets (id, type, title, description, status, priority, impact, urgency, customer_id,
                     channel, category, created_at, updated_at)
SELECT h.last + 1, 'incident', 'Printer on the 3rd floor jams',
       'Paper jam in tray 2; cleared twice already.', 'new', 'P3', 'medium', 'medium',
       (SELECT id FROM customers WHERE email = :'email' COLLATE nocase LIMIT 1),
       'phone', 'hardware', extract(epoch FROM now())::bigint, extract(epoch FROM now())::bigint
FROM id_high_water h WHERE h.name = 'tickets'
RETURNING id \gset ticket_
INSERT INTO events (id, ticket_id, at, recorded_at, actor, kind, data)
SELECT h.last + 1, t.id, t.created_at, t.created_at, 'bench', 'logged',
       json_build_object('changes', json_build_object(
         'type', json_build_array(NULL, t.type), 'title', json_build_array(NULL, t.title),
         'description', json_build_array(NULL, t.description),
         'status', json_build_array(NULL, t.status), 'priority', json_build_array(NULL, t.priority),
         'impact', json_build_array(NULL, t.impact), 'urgency', json_build_array(NULL, t.urgency),
         'customer_id', json_build_array(NULL, t.customer_id),
         'channel', json_build_array(NULL, t.channel),
         'category', json_build_array(NULL, t.category)))::text
FROM tickets t, id_high_water h WHERE t.id = :ticket_id AND h.name = 'events';
SELECT :ticket_id;
COMMIT;
