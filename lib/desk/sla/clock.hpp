// SLA clocks: how much of a target a ticket has used, and whether it was met.
//
// A clock counts the business time of a calendar (calendar.hpp) from the
// moment a ticket was logged, except time inside pauses:
//  3. Paused intervals never count; overlapping ones are merged; a pause
//     entirely outside business hours changes nothing.
//  4. The clock starts at the first counted instant at or after `logged`.
//  5. Due is the instant at which the target-th counted second ends: a budget
//     used up exactly at closing time is due at closing time; a target of 0 is
//     due at the start.
//  6. Elapsed is the counted seconds in [logged, end), end = stopped or now;
//     remaining = target - elapsed, signed. Breached means the stop, or else
//     now, is strictly after due.
//
// The state is what could be known at `now`, so that a report run with
// --now gives the same figures whatever happened later:
//  - a stop after now is ignored (the clock was still running at now);
//  - pauses count only up to the end (the stop, or now): a pause still under
//    way is treated as ending there, so `due` is what it would be if the clock
//    resumed at that moment, and pauses that begin later are ignored.
// Consequences worth knowing: a clock stopped or measured at closing time with
// its budget used up exactly is not breached; one measured after closing with
// the budget used up exactly at closing is breached with remaining == 0.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "desk/core/time.hpp"
#include "desk/model/business_calendar.hpp"

namespace desk::sla {

// Business calendars are model's: the technicians' shifts are calendars too.
using model::Calendar;
using model::CalendarSpec;

// Half-open; `to` may be Instant::max() for "still under way".
struct Interval {
  Instant from;
  Instant to;
};

struct ClockSpec {
  Instant logged;                  // when the ticket was logged
  std::int64_t target = 0;         // business seconds allowed; negative is a DataError
  std::vector<Interval> paused;    // time that never counts; any order, may overlap
  std::optional<Instant> stopped;  // the first reply / the resolve; nullopt while running
  int warn_percent = 75;
};

struct ClockState {
  Instant start;               // first counted instant at or after logged
  Instant due;                 // when the target is used up (see above for pauses)
  std::int64_t elapsed = 0;    // counted seconds in [logged, end)
  std::int64_t remaining = 0;  // target - elapsed; negative when overdue
  // floor(elapsed * 100 / target), not capped at 100 (capped at INT_MAX). A
  // target of 0 reads 0 until any time is counted, then 100.
  int percent_used = 0;
  bool running = false;   // not stopped (at now)
  bool paused = false;    // running and now falls in a pause
  bool met = false;       // stopped, and stopped <= due
  bool breached = false;  // stopped ? stopped > due : now > due
  bool at_risk = false;   // running, not breached, percent_used >= warn_percent
};

ClockState measure(const Calendar& cal, const ClockSpec& spec, Instant now);

}  // namespace desk::sla
