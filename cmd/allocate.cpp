// desk allocate ID... --to TECH|TEAM, and desk allocate --auto.
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/model/serialize.hpp"
#include "desk/store/store.hpp"
#include "desk/tickets/allocation.hpp"

#include "options.hpp"
#include "registry.hpp"
#include "write.hpp"

namespace desk::cmd {

namespace {

using format::Json;

struct Options {
  std::vector<std::string> ids;
  std::string to, team;
  Format format = Format::table;
  Text message, at;
  bool automatic = false, dry_run = false, force = false;
};

std::vector<format::Column> decision_columns() {
  using format::Kind;
  return {{"ticket", "TICKET", Kind::number},
          {"priority", "PRIORITY"},
          {"team", "TEAM"},
          {"assignee", "ASSIGNEE"},
          {"reason", "REASON"},
          {"title", "TITLE", Kind::text, true}};
}

Json decision_json(const tickets::Decision& d, bool dry_run) {
  return Json{{"ticket", d.ticket},
              {"title", d.title},
              {"priority", d.priority},
              {"team", d.team.empty() ? Json() : Json(d.team)},
              {"assignee", d.assignee.empty() ? Json() : Json(d.assignee)},
              {"allocated", !d.assignee.empty() && !dry_run},
              {"reason", d.reason}};
}

int run_auto(Env& env, const Options& o) {
  tickets::AutoRequest r{o.team, o.dry_run};
  auto result = write(
      env, [&](work::Session& s) { return tickets::auto_allocate(s, r); },
      o.dry_run ? Keep::nothing : Keep::changes);
  std::size_t left = 0;
  for (const auto& d : result.decisions) left += d.assignee.empty() ? 1 : 0;
  if (env.globals.quiet) {
    for (const auto& d : result.decisions)
      if (!d.assignee.empty()) env.out << d.ticket << '\n';
  } else {
    auto writer = format::make_row_writer(o.format, env.out, env.style());
    writer->begin(decision_columns());
    for (const auto& d : result.decisions) writer->row(decision_json(d, o.dry_run));
    writer->end();
  }
  std::size_t done = result.decisions.size() - left;
  if (o.format == Format::table || env.globals.quiet) {
    env.err << fmt::format("{} {} ticket{}", o.dry_run ? "Would allocate" : "Allocated", done,
                           done == 1 ? "" : "s");
    if (left) env.err << fmt::format("; {} left unallocated (nobody could take them)", left);
    env.err << '\n';
  }
  return 0;
}

int run(Env& env, const Options& o) {
  if (o.automatic) {
    if (!o.ids.empty() || !o.to.empty())
      throw UsageError("--auto allocates every unallocated ticket: give no ids and no --to");
    return run_auto(env, o);
  }
  if (o.to.empty())
    throw UsageError("say who takes the tickets with --to TECH|TEAM, or use --auto");
  if (!o.team.empty() || o.dry_run) throw UsageError("--team and --dry-run go with --auto");
  auto ids = collect_ids(env, o.ids);
  tickets::AllocateRequest r{o.to, o.message.value, o.force, event_at(env, o.at)};
  auto events = change_tickets(env, ids, [&](work::Session& s, std::int64_t id) {
    return std::vector<model::Event>{tickets::allocate(s, id, r)};
  });
  for (const auto& e : events) {
    if (env.globals.quiet) {
      env.out << e.ticket_id << '\n';
      continue;
    }
    const auto* a = e.change("assignee");
    const auto* t = e.change("team");
    std::string who = a && a->to.is_string() ? a->to.get<std::string>() : o.to;
    std::string team = t && t->to.is_string() ? fmt::format(" ({})", t->to.get<std::string>()) : "";
    env.out << fmt::format("Allocated ticket {} to {}{}\n", e.ticket_id, who, team);
  }
  return 0;
}

}  // namespace

Runner cmd_allocate(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input)");
  sub.add_option("--to", o->to, "A technician, or a team (leaving the technician open)")
      ->option_text("WHO");
  sub.add_flag("--auto", o->automatic,
               "Allocate every unallocated ticket by routing rules and strategy");
  sub.add_option("--team", o->team, "With --auto: only tickets bound for this team")
      ->option_text("TEAM");
  sub.add_flag("-n,--dry-run", o->dry_run, "With --auto: print the decisions, change nothing");
  sub.add_flag("--force", o->force, "Allocate to an away technician or one at capacity");
  add_text(sub, o->message, "-m,--message", "A note on the allocation").option->option_text("TEXT");
  add_at(sub, o->at);
  add_format(sub, o->format);
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
