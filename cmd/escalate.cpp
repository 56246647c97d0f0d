// desk escalate ID... --up | --to TEAM | --supplier NAME --ref REF | --manager  -m REASON
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/sla/escalation.hpp"
#include "desk/store/store.hpp"
#include "desk/tickets/lifecycle.hpp"

#include "options.hpp"
#include "registry.hpp"
#include "write.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::vector<std::string> ids;
  bool automatic = false, dry_run = false;
  Format format = Format::table;
  bool up = false, manager = false;
  std::string to, supplier, ref;
  Text message, at;
};

int run_auto(Env& env, const Options& o) {
  auto result = write(
      env, [&](work::Session& s) { return sla::auto_escalate(s, o.dry_run); },
      o.dry_run ? Keep::nothing : Keep::changes);
  if (env.globals.quiet) {
    for (const auto& a : result.actions)
      if (a.done) env.out << a.ticket << '\n';
    return 0;
  }
  using format::Kind;
  auto writer = format::make_row_writer(o.format, env.out, env.style());
  writer->begin({{"ticket", "TICKET", Kind::number},
                 {"rule", "RULE"},
                 {"action", "ACTION"},
                 {"outcome", "OUTCOME"},
                 {"reason", "REASON", Kind::text, true}});
  for (const auto& a : result.actions)
    writer->row({{"ticket", a.ticket},
                 {"rule", a.rule},
                 {"action", a.action},
                 {"outcome", a.outcome},
                 {"escalated", a.done},
                 {"reason", a.reason}});
  writer->end();
  return 0;
}

int run(Env& env, const Options& o) {
  if (o.automatic) {
    if (!o.ids.empty() || o.up || o.manager || !o.to.empty() || !o.supplier.empty())
      throw UsageError(
          "--auto applies the [[escalation]] rules to every open ticket: give no ids or "
          "destination");
    return run_auto(env, o);
  }
  if (o.dry_run) throw UsageError("--dry-run goes with --auto");
  auto ids = collect_ids(env, o.ids);
  tickets::EscalateRequest r;
  r.up = o.up;
  r.to_team = o.to;
  r.supplier = o.supplier;
  r.ref = o.ref;
  r.manager = o.manager;
  r.reason = o.message.value;
  r.at = event_at(env, o.at);
  auto events = change_tickets(env, ids, [&](work::Session& s, std::int64_t id) {
    return std::vector<model::Event>{tickets::escalate(s, id, r)};
  });
  for (const auto& e : events) {
    if (env.globals.quiet) {
      env.out << e.ticket_id << '\n';
      continue;
    }
    std::string where;
    if (const auto* t = e.change("team"))
      where = "to " + t->to.get<std::string>();
    else if (const auto* sp = e.change("supplier"))
      where = "to supplier " + sp->to.get<std::string>();
    else if (e.extra.contains("manager"))
      where = "to manager " + e.extra["manager"].get<std::string>();
    env.out << fmt::format("Escalated ticket {} {}\n", e.ticket_id, where);
  }
  return 0;
}

}  // namespace

Runner cmd_escalate(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input)");
  sub.add_flag("--auto", o->automatic,
               "Apply the [[escalation]] rules of desk.toml to every open ticket");
  sub.add_flag("-n,--dry-run", o->dry_run, "With --auto: print what would happen, change nothing");
  add_format(sub, o->format);
  sub.add_flag("--up", o->up, "To the team the current team escalates to");
  sub.add_option("--to", o->to, "To a named team")->option_text("TEAM");
  sub.add_option("--supplier", o->supplier, "To a supplier (a team with supplier = true)")
      ->option_text("NAME");
  sub.add_option("--ref", o->ref, "The supplier's reference for the case")->option_text("REF");
  sub.add_flag("--manager", o->manager, "Tell the team's manager and flag the ticket");
  add_text(sub, o->message, "-m,--message", "Why (required)").option->option_text("REASON");
  add_at(sub, o->at);
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
