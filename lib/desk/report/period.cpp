#include "desk/report/period.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk::report {

namespace {

struct Date {
  int y, m, d;
};

Date date_of(Instant t, const Zone& zone) {
  CivilTime c = zone.to_civil(t);
  return {c.year, c.month, c.day};
}

Date add_days(Date d, int n) {
  Date out{};
  civil_from_days(days_from_civil(d.y, d.m, d.d) + n, out.y, out.m, out.d);
  return out;
}

Date add_months(Date d, int n) {
  int months = d.y * 12 + (d.m - 1) + n;
  return {months / 12, months % 12 + 1, 1};
}

Instant at(const Zone& zone, Date d) {
  return zone.from_civil(d.y, d.m, d.d);
}

bool midnight(Instant t, const Zone& zone) {
  return at(zone, date_of(t, zone)) == t;
}

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2026-11": that calendar month.
std::optional<Date> month_named(const std::string& name) {
  if (name.size() != 7 || name[4] != '-' || !digits(name.substr(0, 4)) || !digits(name.substr(5)))
    return std::nullopt;
  int y = std::stoi(name.substr(0, 4)), m = std::stoi(name.substr(5));
  if (y < 1970 || m < 1 || m > 12)
    throw UsageError(fmt::format("invalid month {}", util::quoted(name)));
  return Date{y, m, 1};
}

// The day number of the Monday of ISO 8601 week `w` of year `y` (week 1
// holds the year's first Thursday).
std::int64_t iso_monday(int y, int w) {
  std::int64_t jan4 = days_from_civil(y, 1, 4);
  std::int64_t weekday = ((jan4 + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday; Monday 0
  return jan4 - weekday + 7 * (w - 1);
}

// "2026-W10": the Monday of that ISO week.
std::optional<Date> week_named(const std::string& name) {
  if (name.size() != 8 || name[4] != '-' || name[5] != 'W' || !digits(name.substr(0, 4)) ||
      !digits(name.substr(6)))
    return std::nullopt;
  int y = std::stoi(name.substr(0, 4)), w = std::stoi(name.substr(6));
  // A year has week 53 when that week's Thursday is still in the year.
  Date thursday{};
  civil_from_days(iso_monday(y, 53) + 3, thursday.y, thursday.m, thursday.d);
  int weeks = thursday.y == y ? 53 : 52;
  if (y < 1970 || w < 1 || w > weeks)
    throw UsageError(fmt::format("invalid week {}", util::quoted(name)),
                     fmt::format("{} has weeks 1 to {}", y, weeks));
  Date out{};
  civil_from_days(iso_monday(y, w), out.y, out.m, out.d);
  return out;
}

// How far one period named `name` reaches: whole local days or whole months
// (0 and 0 for last-N-days' N when it is not a number, and for "custom").
struct Step {
  int days = 0, months = 0;
};

Step step_of(const std::string& name) {
  if (name == "today" || name == "yesterday") return {1, 0};
  if (name == "this-week" || name == "last-week") return {7, 0};
  if (name == "this-month" || name == "last-month") return {0, 1};
  if (name == "this-quarter" || name == "last-quarter") return {0, 3};
  if (name == "this-year" || name == "last-year") return {0, 12};
  if (name.size() == 7 && name[4] == '-') return {0, 1};  // 2026-11
  if (name.size() == 8 && name[5] == 'W') return {7, 0};  // 2026-W10
  if (util::starts_with(name, "last-") && name.size() > 10 &&
      name.substr(name.size() - 5) == "-days")
    return {static_cast<int>(util::parse_int(name.substr(5, name.size() - 10)).value_or(0)), 0};
  return {};
}

}  // namespace

const char* period_names() {
  return "today, yesterday, this-week, last-week, this-month, last-month, this-quarter, "
         "last-quarter, this-year, last-year, last-N-days";
}

Period named_period(const std::string& name, Instant now, const Zone& zone) {
  Period p;
  p.name = name;
  Date today = date_of(now, zone);
  int weekday = zone.to_civil(now).weekday;
  Date start{}, end{}, prev{};
  if (name == "today" || name == "yesterday") {
    start = name == "today" ? today : add_days(today, -1);
    end = add_days(start, 1);
    prev = add_days(start, -1);
  } else if (name == "this-week" || name == "last-week") {
    start = add_days(today, -weekday - (name == "last-week" ? 7 : 0));
    end = add_days(start, 7);
    prev = add_days(start, -7);
  } else if (name == "this-month" || name == "last-month") {
    start = add_months({today.y, today.m, 1}, name == "last-month" ? -1 : 0);
    end = add_months(start, 1);
    prev = add_months(start, -1);
  } else if (name == "this-quarter" || name == "last-quarter") {
    start = add_months({today.y, (today.m - 1) / 3 * 3 + 1, 1}, name == "last-quarter" ? -3 : 0);
    end = add_months(start, 3);
    prev = add_months(start, -3);
  } else if (name == "this-year" || name == "last-year") {
    start = {today.y - (name == "last-year" ? 1 : 0), 1, 1};
    end = {start.y + 1, 1, 1};
    prev = {start.y - 1, 1, 1};
  } else if (util::starts_with(name, "last-") && name.size() > 10 &&
             name.substr(name.size() - 5) == "-days") {
    auto n = util::parse_int(name.substr(5, name.size() - 10));
    if (!n || *n < 1 || *n > 3660)
      throw UsageError(fmt::format("invalid period {}", util::quoted(name)));
    int days = static_cast<int>(*n);
    start = add_days(today, -(days - 1));
    p.since = at(zone, start);
    p.until = now;
    p.previous_until = p.since;
    p.previous_since = at(zone, add_days(start, -days));
    return p;
  } else if (auto month = month_named(name)) {
    start = *month;
    end = add_months(start, 1);
    prev = add_months(start, -1);
  } else if (auto week = week_named(name)) {
    start = *week;
    end = add_days(start, 7);
    prev = add_days(start, -7);
  } else {
    throw UsageError(
        fmt::format("unknown period {}", util::quoted(name)),
        fmt::format("periods: {}, a month (2026-11) or an ISO week (2026-W10)", period_names()));
  }
  p.since = at(zone, start);
  p.until = at(zone, end);
  p.previous_since = at(zone, prev);
  p.previous_until = p.since;
  return p;
}

std::vector<Period> preceding(const Period& p, int n, const Zone& zone) {
  // How far back one step goes: in local days, in months, or in seconds.
  auto [days, months] = step_of(p.name);
  if (days == 0 && months == 0 && midnight(p.since, zone) && midnight(p.until, zone))
    days = static_cast<int>(days_from_civil(date_of(p.until, zone).y, date_of(p.until, zone).m,
                                            date_of(p.until, zone).d) -
                            days_from_civil(date_of(p.since, zone).y, date_of(p.since, zone).m,
                                            date_of(p.since, zone).d));
  std::vector<Period> out;
  Date start = date_of(p.since, zone);
  for (int k = 1; k <= n; ++k) {
    Period q;
    q.name = "previous";
    if (days > 0 || months > 0) {
      // Structured bindings are copied in: C++20 as clang reads it cannot
      // capture them by reference.
      auto back = [&start, m = months, d = days](int steps) {
        return m > 0 ? add_months(start, -m * steps) : add_days(start, -d * steps);
      };
      q.since = at(zone, back(k));
      q.until = at(zone, back(k - 1));
      q.previous_since = at(zone, back(k + 1));
    } else {
      Seconds length = p.until - p.since;
      q.since = p.since - length * k;
      q.until = p.since - length * (k - 1);
      q.previous_since = q.since - length;
    }
    q.previous_until = q.since;
    out.push_back(q);
  }
  return out;
}

Period custom_period(std::optional<Instant> since, std::optional<Instant> until, Instant now) {
  Period p;
  p.name = "custom";
  p.until = until.value_or(now);
  p.since = since.value_or(p.until - Seconds{30 * 86400});
  if (p.until <= p.since) throw DataError("--until must be after --since");
  p.previous_until = p.since;
  p.previous_since = p.since - (p.until - p.since);
  return p;
}

}  // namespace desk::report
