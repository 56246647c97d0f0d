// `desk escalate --auto`: the [[escalation]] rules applied to open tickets
// by their service-level clocks (at 75% of the resolution target go up a
// tier; at a breach tell the manager ...), each rule at most once per
// ticket, each action recorded with its reason.
#pragma once

#include <string>
#include <vector>

#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::sla {

struct AutoAction {
  std::int64_t ticket = 0;
  std::string rule;
  std::string action;   // up | manager | team
  std::string reason;   // "resolve clock at 80% of 8h (rule resolve-75%-up)"
  std::string outcome;  // "to second-line", "to manager dave", or why it was skipped
  bool done = false;    // false: skipped (nowhere to go, ...) or a dry run
};

struct AutoEscalation {
  std::vector<AutoAction> actions;
  std::vector<model::Event> events;
};

// Runs inside the caller's WriteTransaction; a dry run records nothing.
AutoEscalation auto_escalate(work::Session& s, bool dry_run);

}  // namespace desk::sla
