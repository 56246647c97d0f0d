// The append-only event history, and the audit chain every event joins as
// it is written (lib/desk/audit/chain.hpp): append_event is the one place an
// event is written, so nothing can bypass the chain.
#include "desk/store/events_sql.hpp"

#include <cstring>

#include "desk/audit/chain.hpp"
#include "desk/store/sqlite_store.hpp"

namespace desk::store {

namespace {

constexpr const char* kLastEvent = "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1";

// The id is the next one unless the event brings its own, as an imported
// history does.
constexpr const char* kAppendEvent =
    "INSERT INTO events (id, ticket_id, at, recorded_at, actor, kind, data, subject, salt, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kTicketEvents =
    "SELECT e.id, e.ticket_id, e.at, e.recorded_at, e.actor, e.kind, e.data, e.subject "
    "FROM events e WHERE e.ticket_id = ? ORDER BY e.id";

using tickets::Json;

}  // namespace

// {"changes": {"field": [old, new]}, "text": "...", ...extra}
std::string encode_event_data(const Event& e) {
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

const char* const kEventColumns =
    "e.id, e.ticket_id, e.at, e.recorded_at, e.actor, e.kind, e.data, e.subject";

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

Event decode(const StoredEvent& s) {
  Event e;
  e.id = s.id;
  e.ticket_id = s.ticket_id;
  e.at = from_unix(s.at);
  e.recorded_at = from_unix(s.recorded_at);
  e.actor = s.actor;
  e.kind = s.kind;
  decode_event_data(e, s.data);
  e.subject = s.subject;
  return e;
}

StoredEvent encode(const Event& e) {
  return {e.id,    e.ticket_id, to_unix(e.at),        to_unix(e.recorded_at),
          e.actor, e.kind,      encode_event_data(e), e.subject};
}

Event event_from_row(SQLite::Statement& st, int first) {
  Event e;
  e.id = st.getColumn(first).getInt64();
  e.ticket_id = st.getColumn(first + 1).isNull() ? 0 : st.getColumn(first + 1).getInt64();
  e.at = from_unix(st.getColumn(first + 2).getInt64());
  e.recorded_at = from_unix(st.getColumn(first + 3).getInt64());
  e.actor = st.getColumn(first + 4).getString();
  e.kind = st.getColumn(first + 5).getString();
  decode_event_data(e, st.getColumn(first + 6).getString());
  e.subject = st.getColumn(first + 7).getString();
  return e;
}

std::int64_t SqliteStore::append_event(const Event& e) {
  return guarded([&] {
    audit::Record r;
    audit::Digest previous = audit::kGenesis;
    {
      auto& last = statement(kLastEvent);
      // An imported event keeps its id. One older than the newest is chained
      // after the newest for now; the import re-chains in id order before it
      // commits (AuditStore::rechain_after).
      if (last.executeStep()) {
        r.id = e.id ? e.id : last.getColumn(0).getInt64() + 1;
        // A newest event without a hash was written behind desk's back: the
        // chain goes on from nothing, and `desk audit verify` names that event.
        auto h = last.getColumn(1);
        if (!h.isNull() && h.getBytes() == static_cast<int>(previous.size()))
          std::memcpy(previous.data(), h.getBlob(), previous.size());
      } else {
        r.id = e.id ? e.id : 1;
      }
      last.reset();
    }
    r.ticket_id = e.ticket_id;
    r.at = to_unix(e.at);
    r.recorded_at = to_unix(e.recorded_at);
    r.actor = e.actor;
    r.kind = e.kind;
    r.subject = e.subject;
    r.data = encode_event_data(e);
    audit::chain(r, previous);

    auto& st = statement(kAppendEvent);
    st.bind(1, static_cast<int64_t>(r.id));
    if (r.ticket_id)
      st.bind(2, static_cast<int64_t>(r.ticket_id));
    else
      st.bind(2);
    st.bind(3, static_cast<int64_t>(r.at));
    st.bind(4, static_cast<int64_t>(r.recorded_at));
    st.bind(5, r.actor);
    st.bind(6, r.kind);
    st.bind(7, r.data);
    st.bind(8, r.subject);
    st.bind(9, r.salt.data(), static_cast<int>(r.salt.size()));
    st.bind(10, r.hash.data(), static_cast<int>(r.hash.size()));
    st.exec();
    return r.id;
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
