// The append-only event history.
#include "desk/store/sqlite_store.hpp"

namespace desk::store {

namespace {

constexpr const char* kAppendEvent =
    "INSERT INTO events (ticket_id, at, recorded_at, actor, kind, data) VALUES (?, ?, ?, ?, ?, ?)";

constexpr const char* kTicketEvents =
    "SELECT id, ticket_id, at, recorded_at, actor, kind, data FROM events WHERE ticket_id = ? "
    "ORDER BY id";

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

namespace {}  // namespace

std::int64_t SqliteStore::append_event(const Event& e) {
  return guarded([&] {
    auto& st = statement(kAppendEvent);
    st.bind(1, static_cast<int64_t>(e.ticket_id));
    st.bind(2, static_cast<int64_t>(to_unix(e.at)));
    st.bind(3, static_cast<int64_t>(to_unix(e.recorded_at)));
    st.bind(4, e.actor);
    st.bind(5, e.kind);
    st.bind(6, encode(e));
    st.exec();
    return static_cast<std::int64_t>(db_->getLastInsertRowid());
  });
}

std::vector<Event> SqliteStore::ticket_events(std::int64_t ticket_id) {
  return guarded([&] {
    std::vector<Event> out;
    auto& st = statement(kTicketEvents);
    st.bind(1, static_cast<int64_t>(ticket_id));
    while (st.executeStep()) {
      Event e;
      e.id = st.getColumn(0).getInt64();
      e.ticket_id = st.getColumn(1).getInt64();
      e.at = from_unix(st.getColumn(2).getInt64());
      e.recorded_at = from_unix(st.getColumn(3).getInt64());
      e.actor = st.getColumn(4).getString();
      e.kind = st.getColumn(5).getString();
      decode_event_data(e, st.getColumn(6).getString());
      out.push_back(std::move(e));
    }
    return out;
  });
}

}  // namespace desk::store
