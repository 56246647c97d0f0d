#include <doctest/doctest.h>

#include "desk/report/buckets.hpp"

using namespace desk;
using report::Unit;

namespace {
Instant utc(const char* text) {
  return parse_time(text, Instant{}, Zone::utc());
}
}  // namespace

TEST_SUITE("report/buckets") {
  TEST_CASE("days, weeks and months in UTC, the first and last cut to the period") {
    Zone z = Zone::utc();
    // Wed 18 Nov 12:00 to Tue 1 Dec 06:00.
    auto days =
        report::buckets(utc("2026-11-18T12:00:00Z"), utc("2026-12-01T06:00:00Z"), Unit::day, z);
    REQUIRE(days.size() == 14);
    CHECK(days.front().label == "2026-11-18");
    CHECK(days.front().since == utc("2026-11-18T12:00:00Z"));
    CHECK(days.front().until == utc("2026-11-19T00:00:00Z"));
    CHECK(days.back().label == "2026-12-01");
    CHECK(days.back().until == utc("2026-12-01T06:00:00Z"));
    auto weeks =
        report::buckets(utc("2026-11-18T12:00:00Z"), utc("2026-12-01T06:00:00Z"), Unit::week, z);
    REQUIRE(weeks.size() == 3);
    CHECK(weeks[0].label == "2026-11-18");  // the rest of the week of Mon 16
    CHECK(weeks[1].label == "2026-11-23");
    CHECK(weeks[1].since == utc("2026-11-23T00:00:00Z"));
    CHECK(weeks[2].since == utc("2026-11-30T00:00:00Z"));
    auto months =
        report::buckets(utc("2026-11-18T12:00:00Z"), utc("2027-01-02T00:00:00Z"), Unit::month, z);
    REQUIRE(months.size() == 3);
    CHECK(months[0].label == "2026-11");
    CHECK(months[1].label == "2026-12");
    CHECK(months[1].since == utc("2026-12-01T00:00:00Z"));
    CHECK(months[2].label == "2027-01");
    CHECK(report::buckets(utc("2026-11-18T00:00:00Z"), utc("2026-11-18T00:00:00Z"), Unit::day, z)
              .empty());
  }

  TEST_CASE("a local day lasts 23 or 25 hours across daylight-saving changes") {
    Zone london = Zone::named("Europe/London");
    auto autumn = report::buckets(utc("2026-10-24T00:00:00+01:00"), utc("2026-10-27T00:00:00Z"),
                                  Unit::day, london);
    REQUIRE(autumn.size() == 3);
    CHECK(autumn[1].label == "2026-10-25");
    CHECK(autumn[1].since == utc("2026-10-24T23:00:00Z"));
    CHECK((autumn[1].until - autumn[1].since).count() == 25 * 3600);
    auto spring = report::buckets(utc("2026-03-29T00:00:00Z"), utc("2026-03-31T00:00:00+01:00"),
                                  Unit::day, london);
    REQUIRE(spring.size() == 2);
    CHECK((spring[0].until - spring[0].since).count() == 23 * 3600);
    CHECK(spring[1].since == utc("2026-03-29T23:00:00Z"));
    // New York changes a week later: its week of Mon 26 Oct is 169 hours.
    Zone ny = Zone::named("America/New_York");
    auto weeks = report::buckets(utc("2026-10-26T00:00:00-04:00"), utc("2026-11-09T00:00:00-05:00"),
                                 Unit::week, ny);
    REQUIRE(weeks.size() == 2);
    CHECK((weeks[0].until - weeks[0].since).count() == 169 * 3600);
    CHECK((weeks[1].until - weeks[1].since).count() == 168 * 3600);
  }

  TEST_CASE("bucket_of finds the bucket holding an instant, half-open") {
    Zone z = Zone::utc();
    auto days =
        report::buckets(utc("2026-11-23T00:00:00Z"), utc("2026-11-26T00:00:00Z"), Unit::day, z);
    CHECK(report::bucket_of(days, utc("2026-11-22T23:59:59Z")) == std::nullopt);
    CHECK(report::bucket_of(days, utc("2026-11-23T00:00:00Z")) == 0u);
    CHECK(report::bucket_of(days, utc("2026-11-23T23:59:59Z")) == 0u);
    CHECK(report::bucket_of(days, utc("2026-11-24T00:00:00Z")) == 1u);
    CHECK(report::bucket_of(days, utc("2026-11-25T23:59:59Z")) == 2u);
    CHECK(report::bucket_of(days, utc("2026-11-26T00:00:00Z")) == std::nullopt);
  }

  TEST_CASE("slot_seconds divides every bucket start's distance from the first") {
    Zone utc_zone = Zone::utc();
    auto days = report::buckets(utc("2026-11-23T00:00:00Z"), utc("2026-11-26T00:00:00Z"), Unit::day,
                                utc_zone);
    CHECK(report::slot_seconds(days) == 86400);
    // From 12:00: the later days start 12, 36 hours after it.
    auto noon = report::buckets(utc("2026-11-23T12:00:00Z"), utc("2026-11-26T00:00:00Z"), Unit::day,
                                utc_zone);
    CHECK(report::slot_seconds(noon) == 12 * 3600);
    // Across the London change the days are 24 and 25 hours long.
    auto london = report::buckets(utc("2026-10-24T00:00:00+01:00"), utc("2026-10-27T00:00:00Z"),
                                  Unit::day, Zone::named("Europe/London"));
    CHECK(report::slot_seconds(london) == 3600);
    // Lord Howe moves its clocks by half an hour.
    auto howe = report::buckets(utc("2026-10-03T00:00:00+10:30"), utc("2026-10-06T00:00:00+11:00"),
                                Unit::day, Zone::named("Australia/Lord_Howe"));
    REQUIRE(howe.size() == 3);
    CHECK(report::slot_seconds(howe) == 1800);
    CHECK(report::slot_seconds({}) == 1);
  }

  TEST_CASE("units by name, and the default by the period's length") {
    CHECK(report::parse_unit("week") == Unit::week);
    CHECK(report::parse_unit("fortnight") == std::nullopt);
    CHECK(std::string(report::unit_name(Unit::month)) == "month");
    Instant t = utc("2026-01-01T00:00:00Z");
    CHECK(report::default_unit(t, t + Seconds{31 * 86400}) == Unit::day);
    CHECK(report::default_unit(t, t + Seconds{32 * 86400}) == Unit::week);
    CHECK(report::default_unit(t, t + Seconds{26 * 7 * 86400}) == Unit::week);
    CHECK(report::default_unit(t, t + Seconds{27 * 7 * 86400}) == Unit::month);
  }
}
