// desk start ID...
#include "desk/tickets/lifecycle.hpp"

#include "step.hpp"

namespace desk::cmd {

Runner cmd_start(CLI::App& sub) {
  return step_command(
      sub,
      {"Note on starting", "TEXT", "Started",
       [](work::Session& s, std::int64_t id, const std::string& text, std::optional<Instant> at) {
         return tickets::start_work(s, id, {.reason = {}, .text = text, .at = at});
       }});
}

}  // namespace desk::cmd
