#include <string>

#include <doctest/doctest.h>

#include "desk/core/error.hpp"
#include "desk/core/time.hpp"

using namespace desk;

namespace {
// 2026-11-24T10:30:00Z, a Tuesday.
const Instant kNow = from_unix(1795516200);
}  // namespace

TEST_SUITE("core/time") {
  TEST_CASE("days_from_civil and civil_from_days agree with known dates") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    int y, m, d;
    civil_from_days(20416, y, m, d);  // 2025-11-24
    CHECK(y == 2025);
    CHECK(m == 11);
    CHECK(d == 24);
  }

  TEST_CASE("the fixed instant is what the tests think it is") {
    CHECK(format_iso(kNow, Zone::utc()) == "2026-11-24T10:30:00+00:00");
    CHECK(Zone::utc().to_civil(kNow).weekday == 1);  // Tuesday
  }

  TEST_CASE("format_iso shows the zone's offset") {
    Zone ny = Zone::named("America/New_York");
    CHECK(format_iso(kNow, ny) == "2026-11-24T05:30:00-05:00");
    Zone kolkata = Zone::named("Asia/Kolkata");
    CHECK(format_iso(kNow, kolkata) == "2026-11-24T16:00:00+05:30");
    Zone london = Zone::named("Europe/London");
    CHECK(format_iso(from_unix(1782900000), london) == "2026-07-01T11:00:00+01:00");
  }

  TEST_CASE("format_iso writes local mean time in UTC") {
    // London kept -00:01:15 until 1847: no ISO offset can say that.
    Zone london = Zone::named("Europe/London");
    Instant lmt = london.from_civil(1800, 1, 1, 0, 0, 0);
    CHECK(to_unix(lmt) == -5364662325);
    CHECK(format_iso(lmt, london) == "1800-01-01T00:01:15+00:00");
    // Such a time is shown, never accepted (issue 14).
    CHECK_THROWS_AS(parse_time(format_iso(lmt, london), kNow, Zone::utc()), DataError);
  }

  TEST_CASE("parse_time accepts only 1971-01-01 to 2199-12-31 UTC") {
    Zone utc = Zone::utc();
    CHECK(to_unix(parse_time("1971-01-01T00:00:00Z", kNow, utc)) == 31536000);
    CHECK(to_unix(parse_time("2199-12-31T23:59:59Z", kNow, utc)) == 7258118399);
    for (const char* t : {"1970-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "1969-12-31",
                          "0000-01-01", "@0", "@31535999", "9999-12-31", "-20000w"}) {
      CAPTURE(t);
      try {
        parse_time(t, kNow, utc);
        FAIL("accepted");
      } catch (const DataError& e) {
        CHECK(std::string(e.what()) ==
              "time '" + std::string(t) + "' is outside the range desk supports");
        CHECK(e.hint() == "times are from 1971-01-01 to 2199-12-31 UTC");
      }
    }
  }

  TEST_CASE("parse_time reads the forms people type") {
    Zone utc = Zone::utc();
    SUBCASE("keywords") {
      CHECK(parse_time("now", kNow, utc) == kNow);
      CHECK(format_iso(parse_time("today", kNow, utc), utc) == "2026-11-24T00:00:00+00:00");
      CHECK(format_iso(parse_time("Yesterday", kNow, utc), utc) == "2026-11-23T00:00:00+00:00");
      CHECK(format_iso(parse_time("tomorrow", kNow, utc), utc) == "2026-11-25T00:00:00+00:00");
    }
    SUBCASE("weekdays mean the most recent one, today included") {
      CHECK(format_iso(parse_time("tuesday", kNow, utc), utc) == "2026-11-24T00:00:00+00:00");
      CHECK(format_iso(parse_time("monday", kNow, utc), utc) == "2026-11-23T00:00:00+00:00");
      CHECK(format_iso(parse_time("wed", kNow, utc), utc) == "2026-11-18T00:00:00+00:00");
      CHECK(format_iso(parse_time("sunday", kNow, utc), utc) == "2026-11-22T00:00:00+00:00");
    }
    SUBCASE("relative spans") {
      CHECK(parse_time("-7d", kNow, utc) == kNow - Seconds{7 * 86400});
      CHECK(parse_time("+2h", kNow, utc) == kNow + Seconds{7200});
      CHECK(parse_time("-1d12h", kNow, utc) == kNow - Seconds{36 * 3600});
      CHECK(parse_time("-1w", kNow, utc) == kNow - Seconds{7 * 86400});
      CHECK(parse_time("-30m", kNow, utc) == kNow - Seconds{1800});
      CHECK(parse_time("-1y", kNow, utc) == kNow - Seconds{365 * 86400});
      CHECK_THROWS_AS(parse_time("-7", kNow, utc), DataError);  // a unit is required
      CHECK_THROWS_AS(parse_time("-7x", kNow, utc), DataError);
    }
    SUBCASE("ISO 8601 dates and times") {
      CHECK(format_iso(parse_time("2026-11-01", kNow, utc), utc) == "2026-11-01T00:00:00+00:00");
      CHECK(format_iso(parse_time("2026-11-01 14:30", kNow, utc), utc) ==
            "2026-11-01T14:30:00+00:00");
      CHECK(format_iso(parse_time("2026-11-01T14:30:15Z", kNow, utc), utc) ==
            "2026-11-01T14:30:15+00:00");
      CHECK(format_iso(parse_time("2026-11-01T14:30:00+05:30", kNow, utc), utc) ==
            "2026-11-01T09:00:00+00:00");
      CHECK(format_iso(parse_time("2026-11-01T14:30-0200", kNow, utc), utc) ==
            "2026-11-01T16:30:00+00:00");
      CHECK(parse_time("@1795516200", kNow, utc) == kNow);
    }
    SUBCASE("a date without offset is local to the zone") {
      Zone london = Zone::named("Europe/London");
      CHECK(format_iso(parse_time("2026-07-01 09:00", kNow, london), Zone::utc()) ==
            "2026-07-01T08:00:00+00:00");
      Zone ny = Zone::named("America/New_York");
      CHECK(format_iso(parse_time("today", kNow, ny), ny) == "2026-11-24T00:00:00-05:00");
    }
    SUBCASE("nonsense is refused as bad data") {
      for (const char* bad : {"", "soon", "2026-13-01", "2026-02-30", "2026-11-01 25:00",
                              "2026-11-01T10:00+", "-7x", "+", "@", "2026-1-1", "12:00"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_time(bad, kNow, utc), DataError);
      }
    }
  }

  TEST_CASE("issue 14: a relative time of many parts is refused, never overflows") {
    std::string many = "-";
    for (int i = 0; i < 20000; ++i) many += "999999999w";
    CHECK_THROWS_AS(parse_time(many, kNow, Zone::utc()), DataError);
    CHECK(parse_time("-1w1d", kNow, Zone::utc()) == kNow - Seconds{8 * 86400});
  }

  TEST_CASE("from_civil maps a skipped hour forward and a repeated hour to its first pass") {
    Zone london = Zone::named("Europe/London");
    // 2026-03-29 01:30 does not exist in London (01:00 GMT -> 02:00 BST).
    CHECK(format_iso(london.from_civil(2026, 3, 29, 1, 30), Zone::utc()) ==
          "2026-03-29T01:00:00+00:00");
    // 2026-10-25 01:30 happens twice; the first is BST (00:30 UTC).
    CHECK(format_iso(london.from_civil(2026, 10, 25, 1, 30), Zone::utc()) ==
          "2026-10-25T00:30:00+00:00");
  }

  TEST_CASE("offset_spans lists each stretch of constant offset, from zdump's transitions") {
    Zone london = Zone::named("Europe/London");
    Zone utc = Zone::utc();
    // zdump -v Europe/London: 2026-03-29 01:00:00 UT GMT -> BST (+3600),
    // 2026-10-25 01:00:00 UT BST -> GMT.
    auto spans = london.offset_spans(parse_time("2026-03-28T00:00Z", kNow, utc),
                                     parse_time("2026-03-30T00:00Z", kNow, utc));
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].offset_seconds == 0);
    CHECK(format_iso(spans[0].end, utc) == "2026-03-29T01:00:00+00:00");
    CHECK(spans[1].begin == spans[0].end);
    CHECK(spans[1].offset_seconds == 3600);
    CHECK(format_iso(spans[1].end, utc) == "2026-10-25T01:00:00+00:00");
    SUBCASE("a range inside one stretch gives that whole stretch") {
      auto one = london.offset_spans(parse_time("2026-07-01T00:00Z", kNow, utc),
                                     parse_time("2026-07-02T00:00Z", kNow, utc));
      REQUIRE(one.size() == 1);
      CHECK(one[0].begin == spans[1].begin);
      CHECK(one[0].offset_seconds == 3600);
    }
    SUBCASE("UTC is one stretch of offset 0 over the range asked for") {
      auto one = utc.offset_spans(kNow, kNow + Seconds{86400});
      REQUIRE(one.size() == 1);
      CHECK(one[0].begin == kNow);
      CHECK(one[0].end == kNow + Seconds{86400});
      CHECK(one[0].offset_seconds == 0);
    }
  }

  TEST_CASE("unknown zones are a configuration error") {
    CHECK_THROWS_AS(Zone::named("Mars/Olympus_Mons"), ConfigError);
    CHECK(Zone::named("UTC").is_utc());
  }

  TEST_CASE("format_span is compact") {
    CHECK(format_span(0) == "0m");
    CHECK(format_span(59) == "0m");
    CHECK(format_span(45 * 60) == "45m");
    CHECK(format_span(2 * 3600 + 5 * 60) == "2h 5m");
    CHECK(format_span(3 * 86400 + 4 * 3600) == "3d 4h");
    CHECK(format_span(-(2 * 3600 + 10 * 60)) == "-2h 10m");
    CHECK(format_span(3600) == "1h");
    CHECK(format_span(2 * 86400) == "2d");
    CHECK(format_span(-86400 - 1800) == "-1d");
  }
}
