#include "desk/report/period.hpp"

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
  } else {
    throw UsageError(fmt::format("unknown period {}", util::quoted(name)),
                     fmt::format("periods: {}", period_names()));
  }
  p.since = at(zone, start);
  p.until = at(zone, end);
  p.previous_since = at(zone, prev);
  p.previous_until = p.since;
  return p;
}

std::vector<Period> preceding(const Period& p, int n, const Zone& zone) {
  // How far back one step goes: in local days, in months, or in seconds.
  int days = 0, months = 0;
  const std::string& name = p.name;
  if (name == "today" || name == "yesterday")
    days = 1;
  else if (name == "this-week" || name == "last-week")
    days = 7;
  else if (name == "this-month" || name == "last-month")
    months = 1;
  else if (name == "this-quarter" || name == "last-quarter")
    months = 3;
  else if (name == "this-year" || name == "last-year")
    months = 12;
  else if (util::starts_with(name, "last-") && name.size() > 10 &&
           name.substr(name.size() - 5) == "-days")
    days = static_cast<int>(util::parse_int(name.substr(5, name.size() - 10)).value_or(0));
  else if (midnight(p.since, zone) && midnight(p.until, zone))
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
      auto back = [&](int steps) {
        return months > 0 ? add_months(start, -months * steps) : add_days(start, -days * steps);
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
