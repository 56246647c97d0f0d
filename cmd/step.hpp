// The commands that move tickets one step with an optional note and --at:
// start, resume, reopen. They differ only in the step and its words.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "desk/core/time.hpp"
#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

#include "registry.hpp"

namespace desk::cmd {

struct Step {
  std::string message_help;  // of -m: "Note on starting"
  std::string message_name;  // TEXT, REASON
  std::string done;          // "Started": "Started ticket 3"
  std::function<model::Event(work::Session&, std::int64_t id, const std::string& text,
                             std::optional<Instant> at)>
      act;
};

// `desk <step> ID... [-m TEXT] [--at TIME]`: the step on every id, all or nothing.
Runner step_command(CLI::App& sub, Step step);

}  // namespace desk::cmd
