-- Everything `desk resolve` writes, done by the sqlite3 shell: check the
-- ticket can be resolved, update its row and append the "resolved" event
-- with its changes, in one write transaction.
-- Parameters: @id.
PRAGMA foreign_keys = ON;
PRAGMA busy_timeout = 10000;
PRAGMA synchronous = FULL;
BEGIN IMMEDIATE;
INSERT INTO events (ticket_id, at, recorded_at, actor, kind, data)
SELECT id, unixepoch(), unixepoch(), 'bench', 'resolved',
       json_object('changes', json_object(
         'status', json_array(status, 'resolved'),
         'resolution_code', json_array(NULL, 'fixed'),
         'resolution', json_array(NULL, 'Replaced the toner cartridge.')))
FROM tickets WHERE id = @id AND status IN ('new', 'assigned', 'in-progress', 'pending');
UPDATE tickets SET status = 'resolved', resolution_code = 'fixed',
       resolution = 'Replaced the toner cartridge.', resolved_at = unixepoch(),
       updated_at = unixepoch()
WHERE id = @id AND changes() = 1;
COMMIT;
