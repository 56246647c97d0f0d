-- desk store, version 1: customers, tickets (the current state, a projection
-- of events), tags and the append-only event history.
-- Times are whole seconds since the Unix epoch, UTC, everywhere.

CREATE TABLE customers (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL DEFAULT '',
  email        TEXT,
  organisation TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  tier         TEXT NOT NULL DEFAULT '',
  notes        TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE UNIQUE INDEX customers_email ON customers (email COLLATE NOCASE) WHERE email IS NOT NULL;
CREATE INDEX customers_name ON customers (name COLLATE NOCASE);

CREATE TABLE tickets (
  id                INTEGER PRIMARY KEY,
  external_id       TEXT UNIQUE,
  type              TEXT NOT NULL,
  title             TEXT NOT NULL,
  description       TEXT NOT NULL DEFAULT '',
  status            TEXT NOT NULL,
  pending_reason    TEXT NOT NULL DEFAULT '',
  priority          TEXT NOT NULL,
  impact            TEXT NOT NULL DEFAULT '',
  urgency           TEXT NOT NULL DEFAULT '',
  customer_id       INTEGER REFERENCES customers (id),
  channel           TEXT NOT NULL DEFAULT '',
  category          TEXT NOT NULL DEFAULT '',
  service           TEXT NOT NULL DEFAULT '',
  assignee          TEXT NOT NULL DEFAULT '',
  team              TEXT NOT NULL DEFAULT '',
  tier              INTEGER NOT NULL DEFAULT 0,
  escalation_level  INTEGER NOT NULL DEFAULT 0,
  supplier          TEXT NOT NULL DEFAULT '',
  supplier_ref      TEXT NOT NULL DEFAULT '',
  flagged           INTEGER NOT NULL DEFAULT 0,
  resolution_code   TEXT NOT NULL DEFAULT '',
  resolution        TEXT NOT NULL DEFAULT '',
  workaround        TEXT NOT NULL DEFAULT '',
  duplicate_of      INTEGER REFERENCES tickets (id),
  reopen_count      INTEGER NOT NULL DEFAULT 0,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  first_response_at INTEGER,
  resolved_at       INTEGER,
  closed_at         INTEGER
);
CREATE INDEX tickets_status ON tickets (status);
CREATE INDEX tickets_assignee ON tickets (assignee, status);
CREATE INDEX tickets_team ON tickets (team, status);
CREATE INDEX tickets_customer ON tickets (customer_id);
CREATE INDEX tickets_created ON tickets (created_at);
CREATE INDEX tickets_resolved ON tickets (resolved_at) WHERE resolved_at IS NOT NULL;

CREATE TABLE ticket_tags (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  tag       TEXT NOT NULL,
  PRIMARY KEY (ticket_id, tag)
) WITHOUT ROWID;
CREATE INDEX ticket_tags_tag ON ticket_tags (tag);

-- data holds what the event changed and carried, as JSON:
-- {"changes": {"field": [old, new], ...}, "text": "...", ...}
CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  ticket_id   INTEGER NOT NULL REFERENCES tickets (id),
  at          INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  actor       TEXT NOT NULL,
  kind        TEXT NOT NULL,
  data        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_ticket ON events (ticket_id, id);
CREATE INDEX events_kind_at ON events (kind, at);
