// Allocation: to a technician or a team by hand, and automatically by the
// routing rules (which team) and the team's strategy (which technician:
// round-robin, least-loaded or skills), respecting capacity and availability.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::tickets {

using model::Event;
using model::Ticket;

struct AllocateRequest {
  std::string to;      // a technician or a team
  std::string reason;  // optional note
  bool force = false;  // allow an away technician or one at capacity
  std::optional<Instant> at;
};

Event allocate(work::Session& s, std::int64_t id, const AllocateRequest& r);

// One ticket's outcome in `desk allocate --auto`.
struct Decision {
  std::int64_t ticket = 0;
  std::string title;
  std::string priority;
  std::string team;
  std::string assignee;  // empty: nobody could take it
  std::string reason;    // "least loaded: 2 open", "every member is away, off shift or at capacity"
};

struct AutoRequest {
  std::string team;  // only tickets bound for this team
  bool dry_run = false;
};

struct AutoResult {
  std::vector<Decision> decisions;
  std::vector<Event> events;  // empty on a dry run
};

// Allocates every open ticket with no assignee, most urgent first. The caller
// holds one WriteTransaction (all or nothing) and rolls it back on a dry run.
AutoResult auto_allocate(work::Session& s, const AutoRequest& r);

// The team a ticket is routed to: its own, else the first [[routing]] rule
// that matches, else the first-line team (lowest tier). "" when no team fits.
std::string route(const config::Config& c, const Ticket& t);

}  // namespace desk::tickets
