// What a ticket's timeline marks say about it at one instant. Reports are
// figures "as known at --now": an event after --now is ignored, so a report
// run again later with the same --now gives the same figures. Only the
// status, team and assignee are taken from the marks; the other fields
// (priority, category, ...) are the ticket's current ones.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "desk/model/ticket.hpp"

namespace desk::report {

struct History {
  bool logged = false;                  // the ticket existed at the instant
  std::optional<model::Status> status;  // none before it was logged
  std::string team;
  std::string assignee;
  Instant status_since{};  // when it entered its status
  int escalations = 0;     // escalated marks: functional, supplier or to a manager
  int reopens = 0;
  std::optional<Instant> first_reply;
  std::optional<Instant> first_resolved;
  std::optional<Instant> resolved;  // the resolution in force, while resolved or closed
  std::optional<Instant> closed;
  // Technicians the ticket was ever allocated to, each once, in order.
  std::vector<std::string> technicians;

  bool open() const;  // logged, and neither resolved nor closed
};

// The number of marks at or before `at` (marks are in event order, which is
// time order: desk keeps a ticket's history in order).
std::size_t marks_until(const std::vector<model::Mark>& marks, Instant at);

// The status the marks give the ticket at `at` (none before it was logged):
// cheaper than history_at when that is all a report needs.
std::optional<model::Status> status_at(const model::Ticket& t,
                                       const std::vector<model::Mark>& marks, Instant at);

// Replays the marks at or before `at`. A ticket without any marks (a store
// row with no history) is taken as its row says, from when it was logged.
History history_at(const model::Ticket& t, const std::vector<model::Mark>& marks, Instant at);
// The same into `out`, reusing its storage: a report replays a million
// tickets and should not allocate for each.
void history_at(const model::Ticket& t, const std::vector<model::Mark>& marks, Instant at,
                History& out);

// `t` as it stood at `at`: status, team and assignee from the marks, the
// resolution and first response times, escalation and reopen counts.
model::Ticket ticket_at(const model::Ticket& t, const History& h);
// The same in place: a report changes the reader's own row (see
// ReportStore::each_ticket) rather than copy some forty fields per ticket.
void set_history(model::Ticket& t, const History& h);

}  // namespace desk::report
