// Business calendars: when the desk is open, and how much open time lies
// between two instants.
//
// The rules (the SLA clocks in sla/clock.hpp and the technicians' shifts
// build on them):
//  1. A real instant is business time when, in the calendar's zone, its local
//     date is not a holiday and its local wall-clock time t satisfies
//     start <= t < end for one of that weekday's windows. Holidays are local
//     dates. In a repeated hour (clocks going back) both passes are judged by
//     their wall-clock reading, so a window that starts or ends inside the
//     repeated hour covers each pass that falls inside it; a wall-clock time
//     that never happened (clocks going forward) is not an instant at all, so
//     a window edge inside the gap behaves like the end of the gap.
//  2. Business time is counted in real elapsed seconds: a window spanning a
//     daylight-saving change is shorter or longer by the jump. A 24x7 calendar
//     counts every real second (its week and holidays are ignored).
//
// Counting is fast: each Calendar lazily builds a table of its open intervals
// as UTC instants, with a running sum of open seconds, and extends it on
// demand. The table covers 1970-01-01 to 2201-01-01 UTC; instants outside
// that range are refused with DataError (for 24x7 calendars too, so that every
// calendar accepts the same instants).
//
// A Calendar is not safe to share between threads: queries fill its cache.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "desk/core/time.hpp"
#include "desk/model/calendar.hpp"

namespace desk::model {

class Calendar {
 public:
  // Validates the spec (model::working_day_seconds): throws ConfigError
  // naming the calendar and, for windows, the day.
  explicit Calendar(CalendarSpec spec);
  // Copies start with an empty cache; moves keep it.
  Calendar(const Calendar& other);
  Calendar& operator=(const Calendar& other);
  Calendar(Calendar&& other) noexcept;
  Calendar& operator=(Calendar&& other) noexcept;
  ~Calendar();

  const CalendarSpec& spec() const { return spec_; }
  const Zone& zone() const { return zone_; }

  // Rule 1.
  bool is_open(Instant t) const;
  // The first business instant at or after t. Throws DataError when there is
  // none before 2201.
  Instant next_open(Instant t) const;
  // Business seconds in [from, to); 0 when to <= from.
  std::int64_t count(Instant from, Instant to) const;
  // The instant at which `seconds` business seconds counted from `start` are
  // used up: the end of the last of them, so a budget that runs out at
  // closing time is due at closing time, not at the next opening. 0 seconds
  // gives next_open(start). Throws DataError for negative seconds or when the
  // budget is not used up before 2201.
  Instant add(Instant start, std::int64_t seconds) const;
  // The "standard working day" that a target of "1d" means: the nominal
  // (wall-clock) length of the weekday pattern shared by most open weekdays;
  // on a tie, the longer. 8h for 09:00-17:00 Monday to Friday; 86400 for 24x7.
  std::int64_t working_day_seconds() const { return working_day_; }

 private:
  struct Table;

  bool is_holiday(std::int64_t local_day) const;
  // Makes the table cover t (seconds since the epoch); refuses out-of-range t.
  Table& cover(std::int64_t t) const;
  // Grows the table one step later in time; false when it already reaches 2201.
  bool extend_forward() const;
  void build(std::int64_t from, std::int64_t to,
             std::vector<std::array<std::int64_t, 2>>& out) const;

  CalendarSpec spec_;
  Zone zone_;
  std::int64_t working_day_ = 0;
  std::array<bool, 12 * 31> yearly_{};        // [month-1][day-1] closed every year
  std::vector<std::int64_t> dated_holidays_;  // local day numbers, sorted
  mutable std::unique_ptr<Table> table_;
};

// Calendars by name, each built from its spec the first time it is asked
// for, so that a command asking many times counts with one table each
// (the service levels' clocks, the technicians' shifts). Not thread-safe,
// as Calendar is not.
class Calendars {
 public:
  explicit Calendars(const std::map<std::string, CalendarSpec>& specs) : specs_(specs) {}
  // Throws std::out_of_range for a name the specs lack: configuration
  // checks every reference before anything asks.
  const Calendar& get(const std::string& name) const;

 private:
  const std::map<std::string, CalendarSpec>& specs_;
  mutable std::map<std::string, Calendar> built_;
};

}  // namespace desk::model
