#include "desk/bulk/export.hpp"

#include <simdjson.h>

#include "desk/format/json_element.hpp"
#include "desk/format/json_text.hpp"
#include "desk/model/fields.hpp"
#include "desk/model/serialize.hpp"

namespace desk::bulk {

using format::append_json_string;
using model::Json;

namespace {

using Element = simdjson::dom::element;

// A value of an event's stored JSON as nlohmann would dump it once parsed.
// False when an object repeats a key (nlohmann would keep one of them) or
// for a negative zero: desk never writes those, and the caller then takes
// the exact slow path.
bool append_value(std::string& out, Element v) {
  using T = simdjson::dom::element_type;
  switch (v.type()) {
    case T::OBJECT: {
      std::vector<std::string_view> keys;
      out += '{';
      for (auto field : simdjson::dom::object(v)) {
        for (auto k : keys)
          if (k == field.key) return false;
        if (!keys.empty()) out += ',';
        keys.push_back(field.key);
        format::append_valid_json_string(out, field.key);
        out += ':';
        if (!append_value(out, field.value)) return false;
      }
      out += '}';
      return true;
    }
    case T::ARRAY: {
      out += '[';
      bool first = true;
      for (auto item : simdjson::dom::array(v)) {
        if (!first) out += ',';
        first = false;
        if (!append_value(out, item)) return false;
      }
      out += ']';
      return true;
    }
    case T::STRING:
      format::append_valid_json_string(out, std::string_view(v));
      return true;
    default:
      return format::append_json_scalar(out, v);
  }
}

// The keys event_json writes itself: an extra of the same name would
// replace one of them in place.
bool reserved(std::string_view key) {
  return key == "id" || key == "ticket" || key == "at" || key == "recorded_at" || key == "actor" ||
         key == "kind" || key == "changes" || key == "text";
}

}  // namespace

struct ExportWriter::Parser {
  simdjson::dom::parser json;
  std::string padded;  // the event's data with room for simdjson's padding after it
  std::vector<std::string_view> keys;
  std::vector<std::string_view> time_fields;  // changes whose values are times
};

ExportWriter::ExportWriter(Zone zone)
    : zone_(zone), iso_(std::move(zone)), parser_(std::make_unique<Parser>()) {
  for (const auto& f : model::ticket_fields())
    if (f.kind == model::FieldKind::time) parser_->time_fields.push_back(f.name);
}

ExportWriter::~ExportWriter() = default;

void ExportWriter::time(std::string& out, std::int64_t unix_seconds) {
  char buf[kIsoMax + 2];
  buf[0] = '"';
  std::size_t n = iso_.write(buf + 1, from_unix(unix_seconds));
  buf[n + 1] = '"';
  out.append(buf, n + 2);
}

void ExportWriter::ticket_fields(std::string& out, const model::Ticket& t) {
  using K = model::FieldView::Kind;
  const auto& defs = model::ticket_fields();
  auto key = [&out](std::string_view name) {
    out += out.back() == '{' ? "\"" : ",\"";
    out += name;  // field names are plain words: nothing to escape
    out += "\":";
  };
  auto text_or_null = [&out](std::string_view s) {
    if (s.empty())
      out += "null";
    else
      append_json_string(out, s);
  };
  out += '{';
  for (std::size_t i = 0; i < defs.size(); ++i) {
    std::string_view name = defs[i].name;
    model::FieldView v = model::view_field(t, i);
    if (name == "customer_id") {
      key("customer");
      text_or_null(model::customer_display(t));
    }
    key(name);
    switch (v.kind) {
      case K::null:
        out += "null";
        break;
      case K::text:
        append_json_string(out, v.text);
        break;
      case K::integer:
        format::append_json_int(out, v.number);
        break;
      case K::boolean:
        out += v.number ? "true" : "false";
        break;
      case K::time:
        time(out, v.number);
        break;
      case K::tags:
        out += '[';
        for (std::size_t n = 0; n < v.tags->size(); ++n) {
          if (n) out += ',';
          append_json_string(out, (*v.tags)[n]);
        }
        out += ']';
        break;
    }
    if (name == "customer_id") {
      key("customer_email");
      text_or_null(t.customer_email);
    }
  }
  key("open");
  out += model::is_open(t.status) ? "true" : "false";
}

// The plain shape desk writes ({"changes": {field: [from, to]}, "text":
// "...", extras}) is transcoded as it is read. Anything else returns false
// having written nothing, for event() to take the slow, exact path.
bool ExportWriter::event_from_data(std::string& out, const store::StoredEvent& e) {
  Parser& p = *parser_;
  // simdjson reads past the end: in place when the string has the room
  // (the store leaves it), else from a padded copy.
  const std::string* json = &e.data;
  if (e.data.capacity() - e.data.size() < simdjson::SIMDJSON_PADDING) {
    p.padded.reserve(e.data.size() + simdjson::SIMDJSON_PADDING);
    p.padded.assign(e.data);
    json = &p.padded;
  }
  Element root;
  simdjson::dom::object data;
  if (p.json.parse(json->data(), json->size(), false).get(root) || root.get_object().get(data))
    return false;
  simdjson::dom::object changes;
  bool has_changes = false;
  std::string_view text;
  p.keys.clear();
  for (auto field : data) {
    for (auto k : p.keys)
      if (k == field.key) return false;
    p.keys.push_back(field.key);
    if (field.key == "changes") {
      if (field.value.get_object().get(changes)) return false;
      has_changes = true;
    } else if (field.key == "text") {
      if (field.value.get_string().get(text)) return false;
    } else if (reserved(field.key)) {
      return false;
    }
  }

  std::size_t mark = out.size();
  auto fail = [&] {
    out.resize(mark);
    return false;
  };
  out += "{\"id\":";
  format::append_json_int(out, e.id);
  out += ",\"ticket\":";
  format::append_json_int(out, e.ticket_id);
  out += ",\"at\":";
  time(out, e.at);
  out += ",\"recorded_at\":";
  time(out, e.recorded_at);
  out += ",\"actor\":";
  append_json_string(out, e.actor);
  out += ",\"kind\":";
  append_json_string(out, e.kind);
  out += ",\"changes\":{";
  if (has_changes) {
    p.keys.clear();
    for (auto change : changes) {
      for (auto k : p.keys)
        if (k == change.key) return fail();
      simdjson::dom::array pair;
      if (change.value.get_array().get(pair) || pair.size() != 2) return fail();
      if (!p.keys.empty()) out += ',';
      p.keys.push_back(change.key);
      bool is_time = false;
      for (auto name : p.time_fields) is_time = is_time || name == change.key;
      format::append_valid_json_string(out, change.key);
      const char* label = ":{\"from\":";
      for (Element v : pair) {
        out += label;
        label = ",\"to\":";
        if (!is_time) {
          if (!append_value(out, v)) return fail();
        } else if (v.type() == simdjson::dom::element_type::INT64) {
          time(out, std::int64_t(v));
        } else if (v.type() == simdjson::dom::element_type::UINT64) {
          return fail();  // beyond what a time can be; the slow path says what
        } else {
          out += "null";  // as event_json writes a time that is not a number
        }
      }
      out += '}';
    }
  }
  out += "},\"text\":";
  if (text.empty())
    out += "null";
  else
    format::append_valid_json_string(out, text);
  for (auto field : data) {
    if (field.key == "changes" || field.key == "text") continue;
    out += ',';
    format::append_valid_json_string(out, field.key);
    out += ':';
    if (!append_value(out, field.value)) return fail();
  }
  out += '}';
  return true;
}

void ExportWriter::event(std::string& out, const store::StoredEvent& e) {
  if (event_from_data(out, e)) return;
  out += model::event_json(store::decode(e), zone_)
             .dump(-1, ' ', false, Json::error_handler_t::replace);
}

void ExportWriter::events(std::string& out, std::span<const store::StoredEvent> events) {
  out += '[';
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (i) out += ',';
    event(out, events[i]);
  }
  out += ']';
}

void ExportWriter::line(std::string& out, const model::Ticket& t,
                        std::span<const store::StoredEvent> events) {
  ticket_fields(out, t);
  out += ",\"events\":";
  this->events(out, events);
  out += "}\n";
}

std::vector<format::Column> export_csv_columns() {
  std::vector<format::Column> out;
  // The keys the JSON has, in its order, whatever fields later versions add.
  const Json blank = model::ticket_json(model::Ticket{}, Zone::utc());
  for (auto it = blank.begin(); it != blank.end(); ++it) {
    const std::string& key = it.key();
    const model::FieldDef* f = model::find_field(key);
    bool list = f && f->kind == model::FieldKind::tags;
    out.emplace_back(key, key, list ? format::Kind::list : format::Kind::text);
  }
  out.emplace_back("events", "events");
  return out;
}

Json export_csv_row(const model::Ticket& t, std::string events, const Zone& zone) {
  Json row = model::ticket_json(t, zone);
  row["events"] = std::move(events);
  return row;
}

}  // namespace desk::bulk
