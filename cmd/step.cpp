#include "step.hpp"

#include <memory>
#include <vector>

#include "options.hpp"
#include "write.hpp"

namespace desk::cmd {

Runner step_command(CLI::App& sub, Step step) {
  struct Options {
    std::vector<std::string> ids;
    Text message, at;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input)")->required();
  add_text(sub, o->message, "-m,--message", step.message_help)
      .option->option_text(step.message_name);
  add_at(sub, o->at);
  return [o, step = std::move(step)](Env& env) {
    auto ids = collect_ids(env, o->ids);
    auto at = event_at(env, o->at);
    change_tickets(env, ids, [&](work::Session& s, std::int64_t id) {
      return std::vector<model::Event>{step.act(s, id, o->message.value, at)};
    });
    report_each(env, ids, step.done);
    return 0;
  };
}

}  // namespace desk::cmd
