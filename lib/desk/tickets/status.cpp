// desk start, desk pending, desk resume.
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/tickets/lifecycle.hpp"
#include "desk/tickets/record.hpp"
#include "desk/tickets/validate.hpp"

namespace desk::tickets {

Event start_work(Session& s, std::int64_t id, const StatusRequest& r) {
  Ticket t = require_ticket(s, id);
  require_step(t, Step::start);
  Event e;
  e.kind = "status";
  e.at = event_time(s, r.at, t.updated_at);
  e.text = r.text;
  // Whoever starts an unowned ticket owns it.
  if (t.assignee.empty()) {
    change(e, t, "assignee", s.actor);
    if (t.team.empty())
      if (const auto* tech = s.config.technician(s.actor); tech && !tech->teams.empty()) {
        change(e, t, "team", tech->teams.front());
        change(e, t, "tier", s.config.team(tech->teams.front())->tier);
      }
  }
  change(e, t, "status", "in-progress");
  return record(s, t, std::move(e));
}

Event set_pending(Session& s, std::int64_t id, const StatusRequest& r) {
  Ticket t = require_ticket(s, id);
  require_one_of("pending reason", r.reason, model::kPendingReasons);
  require_step(t, Step::pending);
  Event e;
  e.kind = "status";
  e.at = event_time(s, r.at, t.updated_at);
  e.text = r.text;
  change(e, t, "status", "pending");
  change(e, t, "pending_reason", r.reason);
  return record(s, t, std::move(e));
}

Event resume_work(Session& s, std::int64_t id, const StatusRequest& r) {
  Ticket t = require_ticket(s, id);
  require_step(t, Step::resume);
  Event e;
  e.kind = "status";
  e.at = event_time(s, r.at, t.updated_at);
  e.text = r.text;
  change(e, t, "status", "in-progress");
  change(e, t, "pending_reason", "");
  return record(s, t, std::move(e));
}

}  // namespace desk::tickets
