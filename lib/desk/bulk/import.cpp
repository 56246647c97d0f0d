#include "desk/bulk/import.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "desk/bulk/compare.hpp"
#include "desk/catalog/customers.hpp"
#include "desk/core/error.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/store.hpp"
#include "desk/tickets/actions.hpp"
#include "desk/tickets/allocation.hpp"
#include "desk/tickets/fields.hpp"
#include "desk/tickets/priority.hpp"
#include "desk/tickets/record.hpp"
#include "desk/tickets/validate.hpp"
#include "desk/tickets/vocabulary.hpp"
#include "desk/util/handoff.hpp"
#include "desk/util/strings.hpp"

namespace desk::bulk {

namespace {

using tickets::Event;
using tickets::FieldKind;
using tickets::Ticket;

[[noreturn]] void bad(std::size_t line, const std::string& what, const std::string& hint = {}) {
  throw DataError(fmt::format("line {}: {}", line, what), hint);
}

// Runs `f`, putting the row's line in front of any DataError it throws.
template <typename F>
auto at_line(std::size_t line, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const DataError& e) {
    std::string what = e.what();
    if (util::starts_with(what, "line ")) throw;
    throw DataError(fmt::format("line {}: {}", line, what), e.hint());
  }
}

std::string json_text(const Json& v) {
  return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Instant time_value(const Json& v, std::string_view key, std::size_t line, const ParseContext& ctx) {
  if (!v.is_string())
    bad(line, fmt::format("{} must be a time as text, not {}", util::quoted(key), json_text(v)));
  return at_line(line, [&] {
    try {
      return parse_time(v.get<std::string>(), ctx.now, ctx.zone);
    } catch (const DataError& e) {
      throw DataError(fmt::format("{}: {}", util::quoted(key), e.what()),
                      "times are ISO 8601, such as 2026-11-24T09:05:00Z or 2026-11-24 09:05");
    }
  });
}

// ---- desk's own shape: a ticket with its events --------------------------

// A CSV cell is text whatever the field: "" is none, "yes"/"no" a boolean,
// "a,b" a list of tags, digits a number.
Json from_cell(const tickets::FieldDef& f, const std::string& s, std::size_t line) {
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

Json field_value(const tickets::FieldDef& f, const Json& given, std::size_t line,
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
  bool has_at = false, has_recorded = false;
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
    } else if (k == "actor" || k == "kind") {
      if (!v.is_string() || v.get<std::string>().empty())
        bad(line, fmt::format("an event's {} must be non-empty text", util::quoted(k)));
      (k == "actor" ? e.actor : e.kind) = v.get<std::string>();
    } else if (k == "changes") {
      if (!v.is_object()) bad(line, "an event's 'changes' must be an object");
      for (const auto& [field, ft] : v.items()) {
        const tickets::FieldDef* f = tickets::find_field(field);
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
  if (!has_at || e.actor.empty() || e.kind.empty())
    bad(line, "every event needs 'at', 'actor' and 'kind'");
  if (!has_recorded) e.recorded_at = e.at;
  return e;
}

void check_vocabulary(const Ticket& t, const config::Config& cfg) {
  tickets::require_one_of("type", t.type, cfg.tickets.types);
  tickets::require_one_of("priority", t.priority, cfg.priority.levels);
  if (!t.channel.empty()) tickets::require_one_of("channel", t.channel, cfg.tickets.channels);
  if (!t.category.empty()) tickets::require_one_of("category", t.category, cfg.tickets.categories);
  tickets::require_one_of("status", t.status, tickets::kStatuses);
}

Parsed parse_history(const Row& row, const ParseContext& ctx) {
  const Json& o = row.object;
  std::size_t line = row.line;
  Parsed p;
  p.line = line;
  p.history = true;
  for (const auto& f : tickets::ticket_fields()) {
    auto it = o.find(f.name);
    if (it == o.end()) continue;
    tickets::set_field(p.ticket, f.name, field_value(f, *it, line, ctx));
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
  if (p.events.front().kind != "logged")
    bad(line, fmt::format("the history of ticket {} does not start with 'logged'", p.ticket.id));
  Ticket replayed = tickets::replay(p.events);
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

// ---- another tool's tickets ----------------------------------------------

const std::vector<std::string> kColumns = {"external_id",    "type",
                                           "title",          "description",
                                           "created_at",     "customer",
                                           "customer_name",  "customer_email",
                                           "customer_phone", "organisation",
                                           "channel",        "category",
                                           "service",        "priority",
                                           "impact",         "urgency",
                                           "tags",           "status",
                                           "pending_reason", "assignee",
                                           "team",           "first_response_at",
                                           "resolved_at",    "resolution_code",
                                           "resolution",     "workaround",
                                           "closed_at",      "rating",
                                           "rating_comment", "rated_at"};

// The row's values by column: text, "" when absent, null or empty.
class Values {
 public:
  Values(const Json& o, std::size_t line) : o_(o), line_(line) {
    for (const auto& [k, v] : o.items()) {
      if (std::find(kColumns.begin(), kColumns.end(), k) == kColumns.end()) {
        std::string hint = fmt::format("the columns are: {}", util::join(kColumns, ", "));
        if (auto near = util::closest(k, kColumns))
          hint = fmt::format("did you mean {}?", util::quoted(*near));
        bad(line, fmt::format("unknown column {}", util::quoted(k)), hint);
      }
    }
  }

  std::string text(const std::string& key) const {
    auto it = o_.find(key);
    if (it == o_.end() || it->is_null()) return {};
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
    if (!it->is_string())
      bad(line_, fmt::format("{} must be text, not {}", util::quoted(key), json_text(*it)));
    return std::string(util::trim(it->get<std::string>()));
  }
  // Long text keeps its own spacing.
  std::string raw(const std::string& key) const {
    auto it = o_.find(key);
    if (it == o_.end() || it->is_null()) return {};
    if (!it->is_string()) bad(line_, fmt::format("{} must be text", util::quoted(key)));
    return it->get<std::string>();
  }
  std::optional<std::string> maybe(const std::string& key) const {
    std::string v = text(key);
    return v.empty() ? std::nullopt : std::optional<std::string>(v);
  }
  std::optional<Instant> time(const std::string& key, const ParseContext& ctx) const {
    std::string v = text(key);
    if (v.empty()) return std::nullopt;
    return time_value(Json(v), key, line_, ctx);
  }
  std::vector<std::string> tags() const {
    auto it = o_.find("tags");
    std::vector<std::string> out;
    if (it == o_.end() || it->is_null()) return out;
    std::vector<std::string> raw;
    if (it->is_array()) {
      for (const auto& t : *it) {
        if (!t.is_string()) bad(line_, "'tags' must be text");
        raw.push_back(t.get<std::string>());
      }
    } else if (it->is_string()) {
      // "vpn,remote" or "vpn remote": spreadsheets use either.
      std::string s = it->get<std::string>();
      std::replace(s.begin(), s.end(), ' ', ',');
      raw = util::split(s, ',');
    } else {
      bad(line_, "'tags' must be text or a list");
    }
    for (const auto& t : raw) {
      std::string checked = tickets::checked_tag(t);
      if (std::find(out.begin(), out.end(), checked) == out.end()) out.push_back(checked);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  bool has(const std::string& key) const {
    auto it = o_.find(key);
    return it != o_.end() && !it->is_null() &&
           !(it->is_string() && util::trim(it->get<std::string>()).empty()) &&
           !(it->is_array() && it->empty());
  }

 private:
  const Json& o_;
  std::size_t line_;
};

Event make_event(const char* kind, Instant at, const std::string& actor) {
  Event e;
  e.kind = kind;
  e.at = at;
  e.recorded_at = at;
  e.actor = actor;
  return e;
}

// The customer's rating of the resolution, as `desk rate` records it: by
// the importer, at rated_at (else when it was resolved).
std::optional<Event> read_rating(const Values& v, const ParseContext& ctx,
                                 std::optional<Instant> resolved) {
  std::string given = v.text("rating");
  if (given.empty()) {
    if (v.has("rating_comment") || v.has("rated_at"))
      throw DataError("'rating_comment' or 'rated_at' without 'rating'",
                      "give the score, 1 to 5, in 'rating'");
    return std::nullopt;
  }
  auto score = util::parse_int(given);
  if (!score || *score < 1 || *score > 5)
    throw DataError(fmt::format("'rating' must be 1 to 5, not {}", util::quoted(given)),
                    "5 is very satisfied, 1 very dissatisfied");
  if (!resolved)
    throw DataError(
        "a rating is of a resolution, but the ticket is not resolved",
        "give 'resolved_at' and the status resolved or closed, or leave 'rating' empty");
  Instant at = v.time("rated_at", ctx).value_or(*resolved);
  if (at < *resolved)
    throw DataError(fmt::format("'rated_at' {} is before 'resolved_at' {}",
                                format_iso(at, ctx.zone), format_iso(*resolved, ctx.zone)),
                    "a rating comes after the resolution it rates");
  if (at > ctx.now)
    throw DataError(fmt::format("'rated_at' {} is in the future", format_iso(at, ctx.zone)));
  Event e = make_event("rated", at, ctx.actor);
  e.text = v.raw("rating_comment");
  e.extra["score"] = *score;
  e.extra["resolution"] = 1;
  return e;
}

// The row's customer: `customer` (an email or a name, as `desk log -c`
// takes it) or the columns `desk customer add` takes, not both.
void read_customer(const Values& v, Parsed& p) {
  p.customer_key = v.text("customer");
  p.customer_name = util::single_line(v.text("customer_name"));
  p.customer_email = v.text("customer_email");
  p.customer_phone = v.text("customer_phone");
  p.organisation = v.text("organisation");
  bool columns = !p.customer_name.empty() || !p.customer_email.empty();
  if (!p.customer_key.empty() && columns)
    throw DataError("both 'customer' and 'customer_name' or 'customer_email' are given",
                    "give the customer one way: 'customer', or 'customer_name' and "
                    "'customer_email'");
  if (!columns && (!p.customer_phone.empty() || !p.organisation.empty()))
    throw DataError("'customer_phone' or 'organisation' without the customer",
                    "give 'customer_name' or 'customer_email' too");
  if (!p.customer_email.empty() && p.customer_email.find('@') == std::string::npos)
    throw DataError(
        fmt::format("'customer_email' {} is not an email address", util::quoted(p.customer_email)));
  if (columns) p.customer_key = p.customer_email.empty() ? p.customer_name : p.customer_email;
}

Parsed parse_other(const Row& row, const ParseContext& ctx) {
  const config::Config& cfg = ctx.config;
  std::size_t line = row.line;
  Values v(row.object, line);
  Parsed p;
  p.line = line;
  return at_line(line, [&] {
    std::string title = tickets::checked_title(v.text("title"));
    std::string type = v.text("type");
    if (type.empty()) type = cfg.tickets.types.front();
    tickets::require_one_of("type", type, cfg.tickets.types);
    std::string channel = v.text("channel"), category = v.text("category");
    if (!channel.empty()) tickets::require_one_of("channel", channel, cfg.tickets.channels);
    if (!category.empty()) tickets::require_one_of("category", category, cfg.tickets.categories);
    tickets::PriorityChoice prio = tickets::choose_priority(
        cfg.priority, v.maybe("impact"), v.maybe("urgency"), v.maybe("priority"));
    std::vector<std::string> tags = v.tags();
    read_customer(v, p);

    // When things happened: in order, and none in the future.
    Instant created = v.time("created_at", ctx).value_or(ctx.now);
    auto first_response = v.time("first_response_at", ctx);
    auto resolved = v.time("resolved_at", ctx);
    auto closed = v.time("closed_at", ctx);
    std::string status = v.text("status");
    if (status.empty())
      status = closed ? "closed" : resolved ? "resolved" : v.has("assignee") ? "assigned" : "new";
    tickets::require_one_of("status", status, tickets::kStatuses);
    bool done = status == "resolved" || status == "closed";
    if (done && !resolved) {
      if (status == "closed" && closed)
        resolved = closed;
      else
        throw DataError(fmt::format("a {} ticket needs 'resolved_at'", status),
                        "give when it was resolved, or the status the ticket has now");
    }
    if (status == "closed" && !closed) closed = resolved;
    if (!done && (resolved || closed))
      throw DataError(fmt::format("the status is {} but {} is set", util::quoted(status),
                                  util::quoted(resolved ? "resolved_at" : "closed_at")),
                      "give the status the ticket has now, such as resolved");
    if (status != "closed" && closed)
      throw DataError("'closed_at' is set but the status is not closed",
                      "give the status closed, or leave 'closed_at' empty");
    std::pair<const char*, std::optional<Instant>> times[] = {{"created_at", created},
                                                              {"first_response_at", first_response},
                                                              {"resolved_at", resolved},
                                                              {"closed_at", closed}};
    const char* previous = nullptr;
    Instant last{};
    for (const auto& [name, t] : times) {
      if (!t) continue;
      if (*t > ctx.now)
        throw DataError(
            fmt::format("{} {} is in the future", util::quoted(name), format_iso(*t, ctx.zone)));
      if (previous && *t < last)
        throw DataError(
            fmt::format("{} {} is before {} {}", util::quoted(name), format_iso(*t, ctx.zone),
                        util::quoted(previous), format_iso(last, ctx.zone)),
            fmt::format("{} must be no earlier than {}: the times go created_at, "
                        "first_response_at, resolved_at, closed_at",
                        util::quoted(name), util::quoted(previous)));
      previous = name;
      last = *t;
    }
    std::string code = v.text("resolution_code");
    if (done) {
      if (code.empty()) code = cfg.imports.resolution_code.value;
      if (code.empty())
        throw DataError(fmt::format("a {} ticket needs 'resolution_code'", status),
                        fmt::format("one of: {}; or name the one to use in desk.toml's "
                                    "[import] resolution_code",
                                    util::join(cfg.tickets.resolution_codes, ", ")));
      tickets::require_one_of("resolution code", code, cfg.tickets.resolution_codes);
    }

    // Who has it.
    std::string assignee = v.text("assignee"), team_name = v.text("team");
    const config::Team* team = nullptr;
    if (!assignee.empty()) {
      std::vector<std::string> techs;
      for (const auto& [id, tech] : cfg.technicians) techs.push_back(id);
      tickets::require_one_of("assignee", assignee, techs);
    }
    if (!team_name.empty()) {
      std::vector<std::string> teams;
      for (const auto& [name, t] : cfg.teams)
        if (!t.supplier) teams.push_back(name);
      tickets::require_one_of("team", team_name, teams);
      team = cfg.team(team_name);
    } else if (!assignee.empty()) {
      const auto* tech = cfg.technician(assignee);
      if (!tech->teams.empty()) team = cfg.team(tech->teams.front());
    }
    if ((status == "assigned" || status == "in-progress") && assignee.empty())
      throw DataError(fmt::format("an {} ticket needs 'assignee'", status),
                      "give the technician, or the status new with only a team");
    std::string pending_reason = v.text("pending_reason");
    if (status == "pending") {
      if (pending_reason.empty()) pending_reason = "customer";
      tickets::require_one_of("pending reason", pending_reason, tickets::kPendingReasons);
    } else if (!pending_reason.empty()) {
      throw DataError("'pending_reason' is set but the status is not pending",
                      "give the status pending, or leave 'pending_reason' empty");
    }

    std::optional<Event> rated = read_rating(v, ctx, done ? resolved : std::nullopt);

    // The story a technician would have told with desk.
    const std::string& by = assignee.empty() ? ctx.actor : assignee;
    Ticket t;
    Event logged = make_event("logged", created, ctx.actor);
    tickets::change(logged, t, "type", type);
    tickets::change(logged, t, "title", title);
    tickets::change(logged, t, "description", v.raw("description"));
    tickets::change(logged, t, "status", "new");
    tickets::change(logged, t, "priority", prio.priority);
    tickets::change(logged, t, "impact", prio.impact);
    tickets::change(logged, t, "urgency", prio.urgency);
    // The customer's id is known once the store has looked the key up.
    if (!p.customer_key.empty()) logged.changes.push_back({"customer_id", Json(), Json()});
    tickets::change(logged, t, "channel", channel);
    tickets::change(logged, t, "category", category);
    tickets::change(logged, t, "service", v.text("service"));
    tickets::change(logged, t, "tags", tags);
    tickets::change(logged, t, "external_id", v.text("external_id"));
    logged.extra["imported"] = true;
    p.events.push_back(logged);
    tickets::apply(t, logged);

    if (team || !assignee.empty()) {
      Event e = make_event("allocated", created, ctx.actor);
      if (team) {
        tickets::change(e, t, "team", team->name);
        tickets::change(e, t, "tier", team->tier);
      }
      tickets::change(e, t, "assignee", assignee);
      tickets::change(e, t, "status", assignee.empty() ? "new" : "assigned");
      e.extra["reason"] = "imported";
      if (!e.changes.empty()) {
        tickets::apply(t, e);
        p.events.push_back(std::move(e));
      }
    }
    if (first_response) {
      Event e = make_event("reply", *first_response, by);
      e.text = "(first response, imported)";
      tickets::apply(t, e);
      p.events.push_back(std::move(e));
    }
    if (status == "in-progress" || status == "pending") {
      Event e = make_event("status", std::max(created, first_response.value_or(created)), by);
      tickets::change(e, t, "status", status);
      tickets::change(e, t, "pending_reason", pending_reason);
      tickets::apply(t, e);
      p.events.push_back(std::move(e));
    }
    if (done) {
      Event e = make_event("resolved", *resolved, by);
      tickets::change(e, t, "status", "resolved");
      tickets::change(e, t, "resolution_code", code);
      tickets::change(e, t, "resolution", v.raw("resolution"));
      tickets::change(e, t, "workaround", v.raw("workaround"));
      tickets::apply(t, e);
      p.events.push_back(std::move(e));
    }
    // Rated before it closed, or after.
    auto add_rating = [&] {
      tickets::apply(t, *rated);
      p.events.push_back(std::move(*rated));
      rated.reset();
    };
    if (rated && (status != "closed" || rated->at < *closed)) add_rating();
    if (status == "closed") {
      Event e = make_event("closed", *closed, by);
      tickets::change(e, t, "status", "closed");
      tickets::apply(t, e);
      p.events.push_back(std::move(e));
    }
    if (rated) add_rating();
    p.ticket = std::move(t);
    return p;
  });
}

// ---- storing -------------------------------------------------------------

struct Importer {
  tickets::Session& s;
  std::string source;
  std::int64_t last_event = 0;  // ids up to this were taken before the import
  ImportResult out;
  std::int64_t newest = 0;                          // the highest event id written so far
  bool out_of_order = false;                        // an event kept an id below `newest`
  std::pair<std::int64_t, std::string> resolver{};  // ticket, who last resolved it
  bool routing = true;                              // another tool's rows without a team are routed

  // A "rated" event stands for a row of ratings too (desk rate writes both),
  // so that desk report csat counts imported ratings.
  void rating(const Event& e, std::int64_t ticket_id) {
    catalog::Rating r;
    r.ticket_id = ticket_id;
    if (e.extra.contains("score") && e.extra["score"].is_number_integer())
      r.score = e.extra["score"].get<int>();
    if (e.extra.contains("resolution") && e.extra["resolution"].is_number_integer())
      r.resolution = e.extra["resolution"].get<int>();
    if (r.score < 1 || r.score > 5) return;  // not desk's: the event alone tells of it
    r.comment = e.text;
    r.at = e.at;
    r.actor = e.actor;
    if (resolver.first != ticket_id) {  // resolved before this import
      resolver = {ticket_id, ""};
      for (const auto& earlier : s.store.ticket_events(ticket_id))
        if (earlier.kind == "resolved") resolver.second = earlier.actor;
    }
    r.resolver = resolver.second;
    for (const auto& existing : s.store.ratings().of_ticket(ticket_id))
      if (existing.resolution == r.resolution) return;
    s.store.ratings().insert(r);
  }

  // Writes `e` (its ticket and, unless kept, its id set here).
  void append(Event& e, std::int64_t ticket_id, const store::PreparedEvent* ready = nullptr) {
    e.ticket_id = ticket_id;
    if (e.id <= last_event) e.id = 0;
    if (e.id && e.id < newest) out_of_order = true;
    std::int64_t id = ready && e.id ? s.store.append_prepared(e, *ready) : s.store.append_event(e);
    newest = std::max(newest, id);
    if (e.kind == "resolved") resolver = {ticket_id, e.actor};
    if (e.kind == "rated") rating(e, ticket_id);
    ++out.events;
    // A link is a row of its own beside the event that tells of it.
    if (e.kind == "linked" && e.extra.contains("to") && e.extra["to"].is_number_integer() &&
        e.extra.contains("link") && e.extra["link"].is_string())
      s.store.add_link({ticket_id, e.extra["to"].get<std::int64_t>(),
                        e.extra["link"].get<std::string>(), e.at, e.actor});
  }

  // The file's customer: the store's customer with the same id when it is
  // the same person (name and email), else the one with the same email
  // (emails are unique; names are not), else a new customer, keeping the
  // file's id when it is free.
  std::int64_t customer_for(const Parsed& p) {
    std::int64_t id = p.ticket.customer_id;
    if (auto c = s.store.customer(id);
        c && c->name == p.customer_name &&
        util::to_lower_ascii(c->email) == util::to_lower_ascii(p.customer_email))
      return id;
    if (!p.customer_email.empty())
      if (auto c = s.store.find_customer(p.customer_email)) return c->id;
    catalog::Customer c;
    c.name = p.customer_name;
    c.email = p.customer_email;
    c.created_at = c.updated_at = p.ticket.created_at;
    if (!s.store.customer(id)) c.id = id;
    return s.store.insert_customer(c);
  }

  // `prepared`: the events made ready for the audit chain on the parsing
  // thread (empty, or one per event, null where an id was not kept).
  void history(Parsed& p, std::vector<std::optional<store::PreparedEvent>>& prepared) {
    auto ready = [&](std::size_t i) {
      return i < prepared.size() && prepared[i] ? &*prepared[i] : nullptr;
    };
    std::int64_t id = p.ticket.id;
    if (auto existing = s.store.find_ticket(id)) {
      auto stored = s.store.ticket_events(id);
      bool prefix = stored.size() <= p.events.size();
      for (std::size_t i = 0; prefix && i < stored.size(); ++i)
        prefix = stored[i].kind == p.events[i].kind && stored[i].at == p.events[i].at &&
                 stored[i].actor == p.events[i].actor;
      if (!prefix)
        bad(p.line, fmt::format("ticket {} exists already with another history", id),
            "import desk's export into an empty store, or leave out 'events' and 'id' to "
            "import the row as a new ticket");
      if (stored.size() == p.events.size()) {
        ++out.skipped;
        return;
      }
      Ticket t = *existing;
      for (std::size_t i = stored.size(); i < p.events.size(); ++i) {
        tickets::apply(t, p.events[i]);
        append(p.events[i], id, ready(i));
      }
      s.store.update_ticket(t);
      ++out.updated;
      return;
    }
    if (!p.ticket.external_id.empty())
      if (auto other = s.store.find_ticket_id_by_external(p.ticket.external_id))
        bad(p.line, fmt::format("external id {} belongs to ticket {} already",
                                util::quoted(p.ticket.external_id), *other));
    // The customer's id in this store may differ from the file's.
    if (std::int64_t from = p.ticket.customer_id; from != 0) {
      std::int64_t to = customer_for(p);
      if (to != from) {
        for (auto& e : p.events)
          for (auto& c : e.changes)
            if (c.field == "customer_id") {
              if (c.from == Json(from)) c.from = to;
              if (c.to == Json(from)) c.to = to;
            }
        p.ticket = tickets::replay(p.events);
        prepared.clear();  // made for the file's customer id
      }
    }
    s.store.insert_ticket(p.ticket);
    for (std::size_t i = 0; i < p.events.size(); ++i) append(p.events[i], id, ready(i));
    ++out.created;
  }

  // Another tool's row seen before: its editable fields, changed by an
  // `edited` event as `desk edit` would; everything else stays.
  void update(const Parsed& p, const Values& v, std::int64_t id) {
    Ticket t = tickets::require_ticket(s, id);
    if (t.status == "closed") {
      ++out.skipped;
      return;
    }
    tickets::EditRequest r;
    auto text = [&](const char* key, std::optional<std::string>& slot, const std::string& value) {
      if (v.has(key)) slot = value;
    };
    text("title", r.title, p.ticket.title);
    text("description", r.description, p.ticket.description);
    text("type", r.type, p.ticket.type);
    text("channel", r.channel, p.ticket.channel);
    text("category", r.category, p.ticket.category);
    text("service", r.service, p.ticket.service);
    text("customer", r.customer, p.customer_key);
    text("customer_email", r.customer, p.customer_key);
    if (p.customer_email.empty()) text("customer_name", r.customer, p.customer_key);
    // As `desk edit` takes them: a new impact or urgency re-derives the
    // priority unless the row gives one.
    text("priority", r.priority, p.ticket.priority);
    text("impact", r.impact, p.ticket.impact);
    text("urgency", r.urgency, p.ticket.urgency);
    if (v.has("tags")) {
      for (const auto& tag : p.ticket.tags)
        if (std::find(t.tags.begin(), t.tags.end(), tag) == t.tags.end()) r.add_tags.push_back(tag);
      for (const auto& tag : t.tags)
        if (std::find(p.ticket.tags.begin(), p.ticket.tags.end(), tag) == p.ticket.tags.end())
          r.remove_tags.push_back(tag);
    }
    r.reason = "imported from " + source;
    std::optional<Event> e;
    if (!r.empty()) e = tickets::edit_ticket(s, id, r);
    if (e) {
      ++out.updated;
      ++out.events;
    } else {
      ++out.skipped;
    }
  }

  // Another tool's customer: by `customer` as `desk log -c` finds or adds
  // one; by its columns, the customer with that email (whose name must then
  // be the row's: one email is one person), else a new customer with them.
  std::int64_t customer_of_row(const Parsed& p) {
    if (p.customer_name.empty() && p.customer_email.empty())
      return tickets::resolve_customer(s, p.customer_key, true);
    if (auto c = s.store.find_customer(p.customer_key)) {
      if (!p.customer_email.empty() && !p.customer_name.empty() && !c->name.empty() &&
          util::to_lower_ascii(c->name) != util::to_lower_ascii(p.customer_name))
        throw DataError(
            fmt::format("customer {} is named {} already, not {}", util::quoted(c->email),
                        util::quoted(c->name), util::quoted(p.customer_name)),
            "one email is one customer: give it one name in the file (or rename the stored "
            "customer with 'desk customer edit')");
      return c->id;
    }
    catalog::Customer c;
    c.name = p.customer_name;
    c.email = p.customer_email;
    c.phone = p.customer_phone;
    c.organisation = p.organisation;
    return catalog::add_customer(s, c).id;
  }

  // A row that names no team or technician gets the team `desk allocate
  // --auto` would route it to (the first [[routing]] rule it matches, else
  // the first-line team), allocated when it was logged: else workload and
  // team reports would never see it.
  void route_to_team(Parsed& p, std::int64_t customer_id) {
    Ticket t = tickets::replay(p.events);
    if (!t.team.empty()) return;
    if (auto c = customer_id ? s.store.customer(customer_id) : std::nullopt) {
      t.customer_name = c->name;
      t.customer_email = c->email;
      t.customer_tier = c->tier;
    }
    const config::Team* team = s.config.team(tickets::route(s.config, t));
    if (team == nullptr) return;
    Ticket before = tickets::replay({p.events.front()});
    Event e = make_event("allocated", p.events.front().at, s.actor);
    tickets::change(e, before, "team", team->name);
    tickets::change(e, before, "tier", team->tier);
    e.extra["reason"] = "routed";
    p.events.insert(p.events.begin() + 1, std::move(e));
  }

  void other(Parsed& p, const Row& row) {
    if (!p.ticket.external_id.empty())
      if (auto id = s.store.find_ticket_id_by_external(p.ticket.external_id)) {
        update(p, Values(row.object, p.line), *id);
        return;
      }
    std::int64_t cid = 0;
    if (!p.customer_key.empty()) {
      cid = customer_of_row(p);
      for (auto& c : p.events.front().changes)
        if (c.field == "customer_id") c.to = cid;
    } else {
      auto& ch = p.events.front().changes;
      std::erase_if(ch, [](const tickets::Change& c) { return c.field == "customer_id"; });
    }
    if (routing) route_to_team(p, cid);
    Ticket t = tickets::replay(p.events);
    t.id = 0;
    std::int64_t id = s.store.insert_ticket(t);
    for (auto& e : p.events) append(e, id);
    ++out.created;
  }
};

}  // namespace

const std::vector<std::string>& import_columns() {
  return kColumns;
}

Parsed parse_row(const Row& row, const ParseContext& ctx) {
  if (!row.object.is_object()) bad(row.line, "a row must be an object");
  if (row.object.contains("events")) return parse_history(row, ctx);
  return parse_other(row, ctx);
}

namespace {

// A row read, checked and made ready on the parsing thread, or what went
// wrong with it: the writing thread meets the error at the row's place, so
// the rows before it are written first, as when one thread does both.
struct ReadyRow {
  Row row;
  Parsed parsed;
  std::vector<std::optional<store::PreparedEvent>> prepared;
  std::uint64_t bytes = 0;  // of the file, read by then
  std::exception_ptr error;
};

struct ReadyBatch {
  std::vector<ReadyRow> rows;
  std::size_t size = 0;
};

constexpr std::size_t kBatchRows = 256;
constexpr std::size_t kBatches = 4;

// The audit chain's encoding and hashing of each event whose id the import
// keeps (the id is part of what is hashed), done here rather than by the
// writing thread.
void prepare(ReadyRow& r, std::int64_t last_event) {
  r.prepared.clear();
  r.prepared.resize(r.parsed.events.size());
  for (std::size_t i = 0; i < r.parsed.events.size(); ++i)
    if (r.parsed.events[i].id > last_event)
      r.prepared[i] = store::prepare_event(r.parsed.events[i]);
}

}  // namespace

// Reading and checking rows takes about as long as writing them: the file is
// read on a second thread while this one writes, and the store is only ever
// used from this one. A bad row does not stop the import: every row is read
// and checked, and BadRows lists them at the end (the caller rolls back).
ImportResult import_rows(tickets::Session& s, RowReader& rows, const std::string& source,
                         const ImportOptions& options,
                         const std::function<void(const Progress&)>& progress) {
  s.store.defer_references();
  ParseContext ctx{s.config, s.config.zone(), s.now, s.actor};
  Importer im{s, source, s.store.last_event_id(), {}};
  im.routing = options.route;
  Progress pr;
  BadRowList bad_rows;
  std::vector<ReadyBatch> batches(kBatches);
  util::run_handoff(
      batches,
      [&](util::Handoff<ReadyBatch>& handoff) {
        for (ReadyBatch* b = handoff.empty(); b; b = handoff.empty()) {
          bool end = false;
          while (!end && b->size < kBatchRows) {
            if (b->size == b->rows.size()) b->rows.emplace_back();
            ReadyRow& r = b->rows[b->size];
            r.error = nullptr;
            r.prepared.clear();
            r.row.line = 0;
            try {
              end = !rows.next(r.row);
              if (!end) {
                r.parsed = parse_row(r.row, ctx);
                if (r.parsed.history) prepare(r, im.last_event);
              }
            } catch (const DataError&) {
              r.error = std::current_exception();
              end = false;
            }
            if (end) break;
            r.bytes = rows.bytes();
            ++b->size;
          }
          if (b->size) handoff.filled(b);
          if (end) return;
        }
      },
      [&](util::Handoff<ReadyBatch>& handoff) {
        while (ReadyBatch* b = handoff.next()) {
          for (std::size_t i = 0; i < b->size; ++i) {
            ReadyRow& r = b->rows[i];
            try {
              if (r.error) std::rethrow_exception(r.error);
              Parsed& p = r.parsed;
              at_line(p.line, [&] {
                if (p.history)
                  im.history(p, r.prepared);
                else
                  im.other(p, r.row);
              });
            } catch (const DataError& e) {
              bad_rows.add(e);
            }
            ++pr.rows;
            pr.bytes = r.bytes;
            if (progress && pr.rows % 1024 == 0) progress(pr);
          }
          b->size = 0;
          handoff.give_back(b);
        }
      });
  bad_rows.throw_if_any();
  if (progress) {
    pr.bytes = rows.bytes();
    progress(pr);
  }
  // Histories come ticket by ticket, so kept ids interleave: the audit chain
  // runs in id order, and is made again from the first imported event.
  if (im.out_of_order) s.store.audit().rechain_after(im.last_event);
  return im.out;
}

}  // namespace desk::bulk
