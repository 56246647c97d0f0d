#include <cstdint>
#include <string>

#include <doctest/doctest.h>

#include "desk/core/error.hpp"
#include "desk/model/business_calendar.hpp"
#include "desk/model/target.hpp"

using namespace desk;
using namespace desk::model;

namespace {

constexpr std::int64_t kH = 3600;
constexpr std::int64_t kOfficeDay = 8 * kH;  // 09:00-17:00
constexpr std::int64_t kFullDay = 24 * kH;   // a 24x7 calendar

Calendar with_hours(const char* hours, bool always_open = false) {
  CalendarSpec spec;
  spec.name = "test";
  spec.always_open = always_open;
  for (std::size_t d = 0; d < 5; ++d) spec.week[d] = {parse_window(hours)};
  return Calendar(spec);
}

}  // namespace

TEST_SUITE("model/target") {
  TEST_CASE("parse_target reads minutes, hours, working days and weeks") {
    struct Row {
      const char* text;
      std::int64_t seconds;
    };
    for (Row r : {
             Row{"15m", 15 * 60}, Row{"4h", 4 * kH}, Row{"1h30m", 90 * 60},
             Row{"90", 90 * 60},  // a plain number is minutes
             Row{"0", 0}, Row{"0m", 0}, Row{" 4h ", 4 * kH},
             Row{"3d", 3 * kOfficeDay},                        // 24h of business time
             Row{"1d 4h", kOfficeDay + 4 * kH},                // the form format_span prints
             Row{"1w", 5 * kOfficeDay},                        // a working week: 40h
             Row{"2w3d", 13 * kOfficeDay},                     // 10 + 3 working days
             Row{"1w1d1h1m", 6 * kOfficeDay + kH + 60},        // every unit once
             Row{"999999999m", std::int64_t{999999999} * 60},  // nine digits is the limit
         }) {
      CAPTURE(r.text);
      CHECK(parse_target(r.text, kOfficeDay) == r.seconds);
    }
  }

  TEST_CASE("a week is 7 days of 24h for 24x7 and 5 working days otherwise") {
    CHECK(parse_target("1w", kFullDay) == 7 * kFullDay);
    CHECK(parse_target("1d", kFullDay) == kFullDay);
    CHECK(parse_target("1w", kOfficeDay) == 5 * kOfficeDay);
    SUBCASE("the Calendar overload asks the calendar whether it is 24x7") {
      CHECK(parse_target("1w", with_hours("09:00-17:00").spec()) == 5 * kOfficeDay);
      CHECK(parse_target("3d", with_hours("09:00-17:00").spec()) == 3 * kOfficeDay);
      CHECK(parse_target("1w", with_hours("00:00-24:00", true).spec()) == 7 * kFullDay);
      // Open all day but only Monday to Friday: not 24x7, so a week is 5
      // days. The two-argument form cannot tell, and takes 24h days as 24x7.
      CHECK(parse_target("1w", with_hours("00:00-24:00").spec()) == 5 * kFullDay);
      CHECK(parse_target("1w", with_hours("00:00-24:00").working_day_seconds()) == 7 * kFullDay);
    }
  }

  TEST_CASE("parse_target refuses anything else, negatives included") {
    for (const char* bad :
         {"",      " ",    "-5m",  "-5",          "+5m",        "1.5h",   "1h30",
          "30m1h", "1h1h", "1d2w", "1x",          "h",          "4 h",    "4H",
          "1m30s", "5m-",  "m",    "1234567890m", "1234567890", "1h,30m", "four hours"}) {
      CAPTURE(bad);
      CHECK_THROWS_WITH_AS(parse_target(bad, kOfficeDay),
                           ("invalid target '" + std::string(bad) + "'").c_str(), ConfigError);
      try {
        parse_target(bad, kOfficeDay);
      } catch (const ConfigError& e) {
        CHECK(e.hint().find("1h30m") != std::string::npos);
      }
    }
  }
}
