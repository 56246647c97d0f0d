// Whole histories for bulk readers (export, doctor), the store's own checks,
// and what a bulk import needs from the connection.
#include <fmt/format.h>

#include "desk/store/sqlite/query_sql.hpp"
#include "desk/store/sqlite/raw_statement.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::sqlite {

namespace {

// A read transaction around several statements, so that they all see one
// snapshot even while other processes write (WAL). Nested inside a write
// transaction it is a savepoint and changes nothing.
class Snapshot {
 public:
  explicit Snapshot(SQLite::Database& db) : db_(db) { db_.exec("SAVEPOINT desk_snapshot"); }
  ~Snapshot() {
    try {
      db_.exec("RELEASE desk_snapshot");
    } catch (...) {
      // Only reads happened; nothing to lose.
    }
  }
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

 private:
  SQLite::Database& db_;
};

}  // namespace

void SqliteStore::each_ticket_with_stored_events(
    const Query& q, const std::function<bool(Ticket&, std::span<StoredEvent>)>& row) {
  guarded([&] {
    Snapshot snapshot(*db_);
    SqlQuery tq = select_tickets_by_id_sql(q);
    SqlQuery eq = select_events_sql(q);
    RawStatement tickets(*db_, tq.sql);
    RawStatement events(*db_, eq.sql);
    tickets.bind(tq.values);
    events.bind(eq.values);
    bool more = events.step();
    sqlite3_stmt* ev = events.get();
    // Reused from ticket to ticket, so that their strings keep their
    // buffers (a caller may swap them for its own).
    Ticket t;
    std::string scratch;
    std::vector<StoredEvent> list;
    while (tickets.step()) {
      ticket_from_row(tickets.get(), 0, t, scratch);
      std::size_t n = 0;
      while (more && sqlite3_column_int64(ev, 1) < t.id) more = events.step();
      while (more && sqlite3_column_int64(ev, 1) == t.id) {
        if (n == list.size()) list.emplace_back();
        StoredEvent& e = list[n++];
        e.id = sqlite3_column_int64(ev, 0);
        e.ticket_id = t.id;
        e.at = sqlite3_column_int64(ev, 2);
        e.recorded_at = sqlite3_column_int64(ev, 3);
        column_text(ev, 4, e.actor);
        column_text(ev, 5, e.kind);
        // Room after the text lets a JSON parser that reads in wide words
        // (simdjson, in export) parse it where it is.
        e.data.reserve(static_cast<std::size_t>(sqlite3_column_bytes(ev, 6)) + 64);
        column_text(ev, 6, e.data);
        column_text(ev, 7, e.subject);
        more = events.step();
      }
      if (!row(t, std::span<StoredEvent>(list.data(), n))) break;
    }
  });
}

// The stored events, decoded: one reading of the two tables serves both.
void SqliteStore::each_ticket_with_events(
    const Query& q, const std::function<bool(const Ticket&, const std::vector<Event>&)>& row) {
  std::vector<Event> list;
  each_ticket_with_stored_events(q, [&](Ticket& t, std::span<StoredEvent> stored) {
    list.clear();
    for (const auto& e : stored) list.push_back(decode(e));
    return row(t, list);
  });
}

std::int64_t SqliteStore::last_event_id() {
  return guarded([&] {
    return static_cast<std::int64_t>(
        db_->execAndGet("SELECT coalesce(max(id), 0) FROM events").getInt64());
  });
}

// Only a bulk import defers references: its connection gets a page cache
// to match.
void SqliteStore::defer_references() {
  guarded([&] { set_bulk_pragmas(*db_); });
}

std::vector<Problem> SqliteStore::check_integrity(bool quick) {
  return guarded([&] {
    std::vector<Problem> out;
    SQLite::Statement st(*db_, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check");
    while (st.executeStep()) {
      std::string line = st.getColumn(0).getString();
      if (line != "ok") out.push_back({"file", line});
    }
    return out;
  });
}

std::vector<Problem> SqliteStore::check_references() {
  return guarded([&] {
    std::vector<Problem> out;
    SQLite::Statement st(*db_, "PRAGMA foreign_key_check");
    while (st.executeStep()) {
      std::string table = st.getColumn(0).getString();
      std::string rowid = st.getColumn(1).isNull() ? std::string("?") : st.getColumn(1).getString();
      std::string parent = st.getColumn(2).getString();
      out.push_back(
          {fmt::format("table {}, row {}", table, rowid),
           fmt::format("refers to a row of {} that does not exist", util::quoted(parent))});
    }
    return out;
  });
}

}  // namespace desk::store::sqlite
