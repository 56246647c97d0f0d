#include "desk/report/history.hpp"

#include <algorithm>

#include "desk/model/vocabulary.hpp"

namespace desk::report {

bool History::open() const {
  return logged && status && model::is_open(*status);
}

std::size_t marks_until(const std::vector<model::Mark>& marks, Instant at) {
  std::size_t n = marks.size();
  while (n > 0 && marks[n - 1].at > at) --n;
  return n;
}

std::optional<model::Status> status_at(const model::Ticket& t,
                                       const std::vector<model::Mark>& marks, Instant at) {
  if (marks.empty()) return t.created_at <= at ? std::optional(t.status) : std::nullopt;
  for (std::size_t n = marks_until(marks, at); n > 0; --n)
    if (marks[n - 1].status) return marks[n - 1].status;
  return std::nullopt;
}

History history_at(const model::Ticket& t, const std::vector<model::Mark>& marks, Instant at) {
  History h;
  history_at(t, marks, at, h);
  return h;
}

void history_at(const model::Ticket& t, const std::vector<model::Mark>& marks, Instant at,
                History& h) {
  std::vector<std::string> technicians = std::move(h.technicians);
  technicians.clear();
  h = History{};
  h.technicians = std::move(technicians);
  if (marks.empty()) {
    h.logged = t.created_at <= at;
    if (!h.logged) return;
    h.status = t.status;
    h.team = t.team;
    h.assignee = t.assignee;
    h.status_since = t.updated_at;
    h.escalations = t.escalation_level;
    h.reopens = t.reopen_count;
    h.first_reply = t.first_response_at;
    h.first_resolved = h.resolved = t.resolved_at;
    h.closed = t.closed_at;
    if (!t.assignee.empty()) h.technicians.push_back(t.assignee);
    return;
  }
  std::size_t n = marks_until(marks, at);
  for (std::size_t i = 0; i < n; ++i) {
    const model::Mark& m = marks[i];
    if (m.kind == model::EventKind::logged) h.logged = true;
    if (m.status && m.status != h.status) {
      h.status = m.status;
      h.status_since = m.at;
    }
    if (m.team) h.team = *m.team;
    if (m.assignee) {
      h.assignee = *m.assignee;
      if (!m.assignee->empty() &&
          std::find(h.technicians.begin(), h.technicians.end(), *m.assignee) == h.technicians.end())
        h.technicians.push_back(*m.assignee);
    }
    if (m.kind == model::EventKind::escalated) ++h.escalations;
    if (m.kind == model::EventKind::reopened) {
      ++h.reopens;
      h.resolved.reset();
      h.closed.reset();
    }
    if (m.kind == model::EventKind::reply && !h.first_reply) h.first_reply = m.at;
    if (m.kind == model::EventKind::resolved) {
      if (!h.first_resolved) h.first_resolved = m.at;
      h.resolved = m.at;
    }
    if (m.kind == model::EventKind::closed) h.closed = m.at;
  }
  if (!h.logged && n > 0) h.logged = true;  // a timeline without its logged mark
}

model::Ticket ticket_at(const model::Ticket& t, const History& h) {
  model::Ticket out = t;
  set_history(out, h);
  return out;
}

void set_history(model::Ticket& t, const History& h) {
  if (h.status) t.status = *h.status;
  t.team = h.team;
  t.assignee = h.assignee;
  t.escalation_level = h.escalations;
  t.reopen_count = h.reopens;
  t.first_response_at = h.first_reply;
  t.resolved_at = model::is_open(t.status) ? std::nullopt : h.resolved;
  t.closed_at = t.status == model::Status::closed ? h.closed : std::nullopt;
}

}  // namespace desk::report
