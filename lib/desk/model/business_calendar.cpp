#include "desk/model/business_calendar.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk::model {

namespace {

constexpr std::int64_t kDay = 86400;
// The table covers [kFirst, kLast] in seconds since the epoch: 1970-01-01 to
// 2201-01-01 UTC (day 84371), far beyond any ticket and small enough to build.
constexpr std::int64_t kFirst = 0;
constexpr std::int64_t kLast = 84371 * kDay;
// How much the table grows at least when a query falls outside it, and how
// much the first query builds around itself (about a year each way: reports
// look back, clocks look ahead).
constexpr std::int64_t kGrowth = 366 * kDay;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// 1970-01-01 (day 0) was a Thursday; 0 = Monday.
int weekday_of(std::int64_t day) {
  return static_cast<int>(((day % 7) + 7 + 3) % 7);
}

std::string describe_instant(std::int64_t t) {
  // Far-off instants (Instant::max() for "still open") have no sensible date.
  if (t < -(std::int64_t{1} << 36) || t > (std::int64_t{1} << 36)) return fmt::format("@{}", t);
  return format_iso(from_unix(t), Zone::utc());
}

void check_range(std::int64_t t) {
  if (t >= kFirst && t <= kLast) return;
  throw DataError(
      fmt::format("time {} is outside the range business calendars support", describe_instant(t)),
      "business time is counted between 1970-01-01 and 2201-01-01 UTC");
}

[[noreturn]] void throw_beyond_range(const std::string& calendar) {
  throw DataError(
      fmt::format("calendar {} has no business time left before 2201", util::quoted(calendar)),
      "check the calendar's hours and holidays, and the target");
}

using Piece = std::array<std::int64_t, 2>;  // [from, to) in seconds since the epoch

// A run of open time, with the business seconds before it (relative to an
// arbitrary origin: only differences mean anything).
struct Span {
  std::int64_t from = 0;
  std::int64_t to = 0;
  std::int64_t cum = 0;
  std::int64_t cum_end() const { return cum + (to - from); }
};

}  // namespace

// The open intervals of [lo, hi) as UTC seconds, sorted and disjoint, with a
// running sum, and for each UTC day of [lo, hi) the first span that ends after
// the day starts, so that finding the span around an instant is O(1) plus the
// few spans of one day. lo and hi are whole UTC days. Built by pieces, later
// or earlier; existing spans keep their positions in time and their sums, so
// figures computed before a growth stay valid.
struct Calendar::Table {
  std::int64_t lo = 0;
  std::int64_t hi = 0;
  std::int64_t lo_cum = 0;  // business seconds before lo (same origin as Span::cum)
  std::int64_t hi_cum = 0;  // ... and before hi
  std::vector<Span> spans;
  std::vector<std::uint32_t> first;

  bool covers(std::int64_t t) const {
    return lo < hi && lo <= t && (t < hi || (t == hi && hi == kLast));
  }

  // Index of the first span with to > t; spans.size() when none is in the table.
  std::size_t first_ending_after(std::int64_t t) const {
    std::size_t i = t >= hi ? spans.size() : first[static_cast<std::size_t>((t - lo) / kDay)];
    while (i < spans.size() && spans[i].to <= t) ++i;
    return i;
  }

  // Business seconds before t (t covered).
  std::int64_t position(std::int64_t t) const {
    std::size_t i = first_ending_after(t);
    if (i == spans.size()) return hi_cum;
    return spans[i].cum + std::max<std::int64_t>(0, t - spans[i].from);
  }

  void append(const std::vector<Piece>& pieces, std::int64_t new_hi) {
    for (const Piece& p : pieces) {
      spans.push_back(Span{p[0], p[1], hi_cum});
      hi_cum += p[1] - p[0];
    }
    hi = new_hi;
    reindex();
  }

  void prepend(const std::vector<Piece>& pieces, std::int64_t new_lo) {
    std::vector<Span> grown;
    grown.reserve(pieces.size() + spans.size());
    std::int64_t total = 0;
    for (const Piece& p : pieces) total += p[1] - p[0];
    lo_cum -= total;
    std::int64_t cum = lo_cum;
    for (const Piece& p : pieces) {
      grown.push_back(Span{p[0], p[1], cum});
      cum += p[1] - p[0];
    }
    grown.insert(grown.end(), spans.begin(), spans.end());
    spans = std::move(grown);
    lo = new_lo;
    reindex();
  }

  void reindex() {
    first.resize(static_cast<std::size_t>((hi - lo) / kDay));
    std::size_t i = 0;
    for (std::size_t k = 0; k < first.size(); ++k) {
      std::int64_t day_start = lo + static_cast<std::int64_t>(k) * kDay;
      while (i < spans.size() && spans[i].to <= day_start) ++i;
      first[k] = static_cast<std::uint32_t>(i);
    }
  }
};

Calendar::Calendar(CalendarSpec spec) : spec_(std::move(spec)) {
  working_day_ = model::working_day_seconds(spec_);  // checks the spec first
  zone_ = Zone::named(spec_.timezone);
  for (const Holiday& h : spec_.holidays) {
    if (h.year == 0) {
      yearly_[static_cast<std::size_t>((h.month - 1) * 31 + h.day - 1)] = true;
    } else {
      dated_holidays_.push_back(days_from_civil(h.year, h.month, h.day));
    }
  }
  std::sort(dated_holidays_.begin(), dated_holidays_.end());
}

Calendar::Calendar(const Calendar& other)
    : spec_(other.spec_),
      zone_(other.zone_),
      working_day_(other.working_day_),
      yearly_(other.yearly_),
      dated_holidays_(other.dated_holidays_) {}

Calendar& Calendar::operator=(const Calendar& other) {
  if (this != &other) {
    Calendar copy(other);
    *this = std::move(copy);
  }
  return *this;
}

Calendar::Calendar(Calendar&& other) noexcept = default;
Calendar& Calendar::operator=(Calendar&& other) noexcept = default;
Calendar::~Calendar() = default;

bool Calendar::is_holiday(std::int64_t local_day) const {
  int y, m, d;
  civil_from_days(local_day, y, m, d);
  if (yearly_[static_cast<std::size_t>((m - 1) * 31 + d - 1)]) return true;
  return std::binary_search(dated_holidays_.begin(), dated_holidays_.end(), local_day);
}

// The open intervals inside [from, to): for every local day that can reach
// into the range, each window's local range mapped back through the zone's
// offsets. Mapping each offset span separately is what makes the rules hold
// at daylight-saving changes: a skipped wall-clock range has no instants, a
// repeated one has two sets.
void Calendar::build(std::int64_t from, std::int64_t to, std::vector<Piece>& out) const {
  // UTC offsets stay within a day, so two days of margin find every local day
  // whose instants can fall inside [from, to).
  std::int64_t margin = 2 * kDay;
  std::vector<OffsetSpan> offsets =
      zone_.offset_spans(from_unix(from - margin), from_unix(to + margin));
  std::size_t j = 0;
  for (std::int64_t day = floor_div(from, kDay) - 2; day <= floor_div(to, kDay) + 2; ++day) {
    const std::vector<Window>& windows = spec_.week[static_cast<std::size_t>(weekday_of(day))];
    if (windows.empty() || is_holiday(day)) continue;
    std::int64_t midnight = day * kDay;
    while (j < offsets.size() && to_unix(offsets[j].end) <= midnight - margin) ++j;
    for (const Window& w : windows) {
      std::int64_t local_from = midnight + w.start * 60;
      std::int64_t local_to = midnight + w.end * 60;
      for (std::size_t k = j; k < offsets.size(); ++k) {
        std::int64_t begin = to_unix(offsets[k].begin);
        if (begin >= midnight + kDay + margin) break;
        std::int64_t off = offsets[k].offset_seconds;
        std::int64_t a = std::max({begin, local_from - off, from});
        std::int64_t b = std::min({to_unix(offsets[k].end), local_to - off, to});
        if (a < b) out.push_back(Piece{a, b});
      }
    }
  }
  // Local days are not always in UTC order (a zone that falls back across
  // midnight), and a window ending at 24:00 touches the next day's 00:00.
  std::sort(out.begin(), out.end());
  std::size_t kept = 0;
  for (const Piece& p : out) {
    if (kept > 0 && p[0] <= out[kept - 1][1]) {
      out[kept - 1][1] = std::max(out[kept - 1][1], p[1]);
    } else {
      out[kept++] = p;
    }
  }
  out.resize(kept);
}

Calendar::Table& Calendar::cover(std::int64_t t) const {
  check_range(t);
  if (!table_) table_ = std::make_unique<Table>();
  Table& tb = *table_;
  if (tb.covers(t)) return tb;
  std::int64_t day = floor_div(t, kDay) * kDay;
  std::vector<Piece> pieces;
  if (tb.lo == tb.hi) {
    std::int64_t lo = std::max(kFirst, day - kGrowth);
    std::int64_t hi = std::min(kLast, day + kGrowth);
    build(lo, hi, pieces);
    tb.lo = tb.hi = lo;
    tb.append(pieces, hi);
    return tb;
  }
  if (t < tb.lo) {
    std::int64_t lo = std::max(kFirst, std::min(day, tb.lo - std::max(kGrowth, tb.hi - tb.lo)));
    build(lo, tb.lo, pieces);
    tb.prepend(pieces, lo);
  } else {
    std::int64_t hi =
        std::min(kLast, std::max(day + kDay, tb.hi + std::max(kGrowth, tb.hi - tb.lo)));
    build(tb.hi, hi, pieces);
    tb.append(pieces, hi);
  }
  return tb;
}

bool Calendar::extend_forward() const {
  Table& tb = *table_;
  if (tb.hi >= kLast) return false;
  cover(tb.hi);
  return true;
}

bool Calendar::is_open(Instant t) const {
  std::int64_t s = to_unix(t);
  if (spec_.always_open) {
    check_range(s);
    return true;
  }
  const Table& tb = cover(s);
  std::size_t i = tb.first_ending_after(s);
  return i < tb.spans.size() && tb.spans[i].from <= s;
}

Instant Calendar::next_open(Instant t) const {
  std::int64_t s = to_unix(t);
  if (spec_.always_open) {
    check_range(s);
    return t;
  }
  const Table& tb = cover(s);
  std::size_t i = tb.first_ending_after(s);
  while (i == tb.spans.size()) {
    if (!extend_forward()) throw_beyond_range(spec_.name);
    i = tb.first_ending_after(s);
  }
  return from_unix(std::max(s, tb.spans[i].from));
}

std::int64_t Calendar::count(Instant from, Instant to) const {
  std::int64_t a = to_unix(from);
  std::int64_t b = to_unix(to);
  if (spec_.always_open || b <= a) {
    check_range(a);
    check_range(b);
    return std::max<std::int64_t>(0, b - a);
  }
  std::int64_t before_a = cover(a).position(a);
  return cover(b).position(b) - before_a;
}

Instant Calendar::add(Instant start, std::int64_t seconds) const {
  if (seconds < 0) {
    throw DataError(fmt::format("cannot count {} business seconds forward", seconds));
  }
  std::int64_t s = to_unix(start);
  check_range(s);
  // More than the whole table holds cannot be used up; refusing early also
  // keeps the sums below from overflowing.
  if (seconds > kLast - kFirst) throw_beyond_range(spec_.name);
  if (spec_.always_open) {
    if (s + seconds > kLast) throw_beyond_range(spec_.name);
    return from_unix(s + seconds);
  }
  if (seconds == 0) return next_open(start);
  const Table& tb = cover(s);
  std::int64_t target = tb.position(s) + seconds;
  std::size_t i = tb.first_ending_after(s);
  while (tb.hi_cum < target) {
    if (!extend_forward()) throw_beyond_range(spec_.name);
  }
  // Gallop from the start's span (targets are usually a few spans away), then
  // bisect: the first span whose running sum reaches the target.
  const std::vector<Span>& spans = tb.spans;
  std::size_t lo = i, hi = i, step = 1;
  while (spans[hi].cum_end() < target) {
    lo = hi + 1;
    hi = std::min(spans.size() - 1, hi + step);
    step *= 2;
  }
  // Now the answer lies in [lo, hi], and hi < size because hi_cum >= target.
  auto it = std::partition_point(spans.begin() + static_cast<std::ptrdiff_t>(lo),
                                 spans.begin() + static_cast<std::ptrdiff_t>(hi + 1),
                                 [target](const Span& sp) { return sp.cum_end() < target; });
  return from_unix(it->from + (target - it->cum));
}

const Calendar& Calendars::get(const std::string& name) const {
  auto it = built_.find(name);
  if (it == built_.end()) it = built_.emplace(name, Calendar(specs_.at(name))).first;
  return it->second;
}

}  // namespace desk::model
