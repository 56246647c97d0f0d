// Whether a ticket's row is what its events say it is.
#pragma once

#include <string>
#include <vector>

#include "desk/model/ticket.hpp"

namespace desk::bulk {

// The fields (ticket_fields() names) in which `row` and `replayed` differ;
// tags compare as sets. Empty when the row is the replay of its events.
std::vector<std::string> differing_fields(const model::Ticket& row, const model::Ticket& replayed);

}  // namespace desk::bulk
