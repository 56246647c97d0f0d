// Migration steps that need desk's own code rather than SQL: they reuse the
// one implementation of a rule instead of writing it again in SQL.
#include "desk/model/timeline.hpp"
#include "desk/store/event_data.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"
#include "desk/store/words.hpp"
#include "desk/util/sha256.hpp"

namespace desk::store::sqlite {

namespace {

// Version 5: every ticket's timeline, by replaying its events through the
// same encoder apply() uses.
void fill_timelines(SQLite::Database& db) {
  SQLite::Statement events(
      db,
      "SELECT ticket_id, kind, at, data FROM events WHERE ticket_id IS NOT NULL "
      "ORDER BY ticket_id, id");
  SQLite::Statement update(db, "UPDATE tickets SET timeline = ? WHERE id = ?");
  std::int64_t current = 0;
  std::string timeline;
  auto flush = [&] {
    if (current == 0) return;
    update.bind(1, timeline);
    update.bind(2, static_cast<int64_t>(current));
    update.exec();
    update.reset();
  };
  while (events.executeStep()) {
    std::int64_t ticket = events.getColumn(0).getInt64();
    if (ticket != current) {
      flush();
      current = ticket;
      timeline.clear();
    }
    model::Event e;
    e.kind = stored_word<model::EventKind>(events.getColumn(1).getString());
    e.at = from_unix(events.getColumn(2).getInt64());
    decode_event_data(e, events.getColumn(3).getString());
    model::append_mark(timeline, e);
  }
  flush();
}

// Version 6: the key of desk's signed Message-IDs, from the kernel's
// random source (SQL's randomblob is not meant for keys).
void make_mail_secret(SQLite::Database& db) {
  std::string secret = util::random_bytes(32);
  SQLite::Statement insert(db, "INSERT INTO mail_secret (id, secret) VALUES (1, ?)");
  insert.bind(1, secret.data(), static_cast<int>(secret.size()));
  insert.exec();
}

}  // namespace

void after_migration(int version, SQLite::Database& db) {
  if (version == 4) chain_events_after(db, 0);
  if (version == 5) fill_timelines(db);
  if (version == 6) make_mail_secret(db);
}

}  // namespace desk::store::sqlite
