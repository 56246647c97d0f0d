// Relations between tickets, and the round-robin cursor.
#include "desk/store/sql/sql_store.hpp"
#include "desk/store/words.hpp"

namespace desk::store::sql {

namespace {

constexpr const char* kAddLink =
    "INSERT INTO ticket_links (ticket_id, other_id, kind, at, actor) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT DO NOTHING";
constexpr const char* kLinksOf =
    "SELECT ticket_id, other_id, kind, at, actor FROM ticket_links WHERE ticket_id = ?1 "
    "UNION ALL SELECT ticket_id, other_id, kind, at, actor FROM ticket_links WHERE other_id = ?1 "
    "ORDER BY 4, 1, 2";
constexpr const char* kCursor = "SELECT last_assignee FROM allocation_cursor WHERE team = ?";
constexpr const char* kSetCursor =
    "INSERT INTO allocation_cursor (team, last_assignee) VALUES (?1, ?2) "
    "ON CONFLICT (team) DO UPDATE SET last_assignee = ?2";

}  // namespace

bool SqlStore::add_link(const Link& link) {
  return guarded([&] {
    auto& st = statement(kAddLink);
    st.bind(1, static_cast<int64_t>(link.ticket_id));
    st.bind(2, static_cast<int64_t>(link.other_id));
    st.bind(3, stored_name(link.kind));
    st.bind(4, static_cast<int64_t>(to_unix(link.at)));
    st.bind(5, link.actor);
    return st.run() == 1;
  });
}

std::vector<Link> SqlStore::links_of(std::int64_t ticket_id) {
  return guarded([&] {
    std::vector<Link> out;
    auto& st = statement(kLinksOf);
    st.bind(1, static_cast<int64_t>(ticket_id));
    while (st.step())
      out.push_back({st.integer(0), st.integer(1), stored_word<model::LinkKind>(st.text(2)),
                     from_unix(st.integer(3)), st.text(4)});
    return out;
  });
}

std::optional<std::string> SqlStore::round_robin_cursor(std::string_view team) {
  return guarded([&]() -> std::optional<std::string> {
    auto& st = statement(kCursor);
    st.bind(1, std::string(team));
    if (!st.step()) return std::nullopt;
    return st.text(0);
  });
}

void SqlStore::set_round_robin_cursor(std::string_view team, std::string_view assignee) {
  guarded([&] {
    auto& st = statement(kSetCursor);
    st.bind(1, std::string(team));
    st.bind(2, std::string(assignee));
    st.run();
  });
}

}  // namespace desk::store::sql
