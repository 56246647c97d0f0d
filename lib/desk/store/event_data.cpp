// Events as every backend stores them: the data column's JSON text, and
// what the audit chain needs of an event before it is written.
#include "desk/store/event_data.hpp"

#include "desk/audit/chain.hpp"
#include "desk/format/json_text.hpp"
#include "desk/store/store.hpp"
#include "desk/store/words.hpp"

namespace desk::store {

namespace {

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
  e.kind = stored_word<model::EventKind>(s.kind);
  decode_event_data(e, s.data);
  e.subject = s.subject;
  return e;
}

StoredEvent encode(const Event& e) {
  return {e.id,    e.ticket_id,         to_unix(e.at),        to_unix(e.recorded_at),
          e.actor, stored_name(e.kind), encode_event_data(e), e.subject};
}

audit::Record record_of(const Event& e) {
  audit::Record r;
  r.id = e.id;
  r.ticket_id = e.ticket_id;
  r.at = to_unix(e.at);
  r.recorded_at = to_unix(e.recorded_at);
  r.actor = e.actor;
  r.kind = util::name(e.kind);
  r.subject = e.subject;
  r.data = encode_event_data(e);
  return r;
}

Event event_of(const audit::Record& r) {
  return decode({r.id, r.ticket_id, r.at, r.recorded_at, r.actor, r.kind, r.data, r.subject});
}

PreparedEvent prepare_event(const Event& e) {
  PreparedEvent p;
  p.record = record_of(e);
  p.record.salt = util::random_bytes(audit::kSaltBytes);
  p.content = audit::content_digest(p.record);
  return p;
}

}  // namespace desk::store
