-- desk store, version 6: the email channel (desk-mail(1)).
--
-- Every message desk receives is kept exactly as it came, with the SHA-256
-- of its bytes, whatever became of it: a ticket, a reply on one, a loop,
-- a message kept aside. Its Message-ID is unique, so the same message
-- delivered twice is recorded once. Attachments are kept apart so that one
-- can be fetched (desk attachment get) without the whole message.
CREATE TABLE mail_messages (
  id         INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL UNIQUE,          -- without <>; "sha256:HEX" for a message without one
  direction  TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  ticket_id  INTEGER REFERENCES tickets (id),  -- NULL: on no ticket (loop, quarantine)
  event_id   INTEGER REFERENCES events (id),   -- the event it became, if any
  route      TEXT NOT NULL,                 -- new | reply | comment | reopened | follow-up |
                                            -- delivery-failed | loop | quarantine
  reason     TEXT NOT NULL DEFAULT '',      -- what decided the route
  sender     TEXT NOT NULL DEFAULT '',
  subject    TEXT NOT NULL DEFAULT '',
  at         INTEGER NOT NULL,              -- when desk received it
  size       INTEGER NOT NULL,              -- bytes as received
  sha256     TEXT NOT NULL,                 -- of the bytes as received
  raw        BLOB NOT NULL                  -- the bytes (over max_message_size: the headers)
);
CREATE INDEX mail_messages_ticket ON mail_messages (ticket_id);
CREATE INDEX mail_messages_route ON mail_messages (route, at);

CREATE TABLE mail_attachments (
  id           INTEGER PRIMARY KEY,
  message      INTEGER NOT NULL REFERENCES mail_messages (id),
  name         TEXT NOT NULL,   -- unique within the message's ticket
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL,
  content      BLOB             -- NULL: not kept (over max_message_size) or erased
);
CREATE INDEX mail_attachments_message ON mail_attachments (message);

-- The key desk signs the Message-IDs of its own mail with: 32 random bytes
-- made when the store is (lib/desk/store/sqlite/migrate_steps.cpp), so a
-- reply threads by an ID only this store could have made.
CREATE TABLE mail_secret (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  secret BLOB NOT NULL
);

-- Desk's own mail, waiting to be sent or sent: a technician's reply
-- (desk note --reply) is queued in the transaction that records it, and
-- desk mail send hands it to sendmail. A message is claimed (status
-- sending) in a write transaction before it is handed over, so two senders
-- never send it twice. Its id is the serial in its signed Message-ID.
CREATE TABLE mail_outbox (
  id           INTEGER PRIMARY KEY,
  ticket_id    INTEGER NOT NULL REFERENCES tickets (id),
  event_id     INTEGER REFERENCES events (id),  -- the reply it carries; NULL for an automatic one
  kind         TEXT NOT NULL CHECK (kind IN ('reply', 'acknowledgement', 'resolved')),
  message_id   TEXT NOT NULL UNIQUE,            -- signed, without <>
  recipient    TEXT NOT NULL,                   -- the address it goes to
  subject      TEXT NOT NULL,
  raw          BLOB NOT NULL,                   -- the message as it is handed to sendmail
  status       TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  queued_at    INTEGER NOT NULL,
  next_attempt INTEGER NOT NULL,                -- not before (queued), or when claimed (sending)
  sent_at      INTEGER,
  last_error   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt);
CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient, kind, queued_at);
CREATE INDEX mail_outbox_ticket ON mail_outbox (ticket_id);
