// desk's own export: a ticket with its whole history, replayed exactly.
#include <algorithm>

#include <fmt/ranges.h>

#include "desk/bulk/compare.hpp"
#include "desk/bulk/import_parse.hpp"
#include "desk/model/fields.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/work/validate.hpp"

namespace desk::bulk {

namespace {

using model::Event;
using model::FieldKind;
using model::Ticket;

// A CSV cell is text whatever the field: "" is none, "yes"/"no" a boolean,
// "a,b" a list of tags, digits a number.
Json from_cell(const model::FieldDef& f, const std::string& s, std::size_t line) {
  if (s.empty()) return Json();
  switch (f.kind) {
    case FieldKind::integer:
      if (auto n = util::parse_int(s)) return Json(*n);
      bad(line,
          fmt::format("{} must be a whole number, not {}", util::quoted(f.name), util::quoted(s)));
    case FieldKind::boolean:
      if (s == "yes" || s == "true") return Json(true);
      if (s == "no" || s == "false") return Json(false);
      bad(line, fmt::format("{} must be yes or no, not {}", util::quoted(f.name), util::quoted(s)));
    case FieldKind::tags:
      return Json(util::split(s, ','));
    default:
      return Json(s);
  }
}

Json field_value(const model::FieldDef& f, const Json& given, std::size_t line,
                 const ParseContext& ctx) {
  Json v = given.is_string() && f.kind != FieldKind::time && f.kind != FieldKind::text
               ? from_cell(f, given.get<std::string>(), line)
               : given;
  if (v.is_string() && v.get<std::string>().empty()) v = Json();
  if (v.is_null()) return v;
  bool ok = true;
  switch (f.kind) {
    case FieldKind::text:
      ok = v.is_string();
      break;
    case FieldKind::integer:
      ok = v.is_number_integer();
      break;
    case FieldKind::boolean:
      ok = v.is_boolean();
      break;
    case FieldKind::tags:
      ok = v.is_array() && std::all_of(v.begin(), v.end(), [](const Json& t) {
             return t.is_string() && !t.get<std::string>().empty();
           });
      break;
    case FieldKind::time:
      return Json(to_unix(time_value(v, f.name, line, ctx)));
  }
  if (!ok) bad(line, fmt::format("{} cannot be {}", util::quoted(f.name), json_text(v)));
  if (f.name == "status")
    at_line(line, [&] { work::require_word<model::Status>("status", v.get<std::string>()); });
  return v;
}

std::string optional_text(const Json& o, const char* key, std::size_t line) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return {};
  if (!it->is_string()) bad(line, fmt::format("{} must be text", util::quoted(key)));
  return it->get<std::string>();
}

Event event_from_json(const Json& j, std::size_t line, const ParseContext& ctx) {
  if (!j.is_object()) bad(line, "an event must be a JSON object");
  Event e;
  bool has_at = false, has_recorded = false, has_kind = false;
  for (const auto& [k, v] : j.items()) {
    if (k == "id") {
      if (!v.is_number_integer() || v.get<std::int64_t>() <= 0)
        bad(line, "an event's 'id' must be a positive whole number");
      e.id = v.get<std::int64_t>();
    } else if (k == "ticket") {
      if (!v.is_number_integer()) bad(line, "an event's 'ticket' must be a ticket id");
      e.ticket_id = v.get<std::int64_t>();
    } else if (k == "at") {
      e.at = time_value(v, "at", line, ctx);
      has_at = true;
    } else if (k == "recorded_at") {
      e.recorded_at = time_value(v, "recorded_at", line, ctx);
      has_recorded = true;
    } else if (k == "actor") {
      if (!v.is_string() || v.get<std::string>().empty())
        bad(line, "an event's 'actor' must be non-empty text");
      e.actor = v.get<std::string>();
    } else if (k == "kind") {
      auto kind =
          v.is_string() ? util::parse<model::EventKind>(v.get<std::string>()) : std::nullopt;
      if (!kind)
        bad(line, fmt::format("an event's 'kind' must be one of {}",
                              fmt::join(util::names<model::EventKind>(), ", ")));
      e.kind = *kind;
      has_kind = true;
    } else if (k == "changes") {
      if (!v.is_object()) bad(line, "an event's 'changes' must be an object");
      for (const auto& [field, ft] : v.items()) {
        const model::FieldDef* f = model::find_field(field);
        if (f == nullptr || field == "id")
          bad(line,
              fmt::format("an event changes {}, which is not a ticket field", util::quoted(field)));
        if (!ft.is_object() || !ft.contains("from") || !ft.contains("to"))
          bad(line, fmt::format("the change of {} needs 'from' and 'to'", util::quoted(field)));
        e.changes.push_back(
            {field, field_value(*f, ft["from"], line, ctx), field_value(*f, ft["to"], line, ctx)});
      }
    } else if (k == "text") {
      if (!v.is_null() && !v.is_string()) bad(line, "an event's 'text' must be text");
      if (v.is_string()) e.text = v.get<std::string>();
    } else {
      e.extra[k] = v;
    }
  }
  if (!has_at || e.actor.empty() || !has_kind)
    bad(line, "every event needs 'at', 'actor' and 'kind'");
  if (!has_recorded) e.recorded_at = e.at;
  return e;
}

void check_vocabulary(const Ticket& t, const config::Config& cfg) {
  work::require_one_of("type", t.type, cfg.tickets.types);
  work::require_one_of("priority", t.priority, cfg.priority.levels);
  if (!t.channel.empty()) work::require_one_of("channel", t.channel, cfg.tickets.channels);
  if (!t.category.empty()) work::require_one_of("category", t.category, cfg.tickets.categories);
}

}  // namespace

Parsed parse_history(const Row& row, const ParseContext& ctx) {
  const Json& o = row.object;
  std::size_t line = row.line;
  Parsed p;
  p.line = line;
  p.history = true;
  for (const auto& f : model::ticket_fields()) {
    auto it = o.find(f.name);
    if (it == o.end()) continue;
    model::set_field(p.ticket, f.name, field_value(f, *it, line, ctx));
  }
  if (p.ticket.id <= 0) bad(line, "a ticket with 'events' needs its 'id'");
  p.customer_email = optional_text(o, "customer_email", line);
  std::string display = optional_text(o, "customer", line);
  std::string suffix = " <" + p.customer_email + ">";
  if (!p.customer_email.empty() && display.size() > suffix.size() &&
      display.compare(display.size() - suffix.size(), suffix.size(), suffix) == 0)
    p.customer_name = display.substr(0, display.size() - suffix.size());
  else if (display != p.customer_email)
    p.customer_name = display;

  const Json& events = o["events"];
  if (!events.is_array() || events.empty())
    bad(line, "'events' must be the ticket's history: a non-empty array");
  for (const auto& j : events) {
    Event e = event_from_json(j, line, ctx);
    if (e.ticket_id != 0 && e.ticket_id != p.ticket.id)
      bad(line, fmt::format("an event of ticket {} is in the history of ticket {}", e.ticket_id,
                            p.ticket.id));
    e.ticket_id = p.ticket.id;
    p.events.push_back(std::move(e));
  }
  if (p.events.front().kind != model::EventKind::logged)
    bad(line, fmt::format("the history of ticket {} does not start with 'logged'", p.ticket.id));
  Ticket replayed = model::replay(p.events);
  auto differ = differing_fields(p.ticket, replayed);
  if (!differ.empty())
    bad(line,
        fmt::format("ticket {}'s {} {} not what its events make {}", p.ticket.id,
                    util::join(differ, ", "), differ.size() == 1 ? "is" : "are",
                    differ.size() == 1 ? "it" : "them"),
        "a ticket's fields must be the replay of its events; fix the file, or leave out "
        "'events' and 'id' to import it as another tool's ticket");
  at_line(line, [&] { check_vocabulary(replayed, ctx.config); });
  p.ticket = std::move(replayed);
  return p;
}

}  // namespace desk::bulk
