-- desk store, version 2: relations between tickets, and where round-robin
-- allocation left off in each team.

CREATE TABLE ticket_links (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  other_id  INTEGER NOT NULL REFERENCES tickets (id),
  kind      TEXT NOT NULL,  -- related | caused-by | duplicate-of | parent-of
  at        INTEGER NOT NULL,
  actor     TEXT NOT NULL,
  PRIMARY KEY (ticket_id, other_id, kind)
) WITHOUT ROWID;
CREATE INDEX ticket_links_other ON ticket_links (other_id);

-- The technician who last received a ticket by round-robin in each team.
CREATE TABLE allocation_cursor (
  team          TEXT PRIMARY KEY,
  last_assignee TEXT NOT NULL
) WITHOUT ROWID;
