// The ticket's fields by name: one table that serves event replay, edits,
// JSON, list columns, filters and sorting, so a field is declared once.
#pragma once

#include <string_view>
#include <vector>

#include "desk/tickets/ticket.hpp"

namespace desk::tickets {

enum class FieldKind { text, integer, boolean, tags, time };

struct FieldDef {
  std::string_view name;
  FieldKind kind;
  bool editable;  // `desk edit` may change it directly
};

const std::vector<FieldDef>& ticket_fields();
const FieldDef* find_field(std::string_view name);

// A field's value as JSON: text "" and ids/counts of 0 for "none" become null;
// times are Unix seconds (renderers turn them into ISO 8601).
Json get_field(const Ticket& t, std::string_view name);
void set_field(Ticket& t, std::string_view name, const Json& value);

// Folds one event into the ticket: its changes, then what its kind implies
// (logged sets created_at, reply the first response, resolved/closed their
// times, reopened clears them). Replaying every event from an empty ticket
// gives the current ticket: that is what `desk doctor` checks.
void apply(Ticket& t, const Event& e);
Ticket replay(const std::vector<Event>& events);

}  // namespace desk::tickets
