-- What `desk log` writes, done by the sqlite3 shell: find the customer by
-- email, insert the ticket row and its "logged" event (the changes as JSON),
-- in one durable write transaction, and print the new id.
-- Parameters: @email.
PRAGMA foreign_keys = ON;
PRAGMA busy_timeout = 10000;
PRAGMA synchronous = FULL;
BEGIN IMMEDIATE;
INSERT INTO tickets (type, title, description, status, priority, impact, urgency, customer_id,
                     channel, category, created_at, updated_at)
VALUES ('incident', 'Printer on the 3rd floor jams', 'Paper jam in tray 2; cleared twice already.',
        'new', 'P3', 'medium', 'medium',
        (SELECT id FROM customers WHERE email = @email COLLATE NOCASE),
        'phone', 'hardware', unixepoch(), unixepoch());
INSERT INTO events (ticket_id, at, recorded_at, actor, kind, data)
SELECT id, created_at, created_at, 'bench', 'logged',
       json_object('changes', json_object(
         'type', json_array(NULL, type), 'title', json_array(NULL, title),
         'description', json_array(NULL, description), 'status', json_array(NULL, status),
         'priority', json_array(NULL, priority), 'impact', json_array(NULL, impact),
         'urgency', json_array(NULL, urgency), 'customer_id', json_array(NULL, customer_id),
         'channel', json_array(NULL, channel), 'category', json_array(NULL, category)))
FROM tickets WHERE id = last_insert_rowid();
SELECT max(id) FROM tickets;
COMMIT;
