// desk reopen ID... -m REASON
#include "desk/tickets/lifecycle.hpp"

#include "batch.hpp"
#include "options.hpp"
#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::vector<std::string> ids;
  Text message, at;
};

int run(Env& env, const Options& o) {
  auto ids = collect_ids(env, o.ids);
  auto at = event_at(env, o.at);
  change_tickets(env, ids, [&](work::Session& s, std::int64_t id) {
    return std::vector<model::Event>{tickets::reopen(s, id, o.message.value, at)};
  });
  report_each(env, ids, "Reopened");
  return 0;
}

}  // namespace

Runner cmd_reopen(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input)")->required();
  add_text(sub, o->message, "-m,--message", "Why it is back (required)")
      .option->option_text("REASON");
  add_at(sub, o->at);
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
