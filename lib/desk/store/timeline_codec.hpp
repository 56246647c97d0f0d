// The compact text form of a ticket's timeline marks kept in
// ticket_timeline.marks (schema 0005, which says how it is written). Pure
// functions, so the format is tested without a database.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "desk/tickets/ticket.hpp"

namespace desk::store {

// Replaces `out` with the marks `text` holds, in event order, reusing the
// storage of what `out` held (a report decodes a million of these). Records
// that do not parse are skipped: the table is derived data, never fail a
// report on it.
void decode_marks(std::string_view text, std::vector<tickets::Mark>& out);

// One record, as the event_marks view writes it (for tests).
std::string encode_mark(std::int64_t event_id, const tickets::Mark& m);

}  // namespace desk::store
