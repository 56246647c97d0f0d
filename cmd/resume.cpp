// desk resume ID...
#include "desk/tickets/lifecycle.hpp"

#include "step.hpp"

namespace desk::cmd {

Runner cmd_resume(CLI::App& sub) {
  return step_command(
      sub,
      {"Note on resuming", "TEXT", "Resumed",
       [](work::Session& s, std::int64_t id, const std::string& text, std::optional<Instant> at) {
         return tickets::resume_work(s, id, {.reason = {}, .text = text, .at = at});
       }});
}

}  // namespace desk::cmd
