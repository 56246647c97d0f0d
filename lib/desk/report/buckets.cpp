#include "desk/report/buckets.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace desk::report {

namespace {

struct Date {
  int y, m, d;
};

Date local_date(Instant t, const Zone& zone) {
  CivilTime c = zone.to_civil(t);
  return {c.year, c.month, c.day};
}

// The start of the unit holding local date `d`, and the start of the next.
Date unit_start(Date d, Unit u, const Zone& zone) {
  if (u == Unit::month) return {d.y, d.m, 1};
  if (u == Unit::day) return d;
  int weekday = zone.to_civil(zone.from_civil(d.y, d.m, d.d, 12)).weekday;
  Date out{};
  civil_from_days(days_from_civil(d.y, d.m, d.d) - weekday, out.y, out.m, out.d);
  return out;
}

Date next(Date d, Unit u) {
  if (u == Unit::month) return d.m == 12 ? Date{d.y + 1, 1, 1} : Date{d.y, d.m + 1, 1};
  Date out{};
  civil_from_days(days_from_civil(d.y, d.m, d.d) + (u == Unit::day ? 1 : 7), out.y, out.m, out.d);
  return out;
}

}  // namespace

std::optional<Unit> parse_unit(std::string_view name) {
  if (name == "day") return Unit::day;
  if (name == "week") return Unit::week;
  if (name == "month") return Unit::month;
  return std::nullopt;
}

const char* unit_name(Unit u) {
  switch (u) {
    case Unit::day:
      return "day";
    case Unit::week:
      return "week";
    case Unit::month:
      return "month";
  }
  return "day";
}

Unit default_unit(Instant since, Instant until) {
  auto days = (until - since).count() / 86400;
  if (days <= 31) return Unit::day;
  if (days <= 26 * 7) return Unit::week;
  return Unit::month;
}

std::vector<Bucket> buckets(Instant since, Instant until, Unit unit, const Zone& zone) {
  std::vector<Bucket> out;
  if (until <= since) return out;
  Date start = unit_start(local_date(since, zone), unit, zone);
  Instant from = since;
  while (from < until) {
    Date following = next(start, unit);
    Instant to = std::min(until, zone.from_civil(following.y, following.m, following.d));
    if (to > from) {
      Date d = local_date(from, zone);
      std::string label = unit == Unit::month ? fmt::format("{:04}-{:02}", d.y, d.m)
                                              : fmt::format("{:04}-{:02}-{:02}", d.y, d.m, d.d);
      out.push_back({from, to, std::move(label)});
    }
    from = std::max(from, to);
    start = following;
  }
  return out;
}

std::optional<std::size_t> bucket_of(const std::vector<Bucket>& buckets, Instant t) {
  auto it = std::upper_bound(buckets.begin(), buckets.end(), t,
                             [](Instant v, const Bucket& b) { return v < b.since; });
  if (it == buckets.begin()) return std::nullopt;
  --it;
  if (t >= it->until) return std::nullopt;
  return static_cast<std::size_t>(it - buckets.begin());
}

std::int64_t slot_seconds(const std::vector<Bucket>& buckets) {
  if (buckets.empty()) return 1;
  std::int64_t slot = 86400;
  for (std::size_t i = 1; i < buckets.size(); ++i)
    slot = std::gcd(slot, (buckets[i].since - buckets.front().since).count());
  return slot > 0 ? slot : 1;
}

}  // namespace desk::report
