// desk pending ID... --on customer|supplier|change
#include <fmt/format.h>

#include "desk/model/vocabulary.hpp"
#include "desk/tickets/lifecycle.hpp"
#include "desk/work/validate.hpp"

#include "options.hpp"
#include "registry.hpp"
#include "write.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::vector<std::string> ids;
  std::string on;
  Text message, at;
};

int run(Env& env, const Options& o) {
  auto ids = collect_ids(env, o.ids);
  tickets::StatusRequest r;
  r.reason = work::require_word<model::PendingReason>("pending reason", o.on);
  r.text = o.message.value;
  r.at = event_at(env, o.at);
  change_tickets(env, ids, [&](work::Session& s, std::int64_t id) {
    return std::vector<model::Event>{tickets::set_pending(s, id, r)};
  });
  for (auto id : ids) {
    if (env.globals.quiet)
      env.out << id << '\n';
    else
      env.out << fmt::format("Ticket {} is pending on {}\n", id, r.reason);
  }
  return 0;
}

}  // namespace

Runner cmd_pending(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input)")->required();
  sub.add_option("--on", o->on, "Who the ticket waits on: customer, supplier or change")
      ->required()
      ->option_text("REASON");
  add_text(sub, o->message, "-m,--message", "What it waits for").option->option_text("TEXT");
  add_at(sub, o->at);
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
