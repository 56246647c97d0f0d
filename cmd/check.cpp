// desk check ID STEP: ticks a step of the ticket's checklist.
#include <fmt/format.h>

#include "desk/catalog/fulfilment.hpp"
#include "desk/work/validate.hpp"

#include "batch.hpp"
#include "options.hpp"
#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::string id, step;
  Text at;
};

int run(Env& env, const Options& o) {
  std::int64_t id = work::parse_ticket_id(o.id);
  auto events = change_tickets(env, {id}, [&](work::Session& s, std::int64_t tid) {
    return std::vector<model::Event>{catalog::check_step(s, tid, o.step, event_at(env, o.at))};
  });
  if (env.globals.quiet) return 0;
  const auto& e = events.front();
  env.out << fmt::format("Ticket {}: step {} done ({}): {}\n", id, e.extra["step"].dump(),
                         e.extra["done"].get<std::string>(), e.extra["item"].get<std::string>());
  return 0;
}

}  // namespace

Runner cmd_check(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->id, "The ticket")->required();
  sub.add_option("step", o->step, "The step: its number, or its text (or a unique start of it)")
      ->required();
  add_at(sub, o->at);
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
