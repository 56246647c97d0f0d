// Whole histories for bulk readers (export, doctor).
#include <fmt/format.h>

#include "desk/store/sql/query_sql.hpp"
#include "desk/store/sql/sql_store.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::sql {

void SqlStore::each_ticket_with_stored_events(
    const Query& q, const std::function<bool(Ticket&, std::span<StoredEvent>)>& row) {
  guarded([&] {
    Snapshot snapshot(*this);
    SqlQuery tq = select_tickets_by_id_sql(q);
    SqlQuery eq = select_events_sql(q);
    sql::Statement tickets(sql(), tq.sql, Rows::many);
    sql::Statement events(sql(), eq.sql, Rows::many);
    tickets.bind_values(tq.values);
    events.bind_values(eq.values);
    bool more = events.step();
    // Reused from ticket to ticket, so that their strings keep their
    // buffers (a caller may swap them for its own).
    WordMatch matches(q);
    Ticket t;
    std::string scratch;
    std::vector<StoredEvent> list;
    while (tickets.step()) {
      ticket_from_row(tickets, 0, t, scratch);
      if (!matches(t)) continue;  // its events are passed over below
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
void SqlStore::each_ticket_with_events(
    const Query& q, const std::function<bool(const Ticket&, const std::vector<Event>&)>& row) {
  std::vector<Event> list;
  each_ticket_with_stored_events(q, [&](Ticket& t, std::span<StoredEvent> stored) {
    list.clear();
    for (const auto& e : stored) list.push_back(decode(e));
    return row(t, list);
  });
}

std::int64_t SqlStore::last_event_id() {
  return guarded([&] { return sql().integer("SELECT coalesce(max(id), 0) FROM events"); });
}

}  // namespace desk::store::sql
