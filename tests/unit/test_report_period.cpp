#include <doctest/doctest.h>

#include "desk/core/error.hpp"
#include "desk/report/period.hpp"
#include "desk/report/sla_report.hpp"

using namespace desk;

namespace test_report_period {

namespace {
Instant utc(const char* text) {
  return parse_time(text, Instant{}, Zone::utc());
}
std::string iso(Instant t, const Zone& z) {
  return format_iso(t, z);
}
}  // namespace

TEST_SUITE("report/period") {
  TEST_CASE("named periods in the zone, with the period before") {
    Zone utc_zone = Zone::utc();
    Instant now = utc("2026-11-24T10:30:00Z");  // a Tuesday
    struct Case {
      const char* name;
      const char* since;
      const char* until;
      const char* previous_since;
    };
    for (Case c : {Case{"today", "2026-11-24", "2026-11-25", "2026-11-23"},
                   Case{"yesterday", "2026-11-23", "2026-11-24", "2026-11-22"},
                   Case{"this-week", "2026-11-23", "2026-11-30", "2026-11-16"},
                   Case{"last-week", "2026-11-16", "2026-11-23", "2026-11-09"},
                   Case{"this-month", "2026-11-01", "2026-12-01", "2026-10-01"},
                   Case{"last-month", "2026-10-01", "2026-11-01", "2026-09-01"},
                   Case{"this-quarter", "2026-10-01", "2027-01-01", "2026-07-01"},
                   Case{"last-quarter", "2026-07-01", "2026-10-01", "2026-04-01"},
                   Case{"this-year", "2026-01-01", "2027-01-01", "2025-01-01"},
                   Case{"last-year", "2025-01-01", "2026-01-01", "2024-01-01"},
                   // A month and an ISO week, as people type them (issue 13 item 7).
                   Case{"2026-03", "2026-03-01", "2026-04-01", "2026-02-01"},
                   Case{"2026-01", "2026-01-01", "2026-02-01", "2025-12-01"},
                   Case{"2026-W10", "2026-03-02", "2026-03-09", "2026-02-23"},
                   Case{"2026-W01", "2025-12-29", "2026-01-05", "2025-12-22"},
                   Case{"2026-W53", "2026-12-28", "2027-01-04", "2026-12-21"}}) {
      CAPTURE(c.name);
      auto p = report::named_period(c.name, now, utc_zone);
      CHECK(iso(p.since, utc_zone).substr(0, 10) == c.since);
      CHECK(iso(p.until, utc_zone).substr(0, 10) == c.until);
      CHECK(iso(p.previous_since, utc_zone).substr(0, 10) == c.previous_since);
      CHECK(p.previous_until == p.since);
    }
  }

  TEST_CASE("last-N-days ends now and starts at local midnight") {
    Zone london = Zone::named("Europe/London");
    auto p = report::named_period("last-7-days", utc("2026-11-24T10:30:00Z"), london);
    CHECK(iso(p.since, london) == "2026-11-18T00:00:00+00:00");
    CHECK(iso(p.until, london) == "2026-11-24T10:30:00+00:00");
  }

  TEST_CASE("months follow the zone across a clock change") {
    Zone london = Zone::named("Europe/London");
    auto p = report::named_period("last-month", utc("2026-11-02T12:00:00Z"), london);
    CHECK(iso(p.since, london) == "2026-10-01T00:00:00+01:00");
    CHECK(iso(p.until, london) == "2026-11-01T00:00:00+00:00");
  }

  TEST_CASE("unknown periods are usage errors") {
    CHECK_THROWS_AS(report::named_period("fortnight", Instant{}, Zone::utc()), UsageError);
    CHECK_THROWS_AS(report::named_period("last-0-days", Instant{}, Zone::utc()), UsageError);
    CHECK_THROWS_AS(report::named_period("2026-13", Instant{}, Zone::utc()), UsageError);
    CHECK_THROWS_AS(report::named_period("2025-W53", Instant{}, Zone::utc()), UsageError);
    CHECK_THROWS_AS(report::named_period("2026-W00", Instant{}, Zone::utc()), UsageError);
    CHECK_THROWS_AS(
        report::custom_period(utc("2026-11-02T00:00:00Z"), utc("2026-11-01T00:00:00Z"), Instant{}),
        DataError);
  }

  TEST_CASE("a month's and a week's periods before step by months and weeks") {
    Zone utc_zone = Zone::utc();
    auto month = report::named_period("2026-03", Instant{}, utc_zone);
    auto before = report::preceding(month, 2, utc_zone);
    CHECK(iso(before[0].since, utc_zone) == "2026-02-01T00:00:00+00:00");
    CHECK(iso(before[1].since, utc_zone) == "2026-01-01T00:00:00+00:00");
    auto week = report::named_period("2026-W10", Instant{}, utc_zone);
    CHECK(iso(report::preceding(week, 1, utc_zone)[0].since, utc_zone) ==
          "2026-02-23T00:00:00+00:00");
  }

  TEST_CASE("percentile is nearest-rank") {
    std::vector<std::int64_t> v = {90, 10, 30};
    CHECK(report::percentile(v, 50) == 30);
    CHECK(report::percentile(v, 90) == 90);
    std::vector<std::int64_t> four = {1, 2, 3, 4};
    CHECK(report::percentile(four, 50) == 2);
    CHECK(report::percentile(four, 75) == 3);
    CHECK(report::percentile(four, 100) == 4);
    std::vector<std::int64_t> none;
    CHECK_FALSE(report::percentile(none, 50).has_value());
  }
}

}  // namespace test_report_period
