#include "desk/sla/levels.hpp"

#include <algorithm>
#include <string_view>

#include "desk/tickets/match.hpp"

namespace desk::sla {

namespace {

constexpr Instant kOpenEnded = Instant::max();

template <typename T>
bool contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool closed_out(model::Status status) {
  return !model::is_open(status);
}

// Spans spent in a pausing status, from `from` on; the last one open-ended
// while the ticket still sits in it.
std::vector<Interval> pauses(const model::Ticket& t, const std::vector<model::Mark>& marks,
                             const std::vector<model::Status>& pause_on, Instant from) {
  std::vector<Interval> out;
  std::optional<model::Status> status;
  Instant since = t.created_at;
  for (const auto& m : marks) {
    if (!m.status || m.status == status) continue;
    if (status && contains(pause_on, *status) && m.at > from)
      out.push_back({std::max(since, from), m.at});
    status = m.status;
    since = m.at;
  }
  if (status && contains(pause_on, *status) && !closed_out(t.status))
    out.push_back({std::max(since, from), kOpenEnded});
  return out;
}

struct Resolution {
  std::vector<Interval> resolved_spans;  // resolved → reopened, counted as pauses
  std::optional<Instant> first_resolved;
  std::optional<Instant> stopped;  // the last resolve, while resolved or closed
};

Resolution resolution(const model::Ticket& t, const std::vector<model::Mark>& marks) {
  Resolution r;
  std::optional<Instant> open;
  for (const auto& m : marks) {
    if (m.kind == model::EventKind::resolved) {
      open = m.at;
      if (!r.first_resolved) r.first_resolved = m.at;
    } else if (m.kind == model::EventKind::reopened && open) {
      r.resolved_spans.push_back({*open, m.at});
      open.reset();
    }
  }
  if (open && closed_out(t.status)) r.stopped = open;
  return r;
}

std::optional<Instant> first_reply(const std::vector<model::Mark>& marks) {
  std::optional<Instant> first;
  for (const auto& m : marks)
    if (m.kind == model::EventKind::reply && (!first || m.at < *first)) first = m.at;
  return first;
}

std::optional<Instant> last_reply(const std::vector<model::Mark>& marks) {
  std::optional<Instant> last;
  for (const auto& m : marks)
    if (m.kind == model::EventKind::reply && (!last || m.at > *last)) last = m.at;
  return last;
}

std::optional<std::int64_t> target_for(const config::Targets& targets,
                                       const std::string& priority) {
  auto it = targets.find(priority);
  if (it == targets.end()) return std::nullopt;
  return it->second;
}

}  // namespace

const Clock* TicketSla::clock(std::string_view name) const {
  for (const auto& c : clocks)
    if (c.name == name) return &c;
  return nullptr;
}

bool TicketSla::breached() const {
  return std::any_of(clocks.begin(), clocks.end(), [](const Clock& c) { return c.state.breached; });
}

bool TicketSla::at_risk() const {
  return !breached() &&
         std::any_of(clocks.begin(), clocks.end(), [](const Clock& c) { return c.state.at_risk; });
}

const Clock* TicketSla::next_due() const {
  const Clock* best = nullptr;
  for (const auto& c : clocks)
    if (c.state.running && (best == nullptr || c.state.due < best->state.due)) best = &c;
  return best;
}

ServiceLevels::ServiceLevels(const config::Config& c) : config_(c), calendars_(c.calendars) {
  if (auto it = c.sla.find(c.default_sla); it != c.sla.end()) default_policy_ = &it->second;
}

std::int64_t ServiceLevels::working_day() const {
  if (default_policy_ == nullptr) return 86400;
  return calendar(default_policy_->calendar.value).working_day_seconds();
}

const Calendar& ServiceLevels::calendar(const std::string& name) const {
  return calendars_.get(name);
}

const config::SlaPolicy* ServiceLevels::policy_for(const model::Ticket& t) const {
  for (const auto& rule : config_.sla_rules)
    if (tickets::matches(rule.match, t)) return &config_.sla.at(rule.sla.value);
  if (!t.service_sla.empty())
    if (auto s = config_.sla.find(t.service_sla); s != config_.sla.end()) return &s->second;
  return default_policy_;
}

bool ServiceLevels::policy_reads_people() const {
  return std::any_of(config_.sla_rules.begin(), config_.sla_rules.end(),
                     [](const config::SlaRule& r) { return tickets::reads_people(r.match); });
}

TicketSla ServiceLevels::measure(const model::Ticket& t, const std::vector<model::Mark>& marks,
                                 Instant now, ClockSet which) const {
  TicketSla out;
  out.clocks.reserve(5);  // one allocation, not one per clock
  out.ticket = t.id;
  const config::SlaPolicy* policy = policy_for(t);
  Resolution res = resolution(t, marks);
  if (policy != nullptr) {
    out.policy = policy->name;
    out.calendar = policy->calendar.value;
    const Calendar& cal = calendar(out.calendar);
    std::vector<Interval> paused = pauses(t, marks, policy->pause_on, t.created_at);
    out.paused = !paused.empty() && paused.back().to == kOpenEnded;
    auto run = [&](const char* name, const config::Targets& targets, ClockSpec&& spec) {
      auto target = target_for(targets, t.priority);
      if (!target) return;
      spec.target = *target;
      spec.warn_percent = policy->warn_at;
      out.clocks.push_back({name, out.calendar, *target, policy->warn_at, spec.stopped,
                            sla::measure(cal, spec, now)});
    };
    // Response: the first reply (or the resolve, as the policy says).
    if (which.response) {
      ClockSpec response{t.created_at, 0, paused, std::nullopt, policy->warn_at};
      if (contains(policy->response_met_by, model::EventKind::reply))
        response.stopped = first_reply(marks);
      if (contains(policy->response_met_by, model::EventKind::resolved) && res.first_resolved &&
          (!response.stopped || *res.first_resolved < *response.stopped))
        response.stopped = res.first_resolved;
      run("response", policy->response, std::move(response));
    }
    // Resolution: resolved spans before a reopen do not count.
    if (which.resolve) {
      ClockSpec resolve{t.created_at, 0, std::move(paused), res.stopped, policy->warn_at};
      resolve.paused.insert(resolve.paused.end(), res.resolved_spans.begin(),
                            res.resolved_spans.end());
      run("resolve", policy->resolve, std::move(resolve));
    }
    // Update: time since the customer last heard from the desk, while open.
    if (which.update && !policy->update.empty()) {
      Instant since = last_reply(marks).value_or(t.created_at);
      ClockSpec update{since, 0, pauses(t, marks, policy->pause_on, since), std::nullopt,
                       policy->warn_at};
      if (closed_out(t.status))
        update.stopped = std::max(since, res.stopped.value_or(t.updated_at));
      run("update", policy->update, std::move(update));
    }
  }
  // The OLA of the team holding the ticket, from when it reached the team.
  auto ola = which.ola ? config_.ola.find(t.team) : config_.ola.end();
  if (ola != config_.ola.end()) {
    const config::Ola& o = ola->second;
    std::optional<Instant> entered;
    for (const auto& m : marks)
      if (m.team && *m.team == t.team) entered = m.at;
    if (entered) {
      out.ola_team = t.team;
      const Calendar& cal = calendar(o.calendar.value);
      std::vector<Interval> paused = pauses(t, marks, o.pause_on, *entered);
      std::optional<Instant> owned;
      for (const auto& m : marks)
        if (m.at >= *entered && m.assignee && !m.assignee->empty()) {
          owned = m.at;
          break;
        }
      auto run = [&](const char* name, const config::Targets& targets, ClockSpec&& spec) {
        auto target = target_for(targets, t.priority);
        if (!target) return;
        spec.target = *target;
        spec.warn_percent = o.warn_at;
        out.clocks.push_back({name, o.calendar.value, *target, o.warn_at, spec.stopped,
                              sla::measure(cal, spec, now)});
      };
      run("ola_response", o.response, {*entered, 0, paused, owned, o.warn_at});
      std::optional<Instant> done =
          res.stopped && *res.stopped >= *entered ? res.stopped : std::nullopt;
      run("ola_resolve", o.resolve, {*entered, 0, paused, done, o.warn_at});
    }
  }
  return out;
}

}  // namespace desk::sla
