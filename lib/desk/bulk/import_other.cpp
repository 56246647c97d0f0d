// Another tool's tickets: rows without events. desk checks each value as
// `desk log` would and writes the events a technician would have produced.
#include <algorithm>

#include "desk/bulk/import_parse.hpp"
#include "desk/bulk/import_values.hpp"
#include "desk/model/fields.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/tickets/lifecycle.hpp"
#include "desk/tickets/priority.hpp"
#include "desk/util/duration.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::bulk {

namespace {

using model::Event;
using model::EventKind;
using model::Status;
using model::Ticket;
using tickets::Step;

// Where the ticket is in its life, and when each step happened.
struct Lifecycle {
  Status status = Status::new_;
  Instant created{};
  std::optional<Instant> first_response, resolved, closed;
  bool done() const { return !model::is_open(status); }
};

// The times an imported row's status needs, and none it cannot have (the
// default status follows from the times given). Which steps lead to the
// status is the lifecycle's (tell_story takes them).
void check_status(Lifecycle& l, std::string_view given, bool has_assignee) {
  if (given.empty())
    l.status = l.closed       ? Status::closed
               : l.resolved   ? Status::resolved
               : has_assignee ? Status::assigned
                              : Status::new_;
  else
    l.status = work::require_word<Status>("status", given);
  if (l.done() && !l.resolved) {
    if (l.status == Status::closed && l.closed)
      l.resolved = l.closed;
    else
      throw DataError(fmt::format("a {} ticket needs 'resolved_at'", l.status),
                      "give when it was resolved, or the status the ticket has now");
  }
  if (l.status == Status::closed && !l.closed) l.closed = l.resolved;
  if (!l.done() && (l.resolved || l.closed))
    throw DataError(
        fmt::format("the status is {} but {} is set", util::quoted(util::name(l.status)),
                    util::quoted(l.resolved ? "resolved_at" : "closed_at")),
        "give the status the ticket has now, such as resolved");
  if (l.status != Status::closed && l.closed)
    throw DataError("'closed_at' is set but the status is not closed",
                    "give the status closed, or leave 'closed_at' empty");
}

// The times in order, and none in the future.
void check_times(const Lifecycle& l, const ParseContext& ctx) {
  std::pair<const char*, std::optional<Instant>> times[] = {{"created_at", l.created},
                                                            {"first_response_at", l.first_response},
                                                            {"resolved_at", l.resolved},
                                                            {"closed_at", l.closed}};
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
}

Lifecycle read_lifecycle(const Values& v, const ParseContext& ctx) {
  Lifecycle l;
  l.created = v.time("created_at", ctx).value_or(ctx.now);
  l.first_response = v.time("first_response_at", ctx);
  l.resolved = v.time("resolved_at", ctx);
  l.closed = v.time("closed_at", ctx);
  check_status(l, v.text("status"), v.has("assignee"));
  check_times(l, ctx);
  return l;
}

// A resolved ticket's code: the row's, else the configuration's [import] one.
std::string read_resolution_code(const Values& v, const config::Config& cfg, const Lifecycle& l) {
  std::string code = v.text("resolution_code");
  if (!l.done()) return code;
  if (code.empty()) code = cfg.imports.resolution_code.value;
  if (code.empty())
    throw DataError(fmt::format("a {} ticket needs 'resolution_code'", l.status),
                    fmt::format("one of: {}; or name the one to use in desk.toml's "
                                "[import] resolution_code",
                                util::join(cfg.tickets.resolution_codes, ", ")));
  work::require_one_of("resolution code", code, cfg.tickets.resolution_codes);
  return code;
}

// Who has it: a technician, a team (else the technician's first), and why
// it waits.
struct Owner {
  std::string assignee;
  const config::Team* team = nullptr;
  std::optional<model::PendingReason> pending_reason;
};

Owner read_owner(const Values& v, const config::Config& cfg, Status status) {
  Owner o;
  o.assignee = v.text("assignee");
  std::string team_name = v.text("team");
  if (!o.assignee.empty()) {
    std::vector<std::string> techs;
    for (const auto& [id, tech] : cfg.technicians) techs.push_back(id);
    work::require_one_of("assignee", o.assignee, techs);
  }
  if (!team_name.empty()) {
    std::vector<std::string> teams;
    for (const auto& [name, t] : cfg.teams)
      if (!t.supplier) teams.push_back(name);
    work::require_one_of("team", team_name, teams);
    o.team = cfg.team(team_name);
  } else if (!o.assignee.empty()) {
    const auto* tech = cfg.technician(o.assignee);
    if (!tech->teams.empty()) o.team = cfg.team(tech->teams.front());
  }
  if ((status == Status::assigned || status == Status::in_progress) && o.assignee.empty())
    throw DataError(fmt::format("an {} ticket needs 'assignee'", status),
                    "give the technician, or the status new with only a team");
  std::string reason = v.text("pending_reason");
  if (status == Status::pending) {
    o.pending_reason = reason.empty()
                           ? model::PendingReason::customer
                           : work::require_word<model::PendingReason>("pending reason", reason);
  } else if (!reason.empty()) {
    throw DataError("'pending_reason' is set but the status is not pending",
                    "give the status pending, or leave 'pending_reason' empty");
  }
  return o;
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
  Event e = make_event(EventKind::rated, at, ctx.actor);
  e.text = v.raw("rating_comment");
  e.extra["score"] = *score;
  e.extra["resolution"] = 1;
  return e;
}

// The time worked on the ticket, all of it: a duration ("1h30m") or, as
// Request Tracker and most tools export it, a number of minutes.
std::optional<std::int64_t> read_time_worked(const Values& v) {
  std::string given = v.text("time_worked");
  if (given.empty()) return std::nullopt;
  constexpr std::int64_t kMaxHours = 10000;
  auto minutes = util::parse_int(given);
  auto seconds = minutes
                     ? std::optional<std::int64_t>(*minutes <= kMaxHours * 60 ? *minutes * 60 : -1)
                     : util::parse_duration(given);
  if (!seconds || *seconds < 0 || *seconds > kMaxHours * 3600)
    throw DataError(
        fmt::format("'time_worked' {} is not a time worked", util::quoted(given)),
        fmt::format("give minutes (90) or a duration (1h30m), up to {} hours", kMaxHours));
  if (*seconds == 0) return std::nullopt;
  return seconds;
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

// The `logged` event: what the ticket was when the call came in.
Event logged_event(const Values& v, const ParseContext& ctx, const Lifecycle& l, const Parsed& p) {
  const config::Config& cfg = ctx.config;
  std::string type = v.text("type");
  if (type.empty()) type = cfg.tickets.types.front();
  work::require_one_of("type", type, cfg.tickets.types);
  std::string channel = v.text("channel"), category = v.text("category");
  if (!channel.empty()) work::require_one_of("channel", channel, cfg.tickets.channels);
  if (!category.empty()) work::require_one_of("category", category, cfg.tickets.categories);
  tickets::PriorityChoice prio = tickets::choose_priority(cfg.priority, v.maybe("impact"),
                                                          v.maybe("urgency"), v.maybe("priority"));
  Ticket t;
  Event e = make_event(EventKind::logged, l.created, ctx.actor);
  work::change(e, t, "type", type);
  work::change(e, t, "title", work::checked_title(v.text("title")));
  work::change(e, t, "description", v.raw("description"));
  // A blank ticket is already new: the change from nothing is written out.
  e.changes.push_back({"status", Json(), Status::new_});
  work::change(e, t, "priority", prio.priority);
  work::change(e, t, "impact", prio.impact);
  work::change(e, t, "urgency", prio.urgency);
  // The customer's id is known once the store has looked the key up.
  if (!p.customer_key.empty()) e.changes.push_back({"customer_id", Json(), Json()});
  work::change(e, t, "channel", channel);
  work::change(e, t, "category", category);
  work::change(e, t, "service", v.text("service"));
  work::change(e, t, "tags", v.tags());
  work::change(e, t, "external_id", v.text("external_id"));
  e.extra["imported"] = true;
  return e;
}

// The story a technician would have told with desk, after `logged`: each
// step one the lifecycle allows from where the ticket then was.
class Story {
 public:
  Story(Parsed& p, Ticket& t) : p_(p), t_(t) {}
  void add(Event e) {
    model::apply(t_, e);
    p_.events.push_back(std::move(e));
  }
  void allocated(const Owner& o, Instant at, const std::string& actor) {
    if (!o.team && o.assignee.empty()) return;
    tickets::require_step(t_, Step::allocate);
    Event e = make_event(EventKind::allocated, at, actor);
    if (o.team) {
      work::change(e, t_, "team", o.team->name);
      work::change(e, t_, "tier", o.team->tier);
    }
    work::change(e, t_, "assignee", o.assignee);
    work::change(e, t_, "status", tickets::owned_status(t_, o.assignee));
    e.extra["reason"] = "imported";
    if (!e.changes.empty()) add(std::move(e));
  }
  void step(Step s, EventKind kind, Instant at, const std::string& by,
            std::initializer_list<std::pair<const char*, Json>> changes) {
    tickets::require_step(t_, s);
    Event e = make_event(kind, at, by);
    for (const auto& [field, value] : changes) work::change(e, t_, field, value);
    add(std::move(e));
  }

 private:
  Parsed& p_;
  Ticket& t_;
};

void tell_story(const Values& v, const ParseContext& ctx, const Lifecycle& l, const Owner& o,
                const std::string& code, std::optional<Event> rated,
                std::optional<std::int64_t> worked, Parsed& p) {
  const std::string& by = o.assignee.empty() ? ctx.actor : o.assignee;
  Ticket t;
  Story story(p, t);
  story.add(logged_event(v, ctx, l, p));
  story.allocated(o, l.created, ctx.actor);
  if (l.first_response) {
    Event e = make_event(EventKind::reply, *l.first_response, by);
    e.text = "(first response, imported)";
    story.add(std::move(e));
  }
  if (l.status == Status::in_progress || l.status == Status::pending)
    story.step(l.status == Status::pending ? Step::pending : Step::start, EventKind::status,
               std::max(l.created, l.first_response.value_or(l.created)), by,
               {{"status", l.status},
                {"pending_reason", o.pending_reason ? Json(*o.pending_reason) : Json()}});
  if (l.done())
    story.step(Step::resolve, EventKind::resolved, *l.resolved, by,
               {{"status", Status::resolved},
                {"resolution_code", code},
                {"resolution", v.raw("resolution")},
                {"workaround", v.raw("workaround")}});
  // The time worked, by whoever worked the ticket, when the work ended (its
  // resolution) or as far as it has gone.
  if (worked) {
    Event e = make_event(
        EventKind::worked,
        l.resolved.value_or(std::max(l.created, l.first_response.value_or(l.created))), by);
    e.text = "(time worked, imported)";
    e.extra[Event::kWorkedKey] = *worked;
    story.add(std::move(e));
  }
  // Rated before it closed, or after.
  if (rated && l.status == Status::closed && rated->at >= *l.closed) {
    story.step(Step::close, EventKind::closed, *l.closed, by, {{"status", Status::closed}});
    story.add(std::move(*rated));
  } else {
    if (rated) story.add(std::move(*rated));
    if (l.status == Status::closed)
      story.step(Step::close, EventKind::closed, *l.closed, by, {{"status", Status::closed}});
  }
  p.ticket = std::move(t);
}

}  // namespace

Parsed parse_other(const Row& row, const ParseContext& ctx) {
  Values v(row.object, row.line);
  Parsed p;
  p.line = row.line;
  return at_line(row.line, [&] {
    read_customer(v, p);
    Lifecycle l = read_lifecycle(v, ctx);
    std::string code = read_resolution_code(v, ctx.config, l);
    Owner o = read_owner(v, ctx.config, l.status);
    std::optional<Event> rated = read_rating(v, ctx, l.done() ? l.resolved : std::nullopt);
    tell_story(v, ctx, l, o, code, std::move(rated), read_time_worked(v), p);
    return p;
  });
}

}  // namespace desk::bulk
