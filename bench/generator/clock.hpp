// Office life in the generator's time zone: when people call, and when the
// desk works. Converts with the zone's offset spans, looked up once, so that
// millions of conversions cost a few arithmetic operations each.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "desk/core/time.hpp"

#include "random.hpp"

namespace bench {

using desk::Instant;

struct Local {
  std::int64_t day = 0;  // days since 1970-01-01, local
  int hour = 0;
  int minute = 0;
  int weekday = 0;  // 0 = Monday
  bool holiday = false;
};

class WorkClock {
 public:
  // `holidays`: yearly "MM-DD" or one-off "YYYY-MM-DD", local dates, as in
  // desk.toml's calendars.
  WorkClock(const desk::Zone& zone, Instant from, Instant to,
            const std::vector<std::string>& holidays);

  Local local(Instant t) const;
  // Monday to Friday, 08:00 to 18:00 local, not a holiday.
  bool working(Instant t) const;
  // The next opening (08:00 local on a working day) strictly after t's day
  // part, or t's own day when t is before 08:00 of a working day.
  Instant next_opening(Instant t) const;
  // `minutes` after t; unless `anytime`, a result outside working hours moves
  // to a little after the next opening (people answer in the morning).
  Instant after(Instant t, double minutes, bool anytime, Rng& rng) const;

 private:
  int offset(Instant t) const;
  Instant from_local(std::int64_t day, int hour, int minute) const;
  bool workday(std::int64_t day) const;

  std::vector<desk::OffsetSpan> spans_;
  std::set<std::int64_t> holidays_;
};

// `n` instants in [from, to), sorted, spread over the days and hours the way
// calls arrive at a desk: weekdays more than weekends, office hours more than
// nights, a dip at lunch, little on holidays, slow growth over the period.
std::vector<Instant> arrivals(std::size_t n, Instant from, Instant to, const WorkClock& clock,
                              Rng& rng);

}  // namespace bench
