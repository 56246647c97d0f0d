// Whole histories for bulk readers (export, doctor), the store's own checks,
// and what a bulk import needs from the connection.
#include <fmt/format.h>

#include "desk/store/sqlite/query_sql.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::sqlite {

namespace {

// A read transaction around several statements, so that they all see one
// snapshot even while other processes write (WAL). Nested inside a write
// transaction it is a savepoint and changes nothing.
class Snapshot {
 public:
  explicit Snapshot(sql::Connection& db) : db_(db) { db_.exec("SAVEPOINT desk_snapshot"); }
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
  sql::Connection& db_;
};

}  // namespace

void SqliteStore::each_ticket_with_stored_events(
    const Query& q, const std::function<bool(Ticket&, std::span<StoredEvent>)>& row) {
  guarded([&] {
    Snapshot snapshot(sql_);
    SqlQuery tq = select_tickets_by_id_sql(q);
    SqlQuery eq = select_events_sql(q);
    sql::Statement tickets(sql_, tq.sql);
    sql::Statement events(sql_, eq.sql);
    tickets.bind_values(tq.values);
    events.bind_values(eq.values);
    bool more = events.step();
    // Reused from ticket to ticket, so that their strings keep their
    // buffers (a caller may swap them for its own).
    Ticket t;
    std::string scratch;
    std::vector<StoredEvent> list;
    while (tickets.step()) {
      ticket_from_row(tickets, 0, t, scratch);
      std::size_t n = 0;
      while (more && events.integer(1) < t.id) more = events.step();
      while (more && events.integer(1) == t.id) {
        if (n == list.size()) list.emplace_back();
        StoredEvent& e = list[n++];
        e.id = events.integer(0);
        e.ticket_id = t.id;
        e.at = events.integer(2);
        e.recorded_at = events.integer(3);
        events.text(4, e.actor);
        events.text(5, e.kind);
        // Room after the text lets a JSON parser that reads in wide words
        // (simdjson, in export) parse it where it is.
        std::string_view data = events.view(6);
        e.data.reserve(data.size() + 64);
        e.data.assign(data);
        events.text(7, e.subject);
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
  return guarded([&] { return sql_.integer("SELECT coalesce(max(id), 0) FROM events"); });
}

// Only a bulk import defers references: its connection gets a page cache
// to match.
void SqliteStore::defer_references() {
  guarded([&] { set_bulk_pragmas(*db_); });
}

std::vector<Problem> SqliteStore::check_integrity(bool quick) {
  return guarded([&] {
    std::vector<Problem> out;
    sql::Statement st(sql_, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check");
    while (st.step()) {
      std::string line = st.text(0);
      if (line != "ok") out.push_back({"file", line});
    }
    return out;
  });
}

std::vector<Problem> SqliteStore::check_references() {
  return guarded([&] {
    std::vector<Problem> out;
    sql::Statement st(sql_, "PRAGMA foreign_key_check");
    while (st.step()) {
      std::string table = st.text(0);
      std::string rowid = st.null(1) ? std::string("?") : st.text(1);
      std::string parent = st.text(2);
      out.push_back(
          {fmt::format("table {}, row {}", table, rowid),
           fmt::format("refers to a row of {} that does not exist", util::quoted(parent))});
    }
    return out;
  });
}

}  // namespace desk::store::sqlite
