// desk resume ID...
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
  tickets::StatusRequest r;
  r.text = o.message.value;
  r.at = event_at(env, o.at);
  change_tickets(env, ids, [&](work::Session& s, std::int64_t id) {
    return std::vector<model::Event>{tickets::resume_work(s, id, r)};
  });
  report_each(env, ids, "Resumed");
  return 0;
}

}  // namespace

Runner cmd_resume(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input)")->required();
  add_text(sub, o->message, "-m,--message", "Note on resuming").option->option_text("TEXT");
  add_at(sub, o->at);
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
