// A ticket's timeline marks kept in its own row: what service levels need
// from its history (status, team and assignee changes, replies, resolves,
// escalation rules), appended by apply() as events are recorded. Measuring a
// million tickets then reads one table once, never the events.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "desk/model/ticket.hpp"

namespace desk::model {

// Appends the event's mark when its kind is one service levels use.
void append_mark(std::string& timeline, const Event& e);
std::vector<Mark> read_marks(std::string_view timeline);
// The same into `out`, reusing the storage of what it held: a report decodes
// a million timelines and should not allocate for each.
void read_marks(std::string_view timeline, std::vector<Mark>& out);

}  // namespace desk::model
