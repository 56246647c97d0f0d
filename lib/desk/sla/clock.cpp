#include "desk/sla/clock.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "desk/core/error.hpp"

namespace desk::sla {

namespace {

// The pauses as they stood at `end`: cut off there, sorted, with overlapping
// and touching ones merged, empty ones dropped.
std::vector<Interval> pauses_until(const std::vector<Interval>& paused, Instant end) {
  std::vector<Interval> out;
  out.reserve(paused.size());
  for (const Interval& p : paused) {
    Instant to = std::min(p.to, end);
    if (p.from < to) out.push_back(Interval{p.from, to});
  }
  std::sort(out.begin(), out.end(),
            [](const Interval& a, const Interval& b) { return a.from < b.from; });
  std::size_t kept = 0;
  for (const Interval& p : out) {
    if (kept > 0 && p.from <= out[kept - 1].to) {
      out[kept - 1].to = std::max(out[kept - 1].to, p.to);
    } else {
      out[kept++] = p;
    }
  }
  out.resize(kept);
  return out;
}

// Business seconds in [from, to) outside the (merged) pauses.
std::int64_t count_unpaused(const Calendar& cal, Instant from, Instant to,
                            const std::vector<Interval>& pauses) {
  if (to <= from) return 0;
  std::int64_t total = cal.count(from, to);
  for (const Interval& p : pauses) {
    Instant a = std::max(p.from, from);
    Instant b = std::min(p.to, to);
    if (a < b) total -= cal.count(a, b);
  }
  return total;
}

// Calendar::add, skipping the (merged) pauses: where `budget` counted seconds
// from `from` are used up; for a budget of 0, the first counted instant.
Instant add_unpaused(const Calendar& cal, Instant from, std::int64_t budget,
                     const std::vector<Interval>& pauses) {
  Instant cur = from;
  for (const Interval& p : pauses) {
    if (p.to <= cur) continue;
    if (cur < p.from) {
      std::int64_t available = cal.count(cur, p.from);
      // Used up before the pause begins (or, for 0, counting begins before it).
      if (budget > 0 ? available >= budget : available > 0) return cal.add(cur, budget);
      budget -= available;
    }
    cur = p.to;
  }
  return cal.add(cur, budget);
}

int percent_of(std::int64_t elapsed, std::int64_t target) {
  if (target == 0) return elapsed > 0 ? 100 : 0;
  std::int64_t percent = elapsed / target * 100 + elapsed % target * 100 / target;
  return static_cast<int>(std::min<std::int64_t>(percent, std::numeric_limits<int>::max()));
}

}  // namespace

ClockState measure(const Calendar& cal, const ClockSpec& spec, Instant now) {
  if (spec.target < 0) {
    throw DataError(fmt::format("negative SLA target of {} seconds", spec.target));
  }
  ClockState st;
  // A stop after now had not happened yet at now.
  bool stopped = spec.stopped && *spec.stopped <= now;
  Instant end = stopped ? *spec.stopped : now;
  std::vector<Interval> pauses = pauses_until(spec.paused, end);

  st.start = add_unpaused(cal, spec.logged, 0, pauses);
  st.due = add_unpaused(cal, spec.logged, spec.target, pauses);
  st.elapsed = count_unpaused(cal, spec.logged, end, pauses);
  st.remaining = spec.target - st.elapsed;
  st.percent_used = percent_of(st.elapsed, spec.target);
  st.running = !stopped;
  st.paused =
      st.running && std::any_of(spec.paused.begin(), spec.paused.end(),
                                [now](const Interval& p) { return p.from <= now && now < p.to; });
  st.met = stopped && end <= st.due;
  st.breached = end > st.due;
  st.at_risk = st.running && !st.breached && st.percent_used >= spec.warn_percent;
  return st;
}

}  // namespace desk::sla
