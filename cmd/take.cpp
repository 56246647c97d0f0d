// desk take ID...: allocate to yourself.
#include <fmt/format.h>

#include "desk/tickets/allocation.hpp"

#include "batch.hpp"
#include "options.hpp"
#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::vector<std::string> ids;
  Text at;
  bool force = false;
};

int run(Env& env, const Options& o) {
  auto ids = collect_ids(env, o.ids);
  tickets::AllocateRequest r{env.actor(), "", o.force, event_at(env, o.at)};
  change_tickets(env, ids, [&](work::Session& s, std::int64_t id) {
    return std::vector<model::Event>{tickets::allocate(s, id, r)};
  });
  for (auto id : ids) {
    if (env.globals.quiet)
      env.out << id << '\n';
    else
      env.out << fmt::format("Took ticket {}\n", id);
  }
  return 0;
}

}  // namespace

Runner cmd_take(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input)")->required();
  sub.add_flag("--force", o->force, "Even when away or at capacity");
  add_at(sub, o->at);
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
