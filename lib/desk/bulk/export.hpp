// desk export: tickets with their whole history, in the shape desk import
// reads back (see import.hpp).
#pragma once

#include <string>
#include <vector>

#include "desk/format/rows.hpp"
#include "desk/tickets/ticket.hpp"

namespace desk::bulk {

// One JSON Lines line's object: the ticket's documented JSON (ticket_json)
// with its `events` (event_json), oldest first.
tickets::Json export_json(const tickets::Ticket& t, const std::vector<tickets::Event>& events,
                          const Zone& zone);

// CSV: one record per ticket, with a column for each key of the ticket's
// JSON (tags joined by commas, booleans yes/no, none empty) and an `events`
// column holding the history as a JSON array.
std::vector<format::Column> export_csv_columns();
// The row export_csv_columns() reads: `export_json` with `events` as JSON text.
tickets::Json export_csv_row(tickets::Json exported);

}  // namespace desk::bulk
