// Changing tickets from the command line: a batch of ids in one write
// transaction (all or nothing), then the hooks its events call for.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "desk/model/ticket.hpp"

#include "context.hpp"

namespace desk::cmd {

using Action = std::function<std::vector<model::Event>(work::Session&, std::int64_t id)>;

// Runs `action` for every id inside one transaction, commits, runs hooks.
// Returns the events recorded, in order.
std::vector<model::Event> change_tickets(Env& env, const std::vector<std::int64_t>& ids,
                                         const Action& action);

// After a commit: runs the hooks `events` call for, reports each failure on
// stderr and records it in the ticket's history. Never throws for a hook.
void after_commit(Env& env, const std::vector<model::Event>& events);

// "Resolved ticket 5" lines (or the bare ids with -q) for a batch.
void report_each(Env& env, const std::vector<std::int64_t>& ids, std::string_view verb);

}  // namespace desk::cmd
