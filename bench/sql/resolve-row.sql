-- The raw sqlite3 update of one row the lifecycle issue compares
-- `desk resolve` with: one UPDATE, durable, in its own process.
-- Parameters: @id.
PRAGMA foreign_keys = ON;
PRAGMA busy_timeout = 10000;
PRAGMA synchronous = FULL;
UPDATE tickets SET status = 'resolved', resolution_code = 'fixed',
       resolution = 'Replaced the toner cartridge.', resolved_at = unixepoch(),
       updated_at = unixepoch()
WHERE id = @id;
