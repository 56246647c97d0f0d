// The ticket's fields by name: one table that serves event replay, edits,
// JSON, list columns, filters and sorting, so a field is declared once.
#pragma once

#include <string_view>
#include <vector>

#include "desk/model/ticket.hpp"

namespace desk::model {

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

// The same value as a view into the ticket, for writers that stream
// millions of tickets (desk export) and cannot afford a JSON value a field.
struct FieldView {
  enum class Kind { null, text, integer, boolean, tags, time };
  Kind kind = Kind::null;
  std::string_view text;
  std::int64_t number = 0;  // integer; boolean as 0/1; time as Unix seconds
  const std::vector<std::string>* tags = nullptr;
};
// `index` is the field's place in ticket_fields().
FieldView view_field(const Ticket& t, std::size_t index);
void set_field(Ticket& t, std::string_view name, const Json& value);

// Folds one event into the ticket: its changes, then what its kind implies
// (logged sets created_at, reply the first response, resolved/closed their
// times, reopened clears them). Replaying every event from an empty ticket
// gives the current ticket: that is what `desk doctor` checks.
void apply(Ticket& t, const Event& e);
Ticket replay(const std::vector<Event>& events);

}  // namespace desk::model
