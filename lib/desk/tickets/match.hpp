// Whether a ticket matches a rule's `match = { ... }` table (routing, SLA
// rules): every key must match, a list matches any of its values.
#pragma once

#include "desk/config/model.hpp"
#include "desk/model/ticket.hpp"

namespace desk::tickets {

using model::Ticket;

bool matches(const config::Match& m, const Ticket& t);
// Whether `m` reads the ticket's customer or tags (which a query can skip).
bool reads_people(const config::Match& m);

}  // namespace desk::tickets
