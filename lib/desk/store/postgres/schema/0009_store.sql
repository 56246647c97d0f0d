-- desk store on PostgreSQL, version 9: the same tables, columns and ids as
-- a SQLite store of version 9 (lib/desk/store/sqlite/schema/), made at once,
-- since no PostgreSQL store is older. What each holds is said there.
--
-- Integers are bigint, as SQLite's are 64-bit; text sorts and compares as
-- bytes (collation "C"), as SQLite's BINARY does, whatever the database's
-- locale; blobs are bytea. Rows that SQLite would number by rowid are
-- numbered by an identity column; ids desk gives itself (tickets, customers,
-- articles, events) come from id_high_water, as on SQLite.
-- Times are whole seconds since the Unix epoch, UTC, everywhere.

-- desk's version of the schema: SQLite keeps it in PRAGMA user_version.
CREATE TABLE desk_schema (
  id      integer PRIMARY KEY CHECK (id = 1),
  version integer NOT NULL
);
INSERT INTO desk_schema (id, version) VALUES (1, 9);

-- SQLite's words that desk's SQL uses, so that one text serves both.
-- group_concat(x, sep): the values joined by sep, in the order they come.
CREATE FUNCTION desk_concat_step(acc text, value text, sep text) RETURNS text
  LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN value IS NULL THEN acc WHEN acc IS NULL THEN value
                 ELSE acc || sep || value END $$;
CREATE AGGREGATE group_concat(text, text) (SFUNC = desk_concat_step, STYPE = text);
-- max(a, b) and min(a, b) of two values, beside the aggregates.
CREATE FUNCTION max(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS
  $$ SELECT greatest(a, b) $$;
CREATE FUNCTION min(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS
  $$ SELECT least(a, b) $$;
-- COLLATE NOCASE, which folds A-Z alone and then compares bytes, is
-- lower(x COLLATE "C") here: the statement layer writes it so
-- (store/postgres/sql_connection.hpp), and the indexes below index the same.

CREATE TABLE customers (
  id           bigint PRIMARY KEY,
  name         text COLLATE "C" NOT NULL DEFAULT '',
  email        text COLLATE "C",
  organisation text COLLATE "C" NOT NULL DEFAULT '',
  phone        text COLLATE "C" NOT NULL DEFAULT '',
  tier         text COLLATE "C" NOT NULL DEFAULT '',
  notes        text COLLATE "C" NOT NULL DEFAULT '',
  created_at   bigint NOT NULL,
  updated_at   bigint NOT NULL,
  erased_at    bigint
);
CREATE UNIQUE INDEX customers_email ON customers (lower(email COLLATE "C")) WHERE email IS NOT NULL;
CREATE INDEX customers_name ON customers (lower(name COLLATE "C"));

CREATE TABLE tickets (
  id                bigint PRIMARY KEY,
  external_id       text COLLATE "C" UNIQUE,
  type              text COLLATE "C" NOT NULL,
  title             text COLLATE "C" NOT NULL,
  description       text COLLATE "C" NOT NULL DEFAULT '',
  status            text COLLATE "C" NOT NULL,
  pending_reason    text COLLATE "C" NOT NULL DEFAULT '',
  priority          text COLLATE "C" NOT NULL,
  impact            text COLLATE "C" NOT NULL DEFAULT '',
  urgency           text COLLATE "C" NOT NULL DEFAULT '',
  customer_id       bigint REFERENCES customers (id) DEFERRABLE,
  channel           text COLLATE "C" NOT NULL DEFAULT '',
  category          text COLLATE "C" NOT NULL DEFAULT '',
  service           text COLLATE "C" NOT NULL DEFAULT '',
  assignee          text COLLATE "C" NOT NULL DEFAULT '',
  team              text COLLATE "C" NOT NULL DEFAULT '',
  tier              bigint NOT NULL DEFAULT 0,
  escalation_level  bigint NOT NULL DEFAULT 0,
  supplier          text COLLATE "C" NOT NULL DEFAULT '',
  supplier_ref      text COLLATE "C" NOT NULL DEFAULT '',
  flagged           bigint NOT NULL DEFAULT 0,
  resolution_code   text COLLATE "C" NOT NULL DEFAULT '',
  resolution        text COLLATE "C" NOT NULL DEFAULT '',
  workaround        text COLLATE "C" NOT NULL DEFAULT '',
  duplicate_of      bigint REFERENCES tickets (id) DEFERRABLE,
  reopen_count      bigint NOT NULL DEFAULT 0,
  created_at        bigint NOT NULL,
  updated_at        bigint NOT NULL,
  first_response_at bigint,
  resolved_at       bigint,
  closed_at         bigint,
  service_sla       text COLLATE "C" NOT NULL DEFAULT '',
  outcome           text COLLATE "C" NOT NULL DEFAULT '',
  root_cause        text COLLATE "C" NOT NULL DEFAULT '',
  action            text COLLATE "C" NOT NULL DEFAULT '',
  timeline          text COLLATE "C" NOT NULL DEFAULT ''
);
-- Each ends with the id, as SQLite's end with the rowid: a status's tickets
-- come out in id order, so the first page of a list reads only its rows.
CREATE INDEX tickets_status ON tickets (status, id);
CREATE INDEX tickets_assignee ON tickets (assignee, status, id);
CREATE INDEX tickets_team ON tickets (team, status, id);
CREATE INDEX tickets_customer ON tickets (customer_id);
CREATE INDEX tickets_created ON tickets (created_at);
CREATE INDEX tickets_resolved ON tickets (resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX tickets_service ON tickets (service, created_at);
CREATE INDEX tickets_category ON tickets (category, created_at);

CREATE TABLE ticket_tags (
  ticket_id bigint NOT NULL REFERENCES tickets (id) DEFERRABLE,
  tag       text COLLATE "C" NOT NULL,
  PRIMARY KEY (ticket_id, tag)
);
CREATE INDEX ticket_tags_tag ON ticket_tags (tag);

CREATE TABLE events (
  id          bigint PRIMARY KEY,
  ticket_id   bigint REFERENCES tickets (id) DEFERRABLE,
  at          bigint NOT NULL,
  recorded_at bigint NOT NULL,
  actor       text COLLATE "C" NOT NULL,
  kind        text COLLATE "C" NOT NULL,
  data        text COLLATE "C" NOT NULL DEFAULT '{}',
  subject     text COLLATE "C" NOT NULL DEFAULT '',
  salt        bytea,
  sealed      text COLLATE "C",
  hash        bytea
);
CREATE INDEX events_ticket ON events (ticket_id, id);
CREATE INDEX events_kind_at ON events (kind, at);
CREATE INDEX events_subject ON events (subject, id) WHERE subject <> '';

CREATE TABLE ticket_links (
  ticket_id bigint NOT NULL REFERENCES tickets (id) DEFERRABLE,
  other_id  bigint NOT NULL REFERENCES tickets (id) DEFERRABLE,
  kind      text COLLATE "C" NOT NULL,
  at        bigint NOT NULL,
  actor     text COLLATE "C" NOT NULL,
  PRIMARY KEY (ticket_id, other_id, kind)
);
CREATE INDEX ticket_links_other ON ticket_links (other_id);

CREATE TABLE allocation_cursor (
  team          text COLLATE "C" PRIMARY KEY,
  last_assignee text COLLATE "C" NOT NULL
);

CREATE TABLE kb_articles (
  id           bigint PRIMARY KEY,
  uid          text COLLATE "C" NOT NULL UNIQUE,
  kind         text COLLATE "C" NOT NULL,
  state        text COLLATE "C" NOT NULL,
  title        text COLLATE "C" NOT NULL,
  body         text COLLATE "C" NOT NULL DEFAULT '',
  symptom      text COLLATE "C" NOT NULL DEFAULT '',
  cause        text COLLATE "C" NOT NULL DEFAULT '',
  workaround   text COLLATE "C" NOT NULL DEFAULT '',
  fix_status   text COLLATE "C" NOT NULL DEFAULT '',
  category     text COLLATE "C" NOT NULL DEFAULT '',
  service      text COLLATE "C" NOT NULL DEFAULT '',
  tags         text COLLATE "C" NOT NULL DEFAULT '',
  author       text COLLATE "C" NOT NULL,
  version      bigint NOT NULL,
  created_at   bigint NOT NULL,
  updated_at   bigint NOT NULL,
  published_at bigint,
  retired_at   bigint
);
CREATE INDEX kb_articles_filter ON kb_articles (id, state, kind, category, service, author);
CREATE INDEX kb_articles_updated ON kb_articles (updated_at);

CREATE TABLE kb_article_tags (
  article_id bigint NOT NULL REFERENCES kb_articles (id) DEFERRABLE,
  tag        text COLLATE "C" NOT NULL,
  PRIMARY KEY (article_id, tag)
);
CREATE INDEX kb_article_tags_tag ON kb_article_tags (tag);

CREATE TABLE kb_versions (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  article_id   bigint NOT NULL REFERENCES kb_articles (id) DEFERRABLE,
  version      bigint NOT NULL,
  at           bigint NOT NULL,
  actor        text COLLATE "C" NOT NULL,
  action       text COLLATE "C" NOT NULL,
  changed      text COLLATE "C" NOT NULL DEFAULT '',
  note         text COLLATE "C" NOT NULL DEFAULT '',
  kind         text COLLATE "C" NOT NULL,
  state        text COLLATE "C" NOT NULL,
  title        text COLLATE "C" NOT NULL,
  body         text COLLATE "C" NOT NULL,
  symptom      text COLLATE "C" NOT NULL,
  cause        text COLLATE "C" NOT NULL,
  workaround   text COLLATE "C" NOT NULL,
  fix_status   text COLLATE "C" NOT NULL,
  category     text COLLATE "C" NOT NULL,
  service      text COLLATE "C" NOT NULL,
  tags         text COLLATE "C" NOT NULL,
  author       text COLLATE "C" NOT NULL,
  created_at   bigint NOT NULL,
  updated_at   bigint NOT NULL,
  published_at bigint,
  retired_at   bigint,
  UNIQUE (article_id, version)
);

CREATE TABLE kb_links (
  article_id  bigint NOT NULL REFERENCES kb_articles (id) DEFERRABLE,
  ticket_id   bigint NOT NULL REFERENCES tickets (id) DEFERRABLE,
  linked_at   bigint NOT NULL,
  actor       text COLLATE "C" NOT NULL,
  resolved_at bigint,
  PRIMARY KEY (article_id, ticket_id)
);
CREATE INDEX kb_links_ticket ON kb_links (ticket_id);

CREATE TABLE services (
  id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name          text COLLATE "C" NOT NULL UNIQUE,
  description   text COLLATE "C" NOT NULL DEFAULT '',
  owner         text COLLATE "C" NOT NULL DEFAULT '',
  request_types text COLLATE "C" NOT NULL DEFAULT '',
  categories    text COLLATE "C" NOT NULL DEFAULT '',
  sla           text COLLATE "C" NOT NULL DEFAULT '',
  requesters    text COLLATE "C" NOT NULL DEFAULT '',
  replaced_by   text COLLATE "C" NOT NULL DEFAULT '',
  created_at    bigint NOT NULL,
  updated_at    bigint NOT NULL,
  retired_at    bigint
);

CREATE TABLE service_steps (
  service_id bigint NOT NULL REFERENCES services (id) DEFERRABLE,
  step       bigint NOT NULL,
  text       text COLLATE "C" NOT NULL,
  PRIMARY KEY (service_id, step)
);

CREATE TABLE ticket_steps (
  ticket_id bigint NOT NULL REFERENCES tickets (id) DEFERRABLE,
  step      bigint NOT NULL,
  text      text COLLATE "C" NOT NULL,
  done_at   bigint,
  done_by   text COLLATE "C" NOT NULL DEFAULT '',
  PRIMARY KEY (ticket_id, step)
);

CREATE TABLE ratings (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  ticket_id  bigint NOT NULL REFERENCES tickets (id) DEFERRABLE,
  resolution bigint NOT NULL,
  score      bigint NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment    text COLLATE "C" NOT NULL DEFAULT '',
  at         bigint NOT NULL,
  actor      text COLLATE "C" NOT NULL,
  resolver   text COLLATE "C" NOT NULL DEFAULT '',
  UNIQUE (ticket_id, resolution)
);
CREATE INDEX ratings_at ON ratings (at);

CREATE TABLE mail_messages (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  message_id text COLLATE "C" NOT NULL UNIQUE,
  direction  text COLLATE "C" NOT NULL CHECK (direction IN ('in', 'out')),
  ticket_id  bigint REFERENCES tickets (id) DEFERRABLE,
  event_id   bigint REFERENCES events (id) DEFERRABLE,
  route      text COLLATE "C" NOT NULL,
  reason     text COLLATE "C" NOT NULL DEFAULT '',
  sender     text COLLATE "C" NOT NULL DEFAULT '',
  subject    text COLLATE "C" NOT NULL DEFAULT '',
  at         bigint NOT NULL,
  size       bigint NOT NULL,
  sha256     text COLLATE "C" NOT NULL,
  raw        bytea NOT NULL
);
CREATE INDEX mail_messages_ticket ON mail_messages (ticket_id);
CREATE INDEX mail_messages_route ON mail_messages (route, at);

CREATE TABLE mail_attachments (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  message      bigint NOT NULL REFERENCES mail_messages (id) DEFERRABLE,
  name         text COLLATE "C" NOT NULL,
  content_type text COLLATE "C" NOT NULL,
  size         bigint NOT NULL,
  content      bytea
);
CREATE INDEX mail_attachments_message ON mail_attachments (message);

CREATE TABLE mail_secret (
  id     bigint PRIMARY KEY CHECK (id = 1),
  secret bytea NOT NULL
);
-- desk puts the secret in right after this file runs (make_mail_secret).

CREATE TABLE mail_outbox (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  ticket_id    bigint NOT NULL REFERENCES tickets (id) DEFERRABLE,
  event_id     bigint REFERENCES events (id) DEFERRABLE,
  kind         text COLLATE "C" NOT NULL CHECK (kind IN ('reply', 'acknowledgement', 'resolved')),
  message_id   text COLLATE "C" NOT NULL UNIQUE,
  recipient    text COLLATE "C" NOT NULL,
  subject      text COLLATE "C" NOT NULL,
  raw          bytea NOT NULL,
  status       text COLLATE "C" NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts     bigint NOT NULL DEFAULT 0,
  queued_at    bigint NOT NULL,
  next_attempt bigint NOT NULL,
  sent_at      bigint,
  last_error   text COLLATE "C" NOT NULL DEFAULT '',
  claimed_by   text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt);
CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient, kind, queued_at);
CREATE INDEX mail_outbox_ticket ON mail_outbox (ticket_id);

CREATE TABLE id_high_water (
  name text COLLATE "C" PRIMARY KEY,
  last bigint NOT NULL
);
INSERT INTO id_high_water (name, last)
  VALUES ('customers', 0), ('tickets', 0), ('kb_articles', 0), ('events', 0);

CREATE TABLE id_retired (
  name text COLLATE "C" NOT NULL,
  id   bigint NOT NULL,
  PRIMARY KEY (name, id)
);

CREATE FUNCTION desk_high_water() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE id_high_water SET last = NEW.id WHERE name = TG_TABLE_NAME AND last < NEW.id;
  RETURN NULL;
END $$;
CREATE FUNCTION desk_retired() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO id_retired (name, id) VALUES (TG_TABLE_NAME, OLD.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER customers_high_water AFTER INSERT ON customers
  FOR EACH ROW EXECUTE FUNCTION desk_high_water();
CREATE TRIGGER tickets_high_water AFTER INSERT ON tickets
  FOR EACH ROW EXECUTE FUNCTION desk_high_water();
CREATE TRIGGER kb_articles_high_water AFTER INSERT ON kb_articles
  FOR EACH ROW EXECUTE FUNCTION desk_high_water();
CREATE TRIGGER events_high_water AFTER INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION desk_high_water();
CREATE TRIGGER customers_retired AFTER DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION desk_retired();
CREATE TRIGGER tickets_retired AFTER DELETE ON tickets
  FOR EACH ROW EXECUTE FUNCTION desk_retired();
CREATE TRIGGER kb_articles_retired AFTER DELETE ON kb_articles
  FOR EACH ROW EXECUTE FUNCTION desk_retired();

-- History is append-only, and the server enforces it. This trigger refuses
-- any change to an event but those of desk's own erasure, purge and
-- re-chaining, which set desk.rewriting_history for their transaction; a
-- technician's role is also given no UPDATE or DELETE on events at all
-- (examples/postgresql/), since any role may set a setting.
CREATE FUNCTION desk_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('desk.rewriting_history', true), '') <> 'on' THEN
    RAISE EXCEPTION 'events are append-only: % refused', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION desk_events_append_only();
