// Checks of values against the configuration, shared by every use case, each
// failing with a DataError (exit 65) that names what is allowed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::work {

using model::Ticket;

// value must be one of allowed; `what` names it in the message ("type").
void require_one_of(std::string_view what, const std::string& value,
                    const std::vector<std::string>& allowed);

// A tag: one word, no commas (they separate tags in filters and CSV).
std::string checked_tag(std::string_view tag);
std::string checked_title(std::string_view title);

// The ticket, or Refused "no ticket N".
Ticket require_ticket(Session& s, std::int64_t id);

// When an event happened: `at` or now. It may not be in the future, nor
// before `not_before` (the ticket's creation, or its latest event for
// changes that must keep the history in order).
Instant event_time(const Session& s, const std::optional<Instant>& at,
                   std::optional<Instant> not_before = std::nullopt);

// A ticket id as typed: "42" or "#42".
std::int64_t parse_ticket_id(std::string_view text);

}  // namespace desk::work
