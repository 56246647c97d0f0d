// The periods before a period, for the trends report.
#include <doctest/doctest.h>

#include "desk/report/period.hpp"

using namespace desk;

namespace test_report_preceding {

namespace {
Instant utc(const char* text) {
  return parse_time(text, Instant{}, Zone::utc());
}
}  // namespace

TEST_SUITE("report/period") {
  TEST_CASE("the three months before last-month, weeks before last-week, days before last-N-days") {
    Zone z = Zone::utc();
    Instant now = utc("2026-11-24T10:30:00Z");
    auto months = report::preceding(report::named_period("last-month", now, z), 3, z);
    REQUIRE(months.size() == 3);
    CHECK(months[0].since == utc("2026-09-01T00:00:00Z"));
    CHECK(months[0].until == utc("2026-10-01T00:00:00Z"));
    CHECK(months[2].since == utc("2026-07-01T00:00:00Z"));
    CHECK(months[2].until == utc("2026-08-01T00:00:00Z"));
    CHECK(months[2].previous_since == utc("2026-06-01T00:00:00Z"));
    auto weeks = report::preceding(report::named_period("last-week", now, z), 2, z);
    CHECK(weeks[0].since == utc("2026-11-09T00:00:00Z"));
    CHECK(weeks[1].since == utc("2026-11-02T00:00:00Z"));
    CHECK(weeks[1].until == utc("2026-11-09T00:00:00Z"));
    auto days = report::preceding(report::named_period("last-7-days", now, z), 2, z);
    CHECK(days[0].since == utc("2026-11-11T00:00:00Z"));
    CHECK(days[0].until == utc("2026-11-18T00:00:00Z"));
    CHECK(days[1].since == utc("2026-11-04T00:00:00Z"));
    auto quarters = report::preceding(report::named_period("this-quarter", now, z), 1, z);
    CHECK(quarters[0].since == utc("2026-07-01T00:00:00Z"));
  }

  TEST_CASE("custom periods step back by local days from midnight, else by seconds") {
    Zone london = Zone::named("Europe/London");
    // Mon 26 Oct to Mon 2 Nov (GMT): the week before holds the change back
    // from summer time, so it is 169 hours long, and still starts at midnight.
    auto p = report::custom_period(utc("2026-10-26T00:00:00Z"), utc("2026-11-02T00:00:00Z"),
                                   utc("2026-11-24T00:00:00Z"));
    auto before = report::preceding(p, 2, london);
    CHECK(before[0].since == utc("2026-10-19T00:00:00+01:00"));
    CHECK(before[0].until == utc("2026-10-26T00:00:00Z"));
    CHECK(before[1].since == utc("2026-10-12T00:00:00+01:00"));
    auto odd = report::custom_period(utc("2026-11-10T12:00:00Z"), utc("2026-11-11T00:00:00Z"),
                                     utc("2026-11-24T00:00:00Z"));
    auto halves = report::preceding(odd, 2, Zone::utc());
    CHECK(halves[0].since == utc("2026-11-10T00:00:00Z"));
    CHECK(halves[1].since == utc("2026-11-09T12:00:00Z"));
    CHECK(halves[1].until == utc("2026-11-10T00:00:00Z"));
  }
}

}  // namespace test_report_preceding
