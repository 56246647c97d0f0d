-- The writes of `desk mail receive` for a customer's reply, done by the
-- sqlite3 shell: the reply's "received" event on its ticket and the raw
-- message kept whole, in one durable write transaction. desk also parses
-- the MIME, hashes the bytes and chains the event; this is the floor.
-- Parameters: @id (the ticket), @file (the message).
PRAGMA foreign_keys = ON;
PRAGMA busy_timeout = 10000;
PRAGMA synchronous = FULL;
BEGIN IMMEDIATE;
INSERT INTO events (ticket_id, at, recorded_at, actor, kind, data)
VALUES (@id, unixepoch(), unixepoch(), 'mail', 'received',
        json_object('text', 'It dropped again this morning at 09:58, right after the laptop woke up.',
                    'channel', 'email'));
INSERT INTO mail_messages (message_id, direction, ticket_id, event_id, route, sender, subject,
                           at, size, sha256, raw)
SELECT 'bench.sql.' || hex(randomblob(8)) || '@mx.example.com', 'in', @id, last_insert_rowid(),
       'reply', 'bench@example.com', 'RE: VPN drops every hour', unixepoch(), length(f), '', f
FROM (SELECT readfile(@file) AS f);
UPDATE tickets SET updated_at = unixepoch() WHERE id = @id;
COMMIT;
