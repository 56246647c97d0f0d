// desk start, desk pending, desk resume.
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/tickets/lifecycle.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::tickets {

Event start_work(work::Session& s, std::int64_t id, const StatusRequest& r) {
  Ticket t = work::require_ticket(s, id);
  require_step(t, Step::start);
  Event e;
  e.kind = model::EventKind::status;
  e.at = work::event_time(s, r.at, t.updated_at);
  e.text = r.text;
  // Whoever starts an unowned ticket owns it.
  if (t.assignee.empty()) {
    work::change(e, t, "assignee", s.actor);
    if (t.team.empty())
      if (const auto* tech = s.config.technician(s.actor); tech && !tech->teams.empty()) {
        work::change(e, t, "team", tech->teams.front());
        work::change(e, t, "tier", s.config.team(tech->teams.front())->tier);
      }
  }
  work::change(e, t, "status", model::Status::in_progress);
  return work::record(s, t, std::move(e));
}

Event set_pending(work::Session& s, std::int64_t id, const StatusRequest& r) {
  Ticket t = work::require_ticket(s, id);
  require_step(t, Step::pending);
  Event e;
  e.kind = model::EventKind::status;
  e.at = work::event_time(s, r.at, t.updated_at);
  e.text = r.text;
  work::change(e, t, "status", model::Status::pending);
  work::change(e, t, "pending_reason", r.reason);
  return work::record(s, t, std::move(e));
}

Event resume_work(work::Session& s, std::int64_t id, const StatusRequest& r) {
  Ticket t = work::require_ticket(s, id);
  require_step(t, Step::resume);
  Event e;
  e.kind = model::EventKind::status;
  e.at = work::event_time(s, r.at, t.updated_at);
  e.text = r.text;
  work::change(e, t, "status", model::Status::in_progress);
  work::change(e, t, "pending_reason", nullptr);
  return work::record(s, t, std::move(e));
}

}  // namespace desk::tickets
