-- desk store, version 4: the service catalogue, checklists, satisfaction,
-- complaints, and what compliance needs: the audit chain over events, and
-- the bookkeeping of erasure and retention.
-- Times are whole seconds since the Unix epoch, UTC, everywhere.

-- Events are rebuilt (SQLite cannot relax NOT NULL in place) so that an
-- event can be about the desk itself rather than a ticket: catalogue and
-- customer changes, erasures, purges. Every event is chained (see
-- lib/desk/audit/chain.hpp): `salt` is its own random salt, dropped when an
-- erasure seals it; `sealed` is what the erasure or purge kept so the chain
-- still verifies; `hash` links it to the event before. desk fills in the
-- chain for the events already there right after this migration.
CREATE TABLE events_chained (
  id          INTEGER PRIMARY KEY,
  ticket_id   INTEGER REFERENCES tickets (id),  -- NULL: not about a ticket
  at          INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  actor       TEXT NOT NULL,
  kind        TEXT NOT NULL,
  data        TEXT NOT NULL DEFAULT '{}',
  subject     TEXT NOT NULL DEFAULT '',         -- 'customer:12', 'service:email', 'store'
  salt        BLOB,
  sealed      TEXT,
  hash        BLOB
);
INSERT INTO events_chained (id, ticket_id, at, recorded_at, actor, kind, data)
  SELECT id, ticket_id, at, recorded_at, actor, kind, data FROM events ORDER BY id;
DROP TABLE events;
ALTER TABLE events_chained RENAME TO events;
CREATE INDEX events_ticket ON events (ticket_id, id);
CREATE INDEX events_kind_at ON events (kind, at);
CREATE INDEX events_subject ON events (subject, id) WHERE subject <> '';

-- The catalogue: what can be requested, from whom, and how it is fulfilled.
-- Lists are comma-separated words (vocabulary values never hold commas).
CREATE TABLE services (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  description   TEXT NOT NULL DEFAULT '',
  owner         TEXT NOT NULL DEFAULT '',  -- the team that fulfils it
  request_types TEXT NOT NULL DEFAULT '',  -- ticket types it accepts; '' = any
  categories    TEXT NOT NULL DEFAULT '',  -- ticket categories it covers
  sla           TEXT NOT NULL DEFAULT '',  -- its SLA policy
  requesters    TEXT NOT NULL DEFAULT '',  -- customer tiers or organisations; '' = anyone
  replaced_by   TEXT NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  retired_at    INTEGER
);

-- The fulfilment procedure: an ordered checklist.
CREATE TABLE service_steps (
  service_id INTEGER NOT NULL REFERENCES services (id),
  step       INTEGER NOT NULL,  -- 1, 2, ...
  text       TEXT NOT NULL,
  PRIMARY KEY (service_id, step)
) WITHOUT ROWID;

-- A ticket's copy of its service's checklist, taken when it was logged, and
-- which steps are done (`desk check`).
CREATE TABLE ticket_steps (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  step      INTEGER NOT NULL,
  text      TEXT NOT NULL,
  done_at   INTEGER,
  done_by   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (ticket_id, step)
) WITHOUT ROWID;

-- Satisfaction: one rating per resolution (the first resolution is 1; a
-- reopened and resolved-again ticket can be rated again as 2).
CREATE TABLE ratings (
  id         INTEGER PRIMARY KEY,
  ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
  resolution INTEGER NOT NULL,
  score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment    TEXT NOT NULL DEFAULT '',
  at         INTEGER NOT NULL,
  actor      TEXT NOT NULL,
  resolver   TEXT NOT NULL DEFAULT '',  -- who resolved it: the technician rated
  UNIQUE (ticket_id, resolution)
);
CREATE INDEX ratings_at ON ratings (at);

-- The policy a ticket's service brings, and a complaint's outcome, root
-- cause and the action taken (set at resolution).
ALTER TABLE tickets ADD COLUMN service_sla TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN root_cause TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN action TEXT NOT NULL DEFAULT '';
CREATE INDEX tickets_service ON tickets (service, created_at);
CREATE INDEX tickets_category ON tickets (category, created_at);

-- When a customer's personal data was erased (forget, or retention).
ALTER TABLE customers ADD COLUMN erased_at INTEGER;
