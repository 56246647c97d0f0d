#include "desk/sla/escalation.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/sla/levels.hpp"
#include "desk/tickets/lifecycle.hpp"
#include "desk/tickets/match.hpp"

namespace desk::sla {

namespace {

struct Candidate {
  model::Ticket ticket;
  std::vector<model::Mark> marks;
};

bool fired(const std::vector<model::Mark>& marks, const std::string& rule) {
  return std::any_of(marks.begin(), marks.end(),
                     [&](const model::Mark& m) { return m.rule == rule; });
}

std::string outcome_of(const model::Event& e) {
  if (const auto* t = e.change("team")) return "to " + t->to.get<std::string>();
  if (e.extra.contains("manager")) return "to manager " + e.extra["manager"].get<std::string>();
  return "escalated";
}

}  // namespace

AutoEscalation auto_escalate(work::Session& s, bool dry_run) {
  AutoEscalation out;
  if (s.config.escalation.empty()) return out;
  ServiceLevels levels(s.config);
  // Read everything first: escalating writes to the tables being read.
  model::Query q;
  q.any_order = true;

  q.statuses.assign(model::kOpenStatuses.begin(), model::kOpenStatuses.end());
  std::vector<Candidate> candidates;
  s.store.each_ticket_timeline(q,
                               [&](const model::Ticket& t, const std::vector<model::Mark>& marks) {
                                 candidates.push_back({t, marks});
                                 return true;
                               });
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.ticket.id < b.ticket.id; });
  for (const auto& c : candidates) {
    TicketSla m = levels.measure(c.ticket, c.marks, s.now);
    for (const auto& rule : s.config.escalation) {
      if (fired(c.marks, rule.name) || !tickets::matches(rule.match, c.ticket)) continue;
      const Clock* clock = m.clock(rule.clock);
      if (clock == nullptr) continue;
      bool due = rule.at_breach
                     ? clock->state.breached
                     : clock->state.running && clock->state.percent_used >= rule.at_percent;
      if (!due) continue;
      AutoAction a;
      a.ticket = c.ticket.id;
      a.rule = rule.name;
      a.action = rule.action;
      // The target in its calendar's working days, as desk.toml wrote it.
      std::string target =
          format_span(clock->target, levels.calendar(clock->calendar).working_day_seconds());
      a.reason = rule.at_breach ? fmt::format("{} target of {} breached (rule {})", rule.clock,
                                              target, rule.name)
                                : fmt::format("{} clock at {}% of {} (rule {})", rule.clock,
                                              clock->state.percent_used, target, rule.name);
      tickets::EscalateRequest r;
      r.up = rule.action == "up";
      r.manager = rule.action == "manager";
      r.to_team = rule.action == "team" ? rule.team.value : "";
      r.reason = "automatic: " + a.reason;
      r.rule = rule.name;
      try {
        // A dry run escalates too, so the outcome is real; the caller rolls back.
        model::Event e = tickets::escalate(s, c.ticket.id, r);
        a.outcome = outcome_of(e);
        a.done = !dry_run;
        if (!dry_run) out.events.push_back(std::move(e));
      } catch (const Refused& refused) {
        a.outcome = std::string("skipped: ") + refused.what();
      }
      out.actions.push_back(std::move(a));
    }
  }
  return out;
}

}  // namespace desk::sla
