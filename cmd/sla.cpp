// desk sla ID...: every clock of a ticket, measured at --now.
#include <fmt/format.h>

#include "desk/sla/levels.hpp"
#include "desk/sla/serialize.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/validate.hpp"

#include "options.hpp"
#include "pager.hpp"
#include "registry.hpp"
#include "render.hpp"

namespace desk::cmd {

namespace {

using format::Json;

struct Options {
  std::vector<std::string> ids;
  Format format = Format::table;
};

std::string clock_state(const sla::Clock& c, bool paused) {
  if (c.state.breached) return "breached";
  if (c.state.met) return "met";
  if (paused && c.state.running) return "paused";
  if (c.state.at_risk) return "at risk";
  return "running";
}

format::Tone state_tone(const Json& v) {
  if (!v.is_string()) return format::Tone::plain;
  const auto s = v.get<std::string>();
  if (s == "breached") return format::Tone::red;
  if (s == "at risk") return format::Tone::yellow;
  if (s == "met") return format::Tone::green;
  if (s == "paused") return format::Tone::cyan;
  return format::Tone::plain;
}

void print_text(Env& env, const model::Ticket& t, const sla::TicketSla& s,
                const sla::ServiceLevels& levels) {
  env.out << fmt::format("Ticket {}: {} ({} {}, {})\n", t.id, util::single_line(t.title),
                         t.priority, t.type, t.status);
  if (s.policy.empty() && s.clocks.empty()) {
    env.out << "  no SLA policy applies\n";
    return;
  }
  if (!s.policy.empty())
    env.out << fmt::format("  policy {}, calendar {} ({})\n", s.policy, s.calendar,
                           levels.calendar(s.calendar).zone().name());
  if (!s.ola_team.empty()) env.out << fmt::format("  OLA of team {}\n", s.ola_team);
  // Business time in each clock's calendar's working days, as its target
  // was written in desk.toml ("3d" is three working days, not 72 hours).
  auto day_of = [](const Json& row) { return row["day"].get<std::int64_t>(); };
  std::vector<format::Column> columns = {{"clock", "CLOCK"},
                                         {"target", "TARGET", format::Kind::span},
                                         {"start", "START", format::Kind::time},
                                         {"due", "DUE", format::Kind::time},
                                         {"elapsed", "ELAPSED", format::Kind::span},
                                         {"remaining", "LEFT", format::Kind::span},
                                         {"used", "USED", format::Kind::number},
                                         {"state", "STATE"}};
  columns.back().tone = state_tone;
  for (auto& c : columns)
    if (c.kind == format::Kind::span) c.day_of = day_of;
  auto style = env.style();
  style.width = 0;
  auto writer = format::make_row_writer(format::Format::table, env.out, style);
  writer->begin(columns);
  for (const auto& c : s.clocks) {
    const Zone& zone = levels.calendar(c.calendar).zone();
    writer->row(Json{{"clock", c.name},
                     {"target", c.target},
                     {"start", format_iso(c.state.start, zone)},
                     {"due", format_iso(c.state.due, zone)},
                     {"elapsed", c.state.elapsed},
                     {"remaining", c.state.remaining},
                     {"used", std::to_string(c.state.percent_used) + "%"},
                     {"state", clock_state(c, s.paused)},
                     {"day", levels.calendar(c.calendar).working_day_seconds()}});
  }
  writer->end();
}

int run(Env& env, const Options& o) {
  start_pager(env);
  auto ids = collect_ids(env, o.ids);
  auto& store = env.store(store::Access::read);
  auto session = env.session(store::Access::read);
  sla::ServiceLevels levels(env.config());
  std::vector<Json> all;
  bool first = true;
  for (auto id : ids) {
    work::require_ticket(session, id);
    model::Query q;
    q.ids = {id};
    store.each_ticket_timeline(q,
                               [&](const model::Ticket& t, const std::vector<model::Mark>& marks) {
                                 sla::TicketSla s = levels.measure(t, marks, env.now());
                                 if (o.format == Format::table) {
                                   if (!first) env.out << '\n';
                                   print_text(env, t, s, levels);
                                 } else {
                                   all.push_back(sla::sla_json(s, levels));
                                 }
                                 first = false;
                                 return true;
                               });
  }
  if (o.format == Format::json) print_json(env, all.size() == 1 ? all[0] : Json(all));
  if (o.format == Format::jsonl)
    for (const auto& j : all) env.out << j.dump() << '\n';
  return 0;
}

}  // namespace

Runner cmd_sla(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input)")->required();
  add_format(sub, o->format, {Format::table, Format::json, Format::jsonl});
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
