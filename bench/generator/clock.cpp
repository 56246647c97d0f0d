#include "clock.hpp"

#include <algorithm>
#include <cstdio>

namespace bench {

namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Calls per local hour, relative: a morning peak, a lunch dip, an afternoon
// plateau, a quiet night.
constexpr double kWeekdayHours[24] = {0.05, 0.03, 0.02, 0.02, 0.03, 0.06, 0.15, 0.45,
                                      1.00, 1.55, 1.70, 1.60, 1.20, 1.35, 1.50, 1.40,
                                      1.15, 0.75, 0.40, 0.30, 0.25, 0.20, 0.12, 0.08};
constexpr double kWeekendHours[24] = {0.04, 0.03, 0.02, 0.02, 0.02, 0.03, 0.05, 0.10,
                                      0.20, 0.30, 0.35, 0.35, 0.30, 0.30, 0.30, 0.28,
                                      0.25, 0.20, 0.18, 0.16, 0.14, 0.12, 0.08, 0.05};
// Monday is the busiest day; Friday tails off.
constexpr double kWeekdays[7] = {1.15, 1.05, 1.00, 0.98, 0.85, 0.20, 0.14};

}  // namespace

WorkClock::WorkClock(const desk::Zone& zone, Instant from, Instant to,
                     const std::vector<std::string>& holidays)
    // Stories run past `to` (a ticket resolved after now is simply not resolved
    // yet), so keep offsets for a while beyond it.
    : spans_(zone.offset_spans(from - desk::Seconds{2 * kDay}, to + desk::Seconds{400 * kDay})) {
  int first_year = 0, last_year = 0, m = 0, d = 0;
  desk::civil_from_days(floor_div(desk::to_unix(from), kDay) - 2, first_year, m, d);
  desk::civil_from_days(floor_div(desk::to_unix(to), kDay) + 400, last_year, m, d);
  for (const auto& h : holidays) {
    int y = 0, mm = 0, dd = 0;
    if (std::sscanf(h.c_str(), "%d-%d-%d", &y, &mm, &dd) == 3) {
      holidays_.insert(desk::days_from_civil(y, mm, dd));
    } else if (std::sscanf(h.c_str(), "%d-%d", &mm, &dd) == 2) {
      for (int year = first_year; year <= last_year; ++year)
        holidays_.insert(desk::days_from_civil(year, mm, dd));
    }
  }
}

int WorkClock::offset(Instant t) const {
  // Few spans (two a year): a short scan from the back finds the one in force.
  for (auto it = spans_.rbegin(); it != spans_.rend(); ++it)
    if (it->begin <= t) return it->offset_seconds;
  return spans_.empty() ? 0 : spans_.front().offset_seconds;
}

Local WorkClock::local(Instant t) const {
  std::int64_t s = desk::to_unix(t) + offset(t);
  Local l;
  l.day = floor_div(s, kDay);
  std::int64_t in_day = s - l.day * kDay;
  l.hour = static_cast<int>(in_day / 3600);
  l.minute = static_cast<int>(in_day % 3600 / 60);
  l.weekday = static_cast<int>(((l.day + 3) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
  l.holiday = holidays_.count(l.day) > 0;
  return l;
}

bool WorkClock::workday(std::int64_t day) const {
  int weekday = static_cast<int>(((day + 3) % 7 + 7) % 7);
  return weekday < 5 && holidays_.count(day) == 0;
}

bool WorkClock::working(Instant t) const {
  Local l = local(t);
  return l.weekday < 5 && !l.holiday && l.hour >= 8 && l.hour < 18;
}

Instant WorkClock::from_local(std::int64_t day, int hour, int minute) const {
  std::int64_t s = day * kDay + hour * 3600 + minute * 60;
  Instant guess = desk::from_unix(s - offset(desk::from_unix(s)));
  return desk::from_unix(s - offset(guess));
}

Instant WorkClock::next_opening(Instant t) const {
  Local l = local(t);
  std::int64_t day = l.day;
  if (!(workday(day) && l.hour < 8)) ++day;
  while (!workday(day)) ++day;
  return from_local(day, 8, 0);
}

Instant WorkClock::after(Instant t, double minutes, bool anytime, Rng& rng) const {
  Instant r = t + desk::Seconds{static_cast<std::int64_t>(std::max(0.0, minutes) * 60.0)};
  if (anytime || working(r)) return r;
  return next_opening(r) + desk::Seconds{static_cast<std::int64_t>(rng.uniform(0, 75) * 60)};
}

std::vector<Instant> arrivals(std::size_t n, Instant from, Instant to, const WorkClock& clock,
                              Rng& rng) {
  struct Slot {
    Instant begin, end;
    double weight;
  };
  std::vector<Slot> slots;
  std::int64_t start = floor_div(desk::to_unix(from), 3600) * 3600;
  double period = static_cast<double>(desk::to_unix(to) - desk::to_unix(from));
  std::int64_t noise_day = -1;
  double noise = 1.0;
  for (std::int64_t h = start; h < desk::to_unix(to); h += 3600) {
    Instant b = std::max(from, desk::from_unix(h));
    Instant e = std::min(to, desk::from_unix(h + 3600));
    Local l = clock.local(desk::from_unix(h));
    if (l.day != noise_day) {  // busier and quieter days
      noise_day = l.day;
      noise = rng.uniform(0.9, 1.1);
    }
    bool quiet = l.weekday >= 5 || l.holiday;
    double day = l.holiday ? 0.16 : kWeekdays[l.weekday];
    double hour = quiet ? kWeekendHours[l.hour] : kWeekdayHours[l.hour];
    double growth = 0.95 + 0.1 * static_cast<double>(h - desk::to_unix(from)) / period;
    double fraction = static_cast<double>((e - b).count()) / 3600.0;
    slots.push_back({b, e, day * hour * noise * growth * fraction});
  }
  double total = 0;
  for (const auto& s : slots) total += s.weight;

  // Whole counts per slot that add up to n: floors, then the largest remainders.
  std::vector<std::size_t> counts(slots.size());
  std::vector<std::pair<double, std::size_t>> remainders;
  std::size_t assigned = 0;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    double expected = static_cast<double>(n) * slots[i].weight / total;
    counts[i] = static_cast<std::size_t>(expected);
    assigned += counts[i];
    remainders.push_back({expected - static_cast<double>(counts[i]), i});
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; assigned < n && k < remainders.size(); ++k, ++assigned)
    ++counts[remainders[k].second];

  std::vector<Instant> out;
  out.reserve(n);
  for (std::size_t i = 0; i < slots.size(); ++i) {
    std::size_t first = out.size();
    std::int64_t span = (slots[i].end - slots[i].begin).count();
    for (std::size_t k = 0; k < counts[i]; ++k)
      out.push_back(slots[i].begin +
                    desk::Seconds{static_cast<std::int64_t>(
                        rng.below(static_cast<std::uint64_t>(std::max<std::int64_t>(span, 1))))});
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
  }
  return out;
}

}  // namespace bench
