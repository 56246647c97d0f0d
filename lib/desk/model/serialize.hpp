// Tickets and events as the documented JSON shape (desk(1) "JSON FIELDS"):
// snake_case keys, null for "none", times in ISO 8601 with the offset of the
// configured zone. The single source for show, list, export and hooks.
#pragma once

#include "desk/core/time.hpp"
#include "desk/model/ticket.hpp"

namespace desk::model {

// A text as JSON: null for "none", which desk keeps as the empty text.
Json text_or_null(const std::string& s);

Json ticket_json(const Ticket& t, const Zone& zone);
// "Jane Doe <jane@example.org>", the name or the email alone, or "".
std::string customer_display(const Ticket& t);
Json event_json(const Event& e, const Zone& zone);

}  // namespace desk::model
