#include "desk/model/serialize.hpp"

#include "desk/model/fields.hpp"

namespace desk::model {

namespace {

Json time_json(const Json& unix_seconds, const Zone& zone) {
  if (!unix_seconds.is_number_integer()) return Json();
  return format_iso(from_unix(unix_seconds.get<std::int64_t>()), zone);
}

}  // namespace

std::string customer_display(const Ticket& t) {
  if (t.customer_name.empty()) return t.customer_email;
  if (t.customer_email.empty()) return t.customer_name;
  return t.customer_name + " <" + t.customer_email + ">";
}

Json text_or_null(const std::string& s) {
  return s.empty() ? Json() : Json(s);
}

Json ticket_json(const Ticket& t, const Zone& zone) {
  Json j = Json::object();
  for (const auto& f : ticket_fields()) {
    Json v = get_field(t, f.name);
    if (f.kind == FieldKind::time) v = time_json(v, zone);
    if (f.name == "customer_id") {
      std::string display = customer_display(t);
      j["customer"] = text_or_null(display);
      j["customer_id"] = v;
      j["customer_email"] = text_or_null(t.customer_email);
      continue;
    }
    j[std::string(f.name)] = std::move(v);
  }
  j["open"] = is_open(t.status);
  return j;
}

Json event_json(const Event& e, const Zone& zone) {
  Json j = Json::object();
  j["id"] = e.id;
  j["ticket"] = e.ticket_id;
  j["at"] = format_iso(e.at, zone);
  j["recorded_at"] = format_iso(e.recorded_at, zone);
  j["actor"] = e.actor;
  j["kind"] = e.kind;
  Json changes = Json::object();
  for (const auto& c : e.changes) {
    const FieldDef* f = find_field(c.field);
    bool time = f && f->kind == FieldKind::time;
    changes[c.field] = {{"from", time ? time_json(c.from, zone) : c.from},
                        {"to", time ? time_json(c.to, zone) : c.to}};
  }
  j["changes"] = std::move(changes);
  j["text"] = text_or_null(e.text);
  for (const auto& [k, v] : e.extra.items()) j[k] = v;
  return j;
}

}  // namespace desk::model
