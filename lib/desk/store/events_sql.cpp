// The append-only event history.
#include "desk/store/sqlite_store.hpp"

namespace desk::store {

namespace {

// The id is bound as NULL (the next one) unless the event brings its own,
// as an imported history does.
constexpr const char* kAppendEvent =
    "INSERT INTO events (id, ticket_id, at, recorded_at, actor, kind, data) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kTicketEvents =
    "SELECT e.id, e.ticket_id, e.at, e.recorded_at, e.actor, e.kind, e.data FROM events e "
    "WHERE e.ticket_id = ? ORDER BY e.id";

using tickets::Json;

// {"changes": {"field": [old, new]}, "text": "...", ...extra}
std::string encode(const Event& e) {
  Json data = Json::object();
  if (!e.changes.empty()) {
    Json changes = Json::object();
    for (const auto& c : e.changes) changes[c.field] = Json::array({c.from, c.to});
    data["changes"] = std::move(changes);
  }
  if (!e.text.empty()) data["text"] = e.text;
  for (const auto& [k, v] : e.extra.items()) data[k] = v;
  return data.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

const char* const kEventColumns = "e.id, e.ticket_id, e.at, e.recorded_at, e.actor, e.kind, e.data";

void decode_event_data(Event& e, const std::string& text) {
  Json data = Json::parse(text, nullptr, false);
  if (!data.is_object()) return;
  for (const auto& [k, v] : data.items()) {
    if (k == "changes" && v.is_object()) {
      for (const auto& [field, pair] : v.items())
        if (pair.is_array() && pair.size() == 2) e.changes.push_back({field, pair[0], pair[1]});
    } else if (k == "text" && v.is_string()) {
      e.text = v.get<std::string>();
    } else {
      e.extra[k] = v;
    }
  }
}

Event event_from_row(SQLite::Statement& st, int first) {
  Event e;
  e.id = st.getColumn(first).getInt64();
  e.ticket_id = st.getColumn(first + 1).getInt64();
  e.at = from_unix(st.getColumn(first + 2).getInt64());
  e.recorded_at = from_unix(st.getColumn(first + 3).getInt64());
  e.actor = st.getColumn(first + 4).getString();
  e.kind = st.getColumn(first + 5).getString();
  decode_event_data(e, st.getColumn(first + 6).getString());
  return e;
}

std::int64_t SqliteStore::append_event(const Event& e) {
  return guarded([&] {
    auto& st = statement(kAppendEvent);
    if (e.id != 0) st.bind(1, static_cast<int64_t>(e.id));
    st.bind(2, static_cast<int64_t>(e.ticket_id));
    st.bind(3, static_cast<int64_t>(to_unix(e.at)));
    st.bind(4, static_cast<int64_t>(to_unix(e.recorded_at)));
    st.bind(5, e.actor);
    st.bind(6, e.kind);
    st.bind(7, encode(e));
    st.exec();
    return static_cast<std::int64_t>(db_->getLastInsertRowid());
  });
}

std::vector<Event> SqliteStore::ticket_events(std::int64_t ticket_id) {
  return guarded([&] {
    std::vector<Event> out;
    auto& st = statement(kTicketEvents);
    st.bind(1, static_cast<int64_t>(ticket_id));
    while (st.executeStep()) out.push_back(event_from_row(st, 0));
    return out;
  });
}

}  // namespace desk::store
