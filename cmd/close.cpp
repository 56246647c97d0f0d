// desk close ID..., and desk close --auto (cron).
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/store.hpp"
#include "desk/tickets/lifecycle.hpp"

#include "batch.hpp"
#include "options.hpp"
#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::vector<std::string> ids;
  bool automatic = false, dry_run = false;
  Text at;
};

int run_auto(Env& env, const Options& o) {
  auto session = env.session(store::Access::write);
  std::vector<model::Ticket> due;
  std::vector<model::Event> events;
  {
    store::WriteTransaction tx(session.store);
    due = tickets::due_for_closing(session);
    if (!o.dry_run) {
      for (const auto& t : due)
        events.push_back(tickets::close_ticket(session, t.id, std::nullopt));
      tx.commit();
    }
  }
  after_commit(env, events);
  for (const auto& t : due) {
    if (env.globals.quiet)
      env.out << t.id << '\n';
    else
      env.out << fmt::format("{} ticket {} (resolved {})\n", o.dry_run ? "Would close" : "Closed",
                             t.id, format_human(*t.resolved_at, env.zone()));
  }
  return 0;
}

int run(Env& env, const Options& o) {
  if (o.automatic) {
    if (!o.ids.empty()) throw UsageError("--auto closes every ticket due: give no ids");
    return run_auto(env, o);
  }
  if (o.dry_run) throw UsageError("--dry-run goes with --auto");
  auto ids = collect_ids(env, o.ids);
  auto at = event_at(env, o.at);
  change_tickets(env, ids, [&](work::Session& s, std::int64_t id) {
    return std::vector<model::Event>{tickets::close_ticket(s, id, at)};
  });
  report_each(env, ids, "Closed");
  return 0;
}

}  // namespace

Runner cmd_close(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input)");
  sub.add_flag("--auto", o->automatic,
               "Close every ticket resolved longer ago than [tickets].close_after");
  sub.add_flag("-n,--dry-run", o->dry_run,
               "With --auto: list what would be closed, change nothing");
  add_at(sub, o->at);
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
