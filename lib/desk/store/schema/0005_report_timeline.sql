-- desk store, version 5: every ticket's timeline marks in one short row, so
-- that a report over a million tickets reads one row per ticket instead of
-- parsing the JSON of six million events (see lib/desk/store/report_sql.cpp).
--
-- Derived data, never written by desk itself: the view says what a mark is,
-- the trigger appends each new event's mark, and the last statement fills
-- the table from the events already there. It can always be rebuilt:
--   DELETE FROM ticket_timeline; then the INSERT at the end of this file.
-- A later migration that rebuilds the events table must drop the view and
-- the trigger first and create them again afterwards.

-- One record per event that service levels and reports read, in the form
--   id US kind US at US status US team US assignee US rule RS
-- (US = char(31), RS = char(30)). A value is '' when the event did not set
-- it, else '=' and the new value ('=' alone: set to none); '%', US and RS in
-- a value are written %25, %1F and %1E.
CREATE VIEW event_marks AS
SELECT id, ticket_id,
       id || char(31) || kind || char(31) || at || char(31) ||
       coalesce('=' || replace(replace(replace(
           json_extract(data, '$.changes.status[1]'),
           '%', '%25'), char(31), '%1F'), char(30), '%1E'), '') || char(31) ||
       CASE WHEN json_type(data, '$.changes.team') IS NULL THEN '' ELSE '=' ||
         replace(replace(replace(coalesce(json_extract(data, '$.changes.team[1]'), ''),
           '%', '%25'), char(31), '%1F'), char(30), '%1E') END || char(31) ||
       CASE WHEN json_type(data, '$.changes.assignee') IS NULL THEN '' ELSE '=' ||
         replace(replace(replace(coalesce(json_extract(data, '$.changes.assignee[1]'), ''),
           '%', '%25'), char(31), '%1F'), char(30), '%1E') END || char(31) ||
       coalesce('=' || replace(replace(replace(
           json_extract(data, '$.rule'),
           '%', '%25'), char(31), '%1F'), char(30), '%1E'), '') || char(30) AS mark
FROM events
WHERE ticket_id IS NOT NULL
  AND kind IN ('logged', 'allocated', 'status', 'escalated', 'resolved', 'closed', 'reopened',
               'reply');

-- No REFERENCES: removing a ticket must not trip over its derived row.
CREATE TABLE ticket_timeline (
  ticket_id INTEGER PRIMARY KEY,
  marks     TEXT NOT NULL
);

CREATE TRIGGER ticket_timeline_append AFTER INSERT ON events
WHEN NEW.ticket_id IS NOT NULL
  AND NEW.kind IN ('logged', 'allocated', 'status', 'escalated', 'resolved', 'closed', 'reopened',
                   'reply')
BEGIN
  INSERT INTO ticket_timeline (ticket_id, marks)
    SELECT ticket_id, mark FROM event_marks WHERE id = NEW.id
    ON CONFLICT (ticket_id) DO UPDATE SET marks = marks || excluded.marks;
END;

-- group_concat takes the rows in the order the subquery gives them (SQLite
-- does not promise it; records carry their event id, and readers sort the
-- rare row that comes out of order).
INSERT INTO ticket_timeline (ticket_id, marks)
  SELECT ticket_id, group_concat(mark, '')
  FROM (SELECT ticket_id, mark FROM event_marks ORDER BY ticket_id, id)
  GROUP BY ticket_id;
