// desk purge [--dry-run]: applies [retention] (for cron).
#include <cmath>

#include <fmt/format.h>

#include "desk/compliance/compliance.hpp"
#include "desk/core/error.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"

#include "compact.hpp"
#include "options.hpp"
#include "registry.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd {

namespace {

using format::Json;

struct Options {
  bool dry_run = false;
  Format format = Format::text;
};

std::string ids_text(const std::vector<std::int64_t>& ids) {
  std::vector<std::string> parts;
  for (auto id : ids) parts.push_back(std::to_string(id));
  return parts.empty() ? "none" : util::join(parts, " ");
}

void print_purge(Env& env, const Options& o, const compliance::PurgePlan& plan,
                 std::int64_t tombstones) {
  if (o.format == Format::json) {
    Json j = {
        {"dry_run", o.dry_run},
        {"tickets", plan.tickets},
        {"customers", plan.customers},
        {"events_tombstoned", tombstones},
        {"tickets_closed_before", plan.tickets_closed_before
                                      ? Json(format_iso(*plan.tickets_closed_before, env.zone()))
                                      : Json()},
        {"customers_quiet_since", plan.people_quiet_since
                                      ? Json(format_iso(*plan.people_quiet_since, env.zone()))
                                      : Json()}};
    print_json(env, j);
    return;
  }
  if (env.globals.quiet) return;
  if (!plan.tickets_closed_before && !plan.people_quiet_since) {
    env.out << "Nothing to purge: [retention] keeps everything for ever\n";
    return;
  }
  std::string verb = o.dry_run ? "Would remove" : "Removed";
  std::string erase = o.dry_run ? "Would erase" : "Erased";
  if (plan.tickets_closed_before)
    env.out << fmt::format("{} {} ticket(s) closed before {}: {}\n", verb, plan.tickets.size(),
                           format_iso(*plan.tickets_closed_before, env.zone()),
                           ids_text(plan.tickets));
  if (plan.people_quiet_since)
    env.out << fmt::format("{} {} customer(s) quiet since {}: {}\n", erase, plan.customers.size(),
                           format_iso(*plan.people_quiet_since, env.zone()),
                           ids_text(plan.customers));
  return;
}

int run(Env& env, const Options& o) {
  auto session = env.session(o.dry_run ? store::Access::read : store::Access::write);
  compliance::PurgePlan plan = compliance::plan_purge(session);
  std::int64_t tombstones = 0;
  std::optional<Error> unfinished;
  if (!o.dry_run && !plan.empty()) {
    session.store.audit().erase_securely();
    tombstones =
        write(env, [&](work::Session& s) { return compliance::apply_purge(s, plan).tombstones; });
    unfinished = compact_after_commit(session.store,
                                      fmt::format("removed {} ticket(s) and erased {} customer(s)",
                                                  plan.tickets.size(), plan.customers.size()));
  }
  print_purge(env, o, plan, tombstones);
  if (unfinished) throw *unfinished;
  return 0;
}

}  // namespace

Runner cmd_purge(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_flag("-n,--dry-run", o->dry_run, "Say what would be removed; change nothing");
  add_format(sub, o->format, {Format::text, Format::json});
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
