// Recording an event: the one way a ticket changes. The event is appended to
// the history and the ticket's row becomes the projection with it applied.
// Callers hold a WriteTransaction around one or many of these.
#pragma once

#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::work {

using model::Event;
using model::Json;
using model::Ticket;

// Adds a change of `field` to `to` when it differs from the ticket's value.
void change(Event& e, const Ticket& t, std::string_view field, const Json& to);

// Fills in ticket, actor and recorded_at, applies `e` to `t`, stores both.
// Returns the event with its id.
Event record(Session& s, Ticket& t, Event e);

}  // namespace desk::work

namespace desk::work {

// Records an event about the desk itself (a customer, a service, the
// store): no ticket changes. Fills in actor, recorded_at and, when unset,
// at; returns the event with its id.
Event record_subject(Session& s, Event e);

}  // namespace desk::work
