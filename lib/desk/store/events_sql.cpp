// The append-only event history, and the audit chain every event joins as
// it is written (lib/desk/audit/chain.hpp): append_event is the one place an
// event is written, so nothing can bypass the chain.
#include "desk/store/events_sql.hpp"

#include <cstring>

#include "desk/audit/chain.hpp"
#include "desk/format/json_text.hpp"
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

using model::Json;

}  // namespace

// {"changes": {"field": [old, new]}, "text": "...", ...extra}, written
// straight as text: every event desk writes goes through here, and an
// import writes millions. An event whose extras are named "changes" or
// "text", or that changes a field twice, is written by the JSON value it
// makes, which is what the text must equal.
std::string encode_event_data(const Event& e) {
  bool plain = e.extra.is_object() && !e.extra.contains("changes") && !e.extra.contains("text");
  for (std::size_t i = 0; plain && i < e.changes.size(); ++i)
    for (std::size_t j = 0; plain && j < i; ++j) plain = e.changes[i].field != e.changes[j].field;
  if (plain) {
    std::string out = "{";
    if (!e.changes.empty()) {
      out += "\"changes\":{";
      for (std::size_t i = 0; i < e.changes.size(); ++i) {
        if (i) out += ',';
        format::append_json_string(out, e.changes[i].field);
        out += ":[";
        format::append_json(out, e.changes[i].from);
        out += ',';
        format::append_json(out, e.changes[i].to);
        out += ']';
      }
      out += '}';
    }
    if (!e.text.empty()) {
      out += out.size() > 1 ? ",\"text\":" : "\"text\":";
      format::append_json_string(out, e.text);
    }
    for (auto it = e.extra.begin(); it != e.extra.end(); ++it) {
      if (out.size() > 1) out += ',';
      format::append_json_string(out, it.key());
      out += ':';
      format::append_json(out, it.value());
    }
    out += '}';
    return out;
  }
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
  StoredEvent s;
  s.id = st.getColumn(first).getInt64();
  s.ticket_id = st.getColumn(first + 1).getInt64();  // NULL reads 0
  s.at = st.getColumn(first + 2).getInt64();
  s.recorded_at = st.getColumn(first + 3).getInt64();
  s.actor = st.getColumn(first + 4).getString();
  s.kind = st.getColumn(first + 5).getString();
  s.data = st.getColumn(first + 6).getString();
  s.subject = st.getColumn(first + 7).getString();
  return decode(s);
}

namespace {

audit::Record record_of(const Event& e) {
  audit::Record r;
  r.id = e.id;
  r.ticket_id = e.ticket_id;
  r.at = to_unix(e.at);
  r.recorded_at = to_unix(e.recorded_at);
  r.actor = e.actor;
  r.kind = e.kind;
  r.subject = e.subject;
  r.data = encode_event_data(e);
  return r;
}

}  // namespace

PreparedEvent prepare_event(const Event& e) {
  PreparedEvent p;
  p.record = record_of(e);
  p.record.salt = util::random_bytes(audit::kSaltBytes);
  p.content = audit::content_digest(p.record);
  return p;
}

std::int64_t SqliteStore::append_event(const Event& e) {
  return append(e, nullptr);
}

std::int64_t SqliteStore::append_prepared(const Event& e, const PreparedEvent& ready) {
  return append(e, &ready);
}

std::int64_t SqliteStore::append(const Event& e, const PreparedEvent* ready) {
  return guarded([&] {
    std::int64_t id = 0;
    audit::Digest previous = audit::kGenesis;
    {
      auto& last = statement(kLastEvent);
      // An imported event keeps its id. One older than the newest is chained
      // after the newest for now; the import re-chains in id order before it
      // commits (AuditStore::rechain_after).
      if (last.executeStep()) {
        id = e.id ? e.id : last.getColumn(0).getInt64() + 1;
        // A newest event without a hash was written behind desk's back: the
        // chain goes on from nothing, and `desk audit verify` names that event.
        auto h = last.getColumn(1);
        if (!h.isNull() && h.getBytes() == static_cast<int>(previous.size()))
          std::memcpy(previous.data(), h.getBlob(), previous.size());
      } else {
        id = e.id ? e.id : 1;
      }
      last.reset();
    }
    audit::Record r;
    // What was prepared stands when it is of this event, as written now.
    if (ready && ready->record.id == id && ready->record.ticket_id == e.ticket_id &&
        ready->record.at == to_unix(e.at) && ready->record.kind == e.kind) {
      // A copy: its buffers are freed by the thread that made them, as
      // glibc frees across threads under a lock (measured: slower).
      r = ready->record;
      r.hash = util::as_bytes(audit::link(previous, ready->content));
    } else {
      r = record_of(e);
      r.id = id;
      audit::chain(r, previous);
    }

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
