// Service levels of tickets: which policy applies, and each clock (response,
// resolution, update; the team's OLA) measured from the ticket's timeline.
// Everything is derived from history, so a changed calendar or policy
// applies to the past as soon as it is in desk.toml.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "desk/config/model.hpp"
#include "desk/model/ticket.hpp"
#include "desk/sla/clock.hpp"

namespace desk::sla {

struct Clock {
  std::string name;  // response | resolve | update | ola_response | ola_resolve
  std::string calendar;
  std::int64_t target = 0;  // business seconds
  int warn_at = 75;
  std::optional<Instant> stopped;  // the event that stopped it, if any
  ClockState state;
};

struct TicketSla {
  std::int64_t ticket = 0;
  std::string policy;    // "" when no policy applies
  std::string calendar;  // the policy's
  std::string ola_team;  // the team whose OLA is measured, if any
  bool paused = false;   // in a pausing status right now
  std::vector<Clock> clocks;

  const Clock* clock(std::string_view name) const;
  bool breached() const;  // any clock breached
  bool at_risk() const;   // any running clock past its warning threshold, none breached
  // The running clock that falls due first.
  const Clock* next_due() const;
};

// The clocks measure() works out. A report that reads only some of them
// leaves out the rest: each costs its pauses and business-time arithmetic,
// over a million tickets.
struct ClockSet {
  bool response = true;
  bool resolve = true;
  bool update = true;
  bool ola = true;  // ola_response and ola_resolve

  // The response and resolution targets: what most reports print.
  static constexpr ClockSet targets() { return {true, true, false, false}; }
};

class ServiceLevels {
 public:
  explicit ServiceLevels(const config::Config& c);

  // [[sla_rule]] first match, else the policy of the ticket's service, else
  // [desk].default_sla; nullptr when none.
  const config::SlaPolicy* policy_for(const model::Ticket& t) const;
  // Whether choosing a policy reads the ticket's customer or tags.
  bool policy_reads_people() const;
  const Calendar& calendar(const std::string& name) const;
  // The working day of the default policy's calendar (24 hours without one):
  // how long "d" is when a report shows business time summed over tickets.
  std::int64_t working_day() const;

  TicketSla measure(const model::Ticket& t, const std::vector<model::Mark>& marks, Instant now,
                    ClockSet which = {}) const;

 private:
  const config::Config& config_;
  const config::SlaPolicy* default_policy_ = nullptr;  // [desk].default_sla, looked up once
  model::Calendars calendars_;
};

}  // namespace desk::sla
