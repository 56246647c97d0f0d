#include "batch.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/hooks/hooks.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"

namespace desk::cmd {

std::vector<model::Event> change_tickets(Env& env, const std::vector<std::int64_t>& ids,
                                         const Action& action) {
  if (ids.empty())
    throw UsageError("no ticket ids given", "give ids, or '-' to read them from standard input");
  auto session = env.session(store::Access::write);
  std::vector<model::Event> events;
  {
    store::WriteTransaction tx(session.store);
    for (auto id : ids) {
      auto recorded = action(session, id);
      events.insert(events.end(), recorded.begin(), recorded.end());
    }
    tx.commit();
  }
  after_commit(env, events);
  return events;
}

void after_commit(Env& env, const std::vector<model::Event>& events) {
  if (env.config().hooks.on.empty() || events.empty()) return;
  try {
    auto session = env.session(store::Access::write);
    auto failures = hooks::run(env.config(), hooks::jobs_for(session, events));
    for (const auto& f : failures)
      env.warn(fmt::format("hook {} for {} on ticket {} failed: {}", util::quoted(f.job.command),
                           util::quoted(f.job.kind), f.job.ticket, f.why),
               "the change itself was recorded; the failure is in the ticket's history");
    if (failures.empty()) return;
    store::WriteTransaction tx(session.store);
    hooks::record_failures(session, failures);
    tx.commit();
  } catch (const Error& e) {
    env.warn(fmt::format("could not run or record hooks: {}", e.what()));
  }
}

void report_each(Env& env, const std::vector<std::int64_t>& ids, std::string_view verb) {
  for (auto id : ids) {
    if (env.globals.quiet)
      env.out << id << '\n';
    else
      env.out << fmt::format("{} ticket {}\n", verb, id);
  }
}

}  // namespace desk::cmd
