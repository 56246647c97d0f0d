// Tickets with their timeline marks, streamed as a merge of two ordered
// queries (tickets by id, marks by ticket id), so memory stays flat.
#include "desk/store/query_sql.hpp"
#include "desk/store/sqlite_store.hpp"

namespace desk::store {

namespace {

void bind_all(SQLite::Statement& st, const std::vector<SqlValue>& values) {
  int i = 1;
  for (const auto& v : values) {
    if (const auto* n = std::get_if<std::int64_t>(&v))
      st.bind(i++, static_cast<int64_t>(*n));
    else
      st.bind(i++, std::get<std::string>(v));
  }
}

std::optional<std::string> changed(SQLite::Statement& st, int value, int type) {
  auto t = st.getColumn(type);
  if (t.isNull()) return std::nullopt;  // the event did not change it
  auto v = st.getColumn(value);
  return v.isNull() ? std::string() : v.getString();
}

}  // namespace

void SqliteStore::each_ticket_timeline(
    const Query& q,
    const std::function<bool(const Ticket&, const std::vector<tickets::Mark>&)>& row) {
  guarded([&] {
    SqlQuery tq = select_tickets_by_id_sql(q);
    SqlQuery mq = select_marks_sql(q);
    SQLite::Statement tickets(*db_, tq.sql);
    SQLite::Statement marks(*db_, mq.sql);
    bind_all(tickets, tq.values);
    bind_all(marks, mq.values);
    bool more_marks = marks.executeStep();
    std::vector<tickets::Mark> list;
    while (tickets.executeStep()) {
      Ticket t = ticket_from_row(tickets);
      list.clear();
      while (more_marks && marks.getColumn(0).getInt64() < t.id) more_marks = marks.executeStep();
      while (more_marks && marks.getColumn(0).getInt64() == t.id) {
        tickets::Mark m;
        m.kind = marks.getColumn(1).getString();
        m.at = from_unix(marks.getColumn(2).getInt64());
        if (auto c = marks.getColumn(3); !c.isNull()) m.status = c.getString();
        m.team = changed(marks, 4, 5);
        m.assignee = changed(marks, 6, 7);
        if (auto c = marks.getColumn(8); !c.isNull()) m.rule = c.getString();
        list.push_back(std::move(m));
        more_marks = marks.executeStep();
      }
      if (!row(t, list)) break;
    }
  });
}

}  // namespace desk::store
