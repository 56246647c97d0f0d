-- desk store, version 7: who holds an outbox message's claim. A message is
-- claimed ("sending") by one `desk mail send` just before it is handed to
-- sendmail; claimed_by names that process ("BOOT-ID PID"), so that another
-- sender never takes over a claim whose holder still runs, however long it
-- takes: the message's outcome is only unknown once its holder is gone.
ALTER TABLE mail_outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
