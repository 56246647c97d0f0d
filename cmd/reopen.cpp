// desk reopen ID... -m REASON
#include "desk/tickets/lifecycle.hpp"

#include "step.hpp"

namespace desk::cmd {

Runner cmd_reopen(CLI::App& sub) {
  return step_command(
      sub, {"Why it is back (required)", "REASON", "Reopened",
            [](work::Session& s, std::int64_t id, const std::string& reason,
               std::optional<Instant> at) { return tickets::reopen(s, id, reason, at); }});
}

}  // namespace desk::cmd
