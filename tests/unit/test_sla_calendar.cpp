// Business calendars. Expected values are worked by hand from the calendar
// (`cal 2026`) and the zones' transitions (`zdump -v ZONE | grep 2026`); the
// working is in the comments. The last test case checks the fast table
// against a slow minute-by-minute reading of rule 1 over random instants.
#include <array>
#include <cstdint>
#include <initializer_list>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "desk/core/error.hpp"
#include "desk/core/time.hpp"
#include "desk/model/business_calendar.hpp"

using namespace desk;
using namespace desk::model;

namespace test_sla_calendar {

namespace {

constexpr std::int64_t kH = 3600;
constexpr std::int64_t kM = 60;

// An instant written with its offset, e.g. "2026-07-07T09:00:00+01:00".
// Read here rather than by parse_time, which refuses times outside what
// desk accepts: the calendar's own limits are tested with such times.
Instant at(const char* iso) {
  std::string s = iso;
  auto num = [&](std::size_t at, std::size_t n) { return std::stoi(s.substr(at, n)); };
  std::int64_t t = days_from_civil(num(0, 4), num(5, 2), num(8, 2)) * 86400 + num(11, 2) * 3600 +
                   num(14, 2) * 60 + num(17, 2);
  if (s.size() > 20) t -= (s[19] == '-' ? -1 : 1) * (num(20, 2) * 3600 + num(23, 2) * 60);
  return from_unix(t);
}
std::string local(const Calendar& cal, Instant t) {
  return format_iso(t, cal.zone());
}
std::string utc(Instant t) {
  return format_iso(t, Zone::utc());
}

struct Days {
  std::vector<const char*> mon = {}, tue = {}, wed = {}, thu = {}, fri = {}, sat = {}, sun = {};
};

CalendarSpec spec_of(const char* zone, const Days& days,
                     std::initializer_list<const char*> holidays = {}) {
  CalendarSpec spec;
  spec.name = "test";
  spec.timezone = zone;
  const std::vector<const char*>* week[] = {&days.mon, &days.tue, &days.wed, &days.thu,
                                            &days.fri, &days.sat, &days.sun};
  for (std::size_t d = 0; d < 7; ++d) {
    for (const char* w : *week[d]) spec.week[d].push_back(parse_window(w));
  }
  for (const char* h : holidays) spec.holidays.push_back(parse_holiday(h));
  return spec;
}

// The same hours Monday to Friday.
Calendar weekdays(const char* zone, std::vector<const char*> hours,
                  std::initializer_list<const char*> holidays = {}) {
  return Calendar(spec_of(zone, Days{hours, hours, hours, hours, hours, {}, {}}, holidays));
}

Calendar office(const char* zone, std::initializer_list<const char*> holidays = {}) {
  return weekdays(zone, {"09:00-17:00"}, holidays);
}

Calendar sundays(const char* zone, std::vector<const char*> hours) {
  return Calendar(spec_of(zone, Days{.sun = hours}));
}

Calendar round_the_clock(const char* zone, std::initializer_list<const char*> holidays = {}) {
  CalendarSpec spec = spec_of(zone, Days{}, holidays);
  spec.always_open = true;
  return Calendar(spec);
}

}  // namespace

TEST_SUITE("sla/calendar") {
  TEST_CASE("parse_window reads HH:MM-HH:MM and allows 24:00 as an end") {
    struct Row {
      const char* text;
      int start;
      int end;
    };
    for (Row r : {Row{"09:00-17:00", 9 * 60, 17 * 60}, Row{"9:00-17:00", 9 * 60, 17 * 60},
                  Row{"00:00-24:00", 0, 1440}, Row{" 08:30 - 12:15 ", 8 * 60 + 30, 12 * 60 + 15},
                  Row{"23:59-24:00", 1439, 1440}}) {
      CAPTURE(r.text);
      Window w = parse_window(r.text);
      CHECK(w.start == r.start);
      CHECK(w.end == r.end);
    }
    CHECK(format_window(Window{8 * 60 + 5, 1440}) == "08:05-24:00");
  }

  TEST_CASE("parse_window refuses anything else and says what it expected") {
    for (const char* bad : {"", "9-5", "09:00", "09:00-", "-17:00", "24:00-24:00", "25:00-26:00",
                            "09:60-10:00", "09:00-24:01", "09:00-17:00x", "0900-1700",
                            "09:00 to 17:00", "9:0-17:00", "-09:00-17:00"}) {
      CAPTURE(bad);
      CHECK_THROWS_WITH_AS(parse_window(bad),
                           ("invalid opening hours '" + std::string(bad) +
                            "': expected HH:MM-HH:MM such as " + "09:00-17:00")
                               .c_str(),
                           ConfigError);
    }
    SUBCASE("a window that ends before it starts gets its own explanation") {
      for (const char* bad : {"17:00-09:00", "09:00-09:00", "22:00-06:00"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS(parse_window(bad), doctest::Contains("end before they start"),
                             ConfigError);
      }
    }
  }

  TEST_CASE("parse_holiday reads one-off dates and yearly MM-DD") {
    Holiday h = parse_holiday("2026-12-25");
    CHECK(h.year == 2026);
    CHECK(h.month == 12);
    CHECK(h.day == 25);
    h = parse_holiday(" 01-01 ");
    CHECK(h.year == 0);
    CHECK(h.month == 1);
    CHECK(h.day == 1);
    CHECK(parse_holiday("02-29").day == 29);       // a yearly 29 February is allowed
    CHECK(parse_holiday("2028-02-29").day == 29);  // 2028 is a leap year
  }

  TEST_CASE("parse_holiday refuses impossible or malformed dates") {
    for (const char* bad :
         {"", "2026-02-29", "2026-13-01", "13-01", "12-32", "04-31", "00-10", "0000-12-25",
          "2026-1-1", "12/25", "2026-12-25x", "tomorrow", "1225", "202-12-25", "2026-12"}) {
      CAPTURE(bad);
      CHECK_THROWS_WITH_AS(
          parse_holiday(bad),
          ("invalid holiday '" + std::string(bad) + "': expected YYYY-MM-DD or MM-DD").c_str(),
          ConfigError);
    }
  }

  TEST_CASE("the constructor refuses bad calendars, naming the calendar and the day") {
    CalendarSpec spec = spec_of("Europe/London", Days{.mon = {"09:00-17:00"}});
    spec.name = "office";
    SUBCASE("an unknown zone") {
      spec.timezone = "Europe/Atlantis";
      CHECK_THROWS_WITH_AS(Calendar{spec}, "calendar 'office': unknown time zone 'Europe/Atlantis'",
                           ConfigError);
    }
    SUBCASE("overlapping windows") {
      spec.week[1] = {parse_window("09:00-13:00"), parse_window("12:00-17:00")};
      CHECK_THROWS_WITH_AS(Calendar{spec},
                           "calendar 'office': tue has overlapping windows 09:00-13:00 and "
                           "12:00-17:00",
                           ConfigError);
    }
    SUBCASE("windows out of order") {
      spec.week[2] = {parse_window("13:00-17:00"), parse_window("08:00-12:00")};
      CHECK_THROWS_WITH_AS(Calendar{spec},
                           "calendar 'office': wed lists 13:00-17:00 before 08:00-12:00",
                           ConfigError);
    }
    SUBCASE("a window built by hand that is not inside a day") {
      spec.week[6] = {Window{600, 540}};
      CHECK_THROWS_WITH_AS(Calendar{spec}, doctest::Contains("sun has an invalid window"),
                           ConfigError);
      spec.week[6] = {Window{-60, 540}};
      CHECK_THROWS_AS(Calendar{spec}, ConfigError);
      spec.week[6] = {Window{0, 1441}};
      CHECK_THROWS_AS(Calendar{spec}, ConfigError);
    }
    SUBCASE("a holiday built by hand that is not a date") {
      spec.holidays = {Holiday{2026, 2, 30}};
      CHECK_THROWS_WITH_AS(Calendar{spec}, "calendar 'office': invalid holiday 2026-02-30",
                           ConfigError);
    }
    SUBCASE("a calendar that never opens") {
      spec.week = {};
      CHECK_THROWS_WITH_AS(Calendar{spec}, "calendar 'office' has no opening hours", ConfigError);
      spec.always_open = true;  // ... unless it is 24x7
      CHECK_NOTHROW(Calendar{spec});
    }
    SUBCASE("touching windows are not overlapping") {
      spec.week[0] = {parse_window("09:00-12:00"), parse_window("12:00-17:00")};
      CHECK_NOTHROW(Calendar{spec});
    }
  }

  TEST_CASE("rule 1: a window is half-open in local wall-clock time") {
    // London in July is BST (+01:00). 2026-07-07 is a Tuesday.
    Calendar cal = office("Europe/London", {"2026-07-08"});
    CHECK_FALSE(cal.is_open(at("2026-07-07T08:59:59+01:00")));
    CHECK(cal.is_open(at("2026-07-07T09:00:00+01:00")));
    CHECK(cal.is_open(at("2026-07-07T16:59:59+01:00")));
    CHECK_FALSE(cal.is_open(at("2026-07-07T17:00:00+01:00")));
    // Local, not UTC: 08:30Z is 09:30 BST (open), 16:30Z is 17:30 BST (closed).
    CHECK(cal.is_open(at("2026-07-07T08:30:00Z")));
    CHECK_FALSE(cal.is_open(at("2026-07-07T16:30:00Z")));
    // Saturday 11th and Sunday 12th have no windows.
    CHECK_FALSE(cal.is_open(at("2026-07-11T12:00:00+01:00")));
    CHECK_FALSE(cal.is_open(at("2026-07-12T12:00:00+01:00")));
    // Wednesday 8th is a holiday all day; Thursday 9th is not.
    CHECK_FALSE(cal.is_open(at("2026-07-08T09:00:00+01:00")));
    CHECK_FALSE(cal.is_open(at("2026-07-08T12:00:00+01:00")));
    CHECK(cal.is_open(at("2026-07-09T09:00:00+01:00")));
  }

  TEST_CASE("holidays are local dates, not UTC dates") {
    SUBCASE("Pacific/Auckland, where the local date runs ahead of UTC") {
      // February is NZDT (+13). Friday 2026-02-06 is a holiday.
      Calendar cal = office("Pacific/Auckland", {"2026-02-06"});
      // 2026-02-05T21:00Z is Friday 6th 10:00 local: the holiday, although the
      // UTC date is the 5th, a working Thursday.
      CHECK_FALSE(cal.is_open(at("2026-02-05T21:00:00Z")));
      // 2026-02-04T21:00Z is Thursday 5th 10:00 local: open.
      CHECK(cal.is_open(at("2026-02-04T21:00:00Z")));
      // From Thursday 5th 08:00 local (04T19:00Z): Friday is the holiday, then
      // the weekend, so Monday 9th 09:00 +13 = 2026-02-08T20:00Z.
      CHECK(utc(cal.next_open(at("2026-02-05T19:00:00Z"))) == "2026-02-08T20:00:00+00:00");
      CHECK_FALSE(cal.is_open(at("2026-02-08T19:59:59Z")));
      CHECK(cal.is_open(at("2026-02-08T20:00:00Z")));
    }
    SUBCASE("America/Los_Angeles in the evening, where the UTC date runs ahead") {
      // July is PDT (-07:00). Hours 09:00-21:00; Friday 2026-07-03 is a holiday.
      Calendar cal = weekdays("America/Los_Angeles", {"09:00-21:00"}, {"2026-07-03"});
      // 2026-07-03T03:00Z is Thursday 2nd 20:00 local: open, though the UTC
      // date is the holiday.
      CHECK(cal.is_open(at("2026-07-03T03:00:00Z")));
      // 2026-07-04T03:00Z is Friday 3rd 20:00 local: the holiday, though the
      // UTC date (the 4th) is not.
      CHECK_FALSE(cal.is_open(at("2026-07-04T03:00:00Z")));
      CHECK_FALSE(cal.is_open(at("2026-07-03T16:00:00Z")));  // Friday 09:00 local
      // Thursday 09:00 to Monday 09:00 local holds only Thursday's 12 hours.
      CHECK(cal.count(at("2026-07-02T09:00:00-07:00"), at("2026-07-06T09:00:00-07:00")) == 12 * kH);
    }
  }

  TEST_CASE("rule 4: next_open is the first business instant at or after t") {
    Calendar cal = office("Europe/London", {"2026-07-08"});
    // Tuesday 2026-07-07, BST.
    CHECK(local(cal, cal.next_open(at("2026-07-07T10:00:00+01:00"))) ==
          "2026-07-07T10:00:00+01:00");
    CHECK(local(cal, cal.next_open(at("2026-07-07T07:00:00+01:00"))) ==
          "2026-07-07T09:00:00+01:00");
    CHECK(local(cal, cal.next_open(at("2026-07-07T09:00:00+01:00"))) ==
          "2026-07-07T09:00:00+01:00");
    // At closing time the window is already shut; Wednesday is the holiday.
    CHECK(local(cal, cal.next_open(at("2026-07-07T17:00:00+01:00"))) ==
          "2026-07-09T09:00:00+01:00");
    // Friday evening and Saturday go to Monday 13th.
    CHECK(local(cal, cal.next_open(at("2026-07-10T17:30:00+01:00"))) ==
          "2026-07-13T09:00:00+01:00");
    CHECK(local(cal, cal.next_open(at("2026-07-11T12:00:00+01:00"))) ==
          "2026-07-13T09:00:00+01:00");
  }

  TEST_CASE("count gives the business seconds from one instant up to, not including, another") {
    Calendar cal = office("Europe/London");
    // Monday 2026-07-06 ... Friday 10th, BST.
    CHECK(cal.count(at("2026-07-07T10:00:00+01:00"), at("2026-07-07T12:30:00+01:00")) ==
          2 * kH + 30 * kM);
    // Tuesday 16:00-17:00, then Wednesday 09:00-10:00.
    CHECK(cal.count(at("2026-07-07T16:00:00+01:00"), at("2026-07-08T10:00:00+01:00")) == 2 * kH);
    // Friday 16:00-17:00, then Monday 09:00-10:00.
    CHECK(cal.count(at("2026-07-10T16:00:00+01:00"), at("2026-07-13T10:00:00+01:00")) == 2 * kH);
    // A whole week: five days of eight hours.
    CHECK(cal.count(at("2026-07-06T00:00:00+01:00"), at("2026-07-13T00:00:00+01:00")) == 40 * kH);
    // A weekend alone.
    CHECK(cal.count(at("2026-07-11T00:00:00+01:00"), at("2026-07-13T00:00:00+01:00")) == 0);
    // Seconds, not minutes.
    CHECK(cal.count(at("2026-07-07T16:59:58+01:00"), at("2026-07-07T17:00:30+01:00")) == 2);
    SUBCASE("an empty or backwards range counts nothing") {
      Instant t = at("2026-07-07T10:00:00+01:00");
      CHECK(cal.count(t, t) == 0);
      CHECK(cal.count(t + Seconds{3600}, t) == 0);
    }
  }

  TEST_CASE("rule 5: add ends at the last second of the budget, so closing time is due") {
    Calendar cal = office("Europe/London");
    CHECK(local(cal, cal.add(at("2026-07-06T09:00:00+01:00"), 8 * kH)) ==
          "2026-07-06T17:00:00+01:00");
    CHECK(local(cal, cal.add(at("2026-07-06T13:00:00+01:00"), 4 * kH)) ==
          "2026-07-06T17:00:00+01:00");
    CHECK(local(cal, cal.add(at("2026-07-06T16:59:59+01:00"), 1)) == "2026-07-06T17:00:00+01:00");
    // One second more spills into Tuesday's first second.
    CHECK(local(cal, cal.add(at("2026-07-06T13:00:00+01:00"), 4 * kH + 1)) ==
          "2026-07-07T09:00:01+01:00");
    // Friday 16:00 + 2h: one hour on Friday, one on Monday.
    CHECK(local(cal, cal.add(at("2026-07-10T16:00:00+01:00"), 2 * kH)) ==
          "2026-07-13T10:00:00+01:00");
    // Started outside hours: counting begins at the next opening.
    CHECK(local(cal, cal.add(at("2026-07-07T18:00:00+01:00"), 1)) == "2026-07-08T09:00:01+01:00");
    SUBCASE("a budget of 0 is due at the effective start") {
      CHECK(local(cal, cal.add(at("2026-07-07T10:00:00+01:00"), 0)) == "2026-07-07T10:00:00+01:00");
      CHECK(local(cal, cal.add(at("2026-07-11T12:00:00+01:00"), 0)) == "2026-07-13T09:00:00+01:00");
    }
    SUBCASE("a negative budget is refused") {
      CHECK_THROWS_AS(cal.add(at("2026-07-07T10:00:00+01:00"), -1), DataError);
    }
  }

  TEST_CASE("split shifts: the lunch hour is closed") {
    Calendar cal = weekdays("Europe/London", {"08:00-12:00", "13:00-17:00"});
    CHECK(cal.working_day_seconds() == 8 * kH);
    // Tuesday 2026-07-07, BST.
    CHECK(cal.is_open(at("2026-07-07T11:59:59+01:00")));
    CHECK_FALSE(cal.is_open(at("2026-07-07T12:00:00+01:00")));
    CHECK_FALSE(cal.is_open(at("2026-07-07T12:59:59+01:00")));
    CHECK(cal.is_open(at("2026-07-07T13:00:00+01:00")));
    CHECK(local(cal, cal.next_open(at("2026-07-07T12:00:00+01:00"))) ==
          "2026-07-07T13:00:00+01:00");
    // 11:00-12:00 and 13:00-14:00.
    CHECK(cal.count(at("2026-07-07T11:00:00+01:00"), at("2026-07-07T14:00:00+01:00")) == 2 * kH);
    CHECK(cal.count(at("2026-07-07T00:00:00+01:00"), at("2026-07-08T00:00:00+01:00")) == 8 * kH);
    // The morning's budget runs out at 12:00, the morning's closing time.
    CHECK(local(cal, cal.add(at("2026-07-07T11:00:00+01:00"), kH)) == "2026-07-07T12:00:00+01:00");
    CHECK(local(cal, cal.add(at("2026-07-07T11:00:00+01:00"), kH + 1)) ==
          "2026-07-07T13:00:01+01:00");
    CHECK(local(cal, cal.add(at("2026-07-07T08:00:00+01:00"), 8 * kH)) ==
          "2026-07-07T17:00:00+01:00");
  }

  TEST_CASE("rule 2: a window spanning a daylight-saving change is shorter or longer by the jump") {
    SUBCASE("Europe/London: Sunday 00:00-06:00 and 00:00-24:00") {
      Calendar night = sundays("Europe/London", {"00:00-06:00"});
      Calendar all_day = sundays("Europe/London", {"00:00-24:00"});
      // 2026-03-29: 01:00 GMT jumps to 02:00 BST at 01:00Z. 00:00 GMT = 00:00Z,
      // 06:00 BST = 05:00Z: 5 hours. All day: 00:00Z to 23:00Z, 23 hours.
      Instant sat = at("2026-03-28T12:00:00Z");
      Instant mon = at("2026-03-30T12:00:00Z");
      CHECK(night.count(sat, mon) == 5 * kH);
      CHECK(all_day.count(sat, mon) == 23 * kH);
      // One real hour after midnight the wall clock reads 02:00 BST; the
      // budget of 5h runs out at 06:00 BST, the closing time.
      CHECK(local(night, night.add(at("2026-03-29T00:00:00Z"), kH)) == "2026-03-29T02:00:00+01:00");
      CHECK(local(night, night.add(at("2026-03-29T00:00:00Z"), 5 * kH)) ==
            "2026-03-29T06:00:00+01:00");
      // An ordinary Sunday (22 March, GMT): 6 hours and 24 hours.
      CHECK(night.count(at("2026-03-21T12:00:00Z"), at("2026-03-23T12:00:00Z")) == 6 * kH);
      CHECK(all_day.count(at("2026-03-21T12:00:00Z"), at("2026-03-23T12:00:00Z")) == 24 * kH);
      // 2026-10-25: 02:00 BST falls back to 01:00 GMT at 01:00Z. 00:00 BST =
      // 24T23:00Z, 06:00 GMT = 06:00Z: 7 hours. All day: 24T23:00Z to
      // 25T24:00Z, 25 hours.
      sat = at("2026-10-24T12:00:00Z");
      mon = at("2026-10-26T12:00:00Z");
      CHECK(night.count(sat, mon) == 7 * kH);
      CHECK(all_day.count(sat, mon) == 25 * kH);
    }
    SUBCASE("America/New_York: Sunday 00:00-06:00") {
      Calendar night = sundays("America/New_York", {"00:00-06:00"});
      // 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00Z). 00:00 EST = 05:00Z,
      // 06:00 EDT = 10:00Z: 5 hours.
      CHECK(night.count(at("2026-03-07T12:00:00Z"), at("2026-03-09T12:00:00Z")) == 5 * kH);
      // 2026-11-01: 02:00 EDT falls back to 01:00 EST (06:00Z). 00:00 EDT =
      // 04:00Z, 06:00 EST = 11:00Z: 7 hours.
      CHECK(night.count(at("2026-10-31T12:00:00Z"), at("2026-11-02T12:00:00Z")) == 7 * kH);
    }
    SUBCASE("Australia/Lord_Howe, whose clocks move by 30 minutes") {
      Calendar night = sundays("Australia/Lord_Howe", {"00:00-06:00"});
      // 2026-04-05: 02:00 +11 falls back to 01:30 +10:30 (04T15:00Z). 00:00
      // +11 = 04T13:00Z, 06:00 +10:30 = 04T19:30Z: 6h30.
      CHECK(night.count(at("2026-04-04T00:00:00Z"), at("2026-04-06T00:00:00Z")) ==
            6 * kH + 30 * kM);
      // 2026-10-04: 02:00 +10:30 jumps to 02:30 +11 (03T15:30Z). 00:00 +10:30
      // = 03T13:30Z, 06:00 +11 = 03T19:00Z: 5h30.
      CHECK(night.count(at("2026-10-03T00:00:00Z"), at("2026-10-05T00:00:00Z")) ==
            5 * kH + 30 * kM);
      // An ordinary Sunday, 2026-07-12: 6 hours.
      CHECK(night.count(at("2026-07-11T00:00:00Z"), at("2026-07-13T00:00:00Z")) == 6 * kH);
    }
  }

  TEST_CASE(
      "rule 1 at the changes: a repeated wall-clock time is open twice, a skipped one never") {
    SUBCASE("Europe/London falling back, 2026-10-25") {
      // 01:00-01:59:59 happens in BST (00:00Z-00:59:59Z) and again in GMT
      // (01:00Z-01:59:59Z).
      Calendar early = sundays("Europe/London", {"00:00-01:30"});
      // 00:00-01:30 BST = 24T23:00Z-00:30Z, and 01:00-01:30 GMT = 01:00Z-01:30Z.
      CHECK(early.count(at("2026-10-24T12:00:00Z"), at("2026-10-26T12:00:00Z")) == 2 * kH);
      CHECK(early.is_open(at("2026-10-25T00:29:59Z")));        // 01:29:59 BST
      CHECK_FALSE(early.is_open(at("2026-10-25T00:45:00Z")));  // 01:45 BST
      CHECK(early.is_open(at("2026-10-25T01:15:00Z")));        // 01:15 GMT
      CHECK_FALSE(early.is_open(at("2026-10-25T01:30:00Z")));  // 01:30 GMT
      CHECK(utc(early.next_open(at("2026-10-25T00:30:00Z"))) == "2026-10-25T01:00:00+00:00");
      CHECK(utc(early.add(at("2026-10-24T23:00:00Z"), 90 * kM)) == "2026-10-25T00:30:00+00:00");
      CHECK(utc(early.add(at("2026-10-24T23:00:00Z"), 90 * kM + 1)) == "2026-10-25T01:00:01+00:00");

      Calendar late = sundays("Europe/London", {"01:30-03:00"});
      // 01:30-02:00 BST = 00:30Z-01:00Z; 01:00-01:30 GMT (01:00Z-01:30Z) is
      // before the window; 01:30-03:00 GMT = 01:30Z-03:00Z. 30m + 1h30.
      CHECK(late.count(at("2026-10-24T12:00:00Z"), at("2026-10-26T12:00:00Z")) == 2 * kH);
      CHECK(late.is_open(at("2026-10-25T00:45:00Z")));        // 01:45 BST
      CHECK_FALSE(late.is_open(at("2026-10-25T01:15:00Z")));  // 01:15 GMT
      CHECK(late.is_open(at("2026-10-25T01:30:00Z")));        // 01:30 GMT
    }
    SUBCASE("Europe/London springing forward, 2026-03-29") {
      // 01:00 GMT (01:00Z) becomes 02:00 BST: 01:00-01:59 local never happens.
      Calendar early = sundays("Europe/London", {"00:00-01:30"});
      // 00:00 GMT = 00:00Z to the end of the gap, 01:00Z.
      CHECK(early.count(at("2026-03-28T12:00:00Z"), at("2026-03-30T12:00:00Z")) == kH);
      Calendar late = sundays("Europe/London", {"01:30-03:00"});
      // From the end of the gap (01:00Z = 02:00 BST) to 03:00 BST = 02:00Z.
      CHECK(late.count(at("2026-03-28T12:00:00Z"), at("2026-03-30T12:00:00Z")) == kH);
      CHECK(utc(late.next_open(at("2026-03-29T00:30:00Z"))) == "2026-03-29T01:00:00+00:00");
      CHECK(local(late, late.next_open(at("2026-03-29T00:30:00Z"))) == "2026-03-29T02:00:00+01:00");
    }
    SUBCASE("Australia/Lord_Howe, Sunday 00:00-01:45 and 02:00-03:00") {
      Calendar cal = sundays("Australia/Lord_Howe", {"00:00-01:45", "02:00-03:00"});
      // An ordinary Sunday (2026-07-12): 1h45 + 1h.
      CHECK(cal.count(at("2026-07-11T00:00:00Z"), at("2026-07-13T00:00:00Z")) == 2 * kH + 45 * kM);
      // 2026-04-05, at 04T15:00Z 02:00 +11 becomes 01:30 +10:30.
      //   00:00-01:45 +11    = 13:00Z-14:45Z  1h45
      //   01:30-01:45 +10:30 = 15:00Z-15:15Z  15m (the second pass)
      //   02:00-03:00 +10:30 = 15:30Z-16:30Z  1h
      CHECK(cal.count(at("2026-04-04T00:00:00Z"), at("2026-04-06T00:00:00Z")) == 3 * kH);
      CHECK(cal.is_open(at("2026-04-04T15:10:00Z")));
      CHECK_FALSE(cal.is_open(at("2026-04-04T14:50:00Z")));  // 01:50 +11
      // 2026-10-04, at 03T15:30Z 02:00 +10:30 becomes 02:30 +11.
      //   00:00-01:45 +10:30 = 13:30Z-15:15Z  1h45
      //   02:00-03:00: 02:00-02:30 never happens, so from 15:30Z (02:30 +11)
      //   to 03:00 +11 = 16:00Z                30m
      CHECK(cal.count(at("2026-10-03T00:00:00Z"), at("2026-10-05T00:00:00Z")) == 2 * kH + 15 * kM);
      CHECK(local(cal, cal.next_open(at("2026-10-03T15:20:00Z"))) == "2026-10-04T02:30:00+11:00");
    }
  }

  TEST_CASE(
      "office hours follow each zone's own clock when only one of London and New York has "
      "changed") {
    Calendar london = office("Europe/London");
    Calendar new_york = office("America/New_York");
    SUBCASE("9-27 March 2026: New York is on EDT (-4), London still on GMT") {
      // Monday 16th 21:30Z is 17:30 EDT: closed. Two weeks earlier (2 March,
      // EST) the same UTC time was 16:30: open.
      CHECK_FALSE(new_york.is_open(at("2026-03-16T21:30:00Z")));
      CHECK(new_york.is_open(at("2026-03-02T21:30:00Z")));
      CHECK(new_york.is_open(at("2026-03-16T13:00:00Z")));  // 09:00 EDT
      // 08:30Z is 08:30 GMT: London not yet open; after 29 March it is 09:30 BST.
      CHECK_FALSE(london.is_open(at("2026-03-16T08:30:00Z")));
      CHECK(london.is_open(at("2026-03-30T08:30:00Z")));
      // New York, Friday 6th 16:00 EST (21:00Z) + 2h: 1h Friday, then Monday
      // 9th 09:00-10:00 EDT, 14:00Z. 65 real hours later, not 66.
      Instant due = new_york.add(at("2026-03-06T16:00:00-05:00"), 2 * kH);
      CHECK(local(new_york, due) == "2026-03-09T10:00:00-04:00");
      CHECK(utc(due) == "2026-03-09T14:00:00+00:00");
      // London the same weekend: nothing changed, 10:00 GMT.
      CHECK(utc(london.add(at("2026-03-06T16:00:00Z"), 2 * kH)) == "2026-03-09T10:00:00+00:00");
      // London's own change: Friday 27th 16:00 GMT + 2h = Monday 30th 10:00 BST = 09:00Z.
      CHECK(utc(london.add(at("2026-03-27T16:00:00Z"), 2 * kH)) == "2026-03-30T09:00:00+00:00");
    }
    SUBCASE("26-30 October 2026: London is back on GMT, New York still on EDT") {
      CHECK_FALSE(london.is_open(at("2026-10-26T08:30:00Z")));    // 08:30 GMT
      CHECK(london.is_open(at("2026-10-19T08:30:00Z")));          // 09:30 BST
      CHECK_FALSE(new_york.is_open(at("2026-10-26T21:30:00Z")));  // 17:30 EDT
      CHECK(new_york.is_open(at("2026-11-02T21:30:00Z")));        // 16:30 EST
      // London, Friday 23rd 16:00 BST (15:00Z) + 2h = Monday 26th 10:00 GMT.
      Instant due = london.add(at("2026-10-23T16:00:00+01:00"), 2 * kH);
      CHECK(local(london, due) == "2026-10-26T10:00:00+00:00");
      // New York, Friday 30th 16:00 EDT (20:00Z) + 2h = Monday 2 November
      // 10:00 EST = 15:00Z.
      due = new_york.add(at("2026-10-30T16:00:00-04:00"), 2 * kH);
      CHECK(local(new_york, due) == "2026-11-02T10:00:00-05:00");
      CHECK(utc(due) == "2026-11-02T15:00:00+00:00");
    }
    SUBCASE("a whole week holds 40 hours whichever clock is in force") {
      for (const char* monday : {"2026-03-02", "2026-03-09", "2026-03-23", "2026-03-30",
                                 "2026-10-19", "2026-10-26", "2026-11-02"}) {
        CAPTURE(monday);
        Instant from = parse_time(monday, from_unix(0), Zone::utc());
        CHECK(london.count(from, from + Seconds{7 * 86400}) == 40 * kH);
        CHECK(new_york.count(from, from + Seconds{7 * 86400}) == 40 * kH);
      }
    }
  }

  TEST_CASE("Asia/Kolkata: a half-hour offset and no daylight saving") {
    Calendar cal = office("Asia/Kolkata");
    // +05:30 all year: 09:00 IST = 03:30Z, 17:00 IST = 11:30Z.
    CHECK_FALSE(cal.is_open(at("2026-11-24T03:29:59Z")));
    CHECK(cal.is_open(at("2026-11-24T03:30:00Z")));
    CHECK(cal.is_open(at("2026-11-24T11:29:59Z")));
    CHECK_FALSE(cal.is_open(at("2026-11-24T11:30:00Z")));
    CHECK(cal.is_open(at("2026-06-16T03:30:00Z")));
    // Tuesday 24th 10:00Z = 15:30 IST, + 4h: 1h30 on Tuesday, 2h30 on
    // Wednesday, so Wednesday 11:30 IST = 06:00Z.
    Instant due = cal.add(at("2026-11-24T10:00:00Z"), 4 * kH);
    CHECK(local(cal, due) == "2026-11-25T11:30:00+05:30");
    CHECK(utc(due) == "2026-11-25T06:00:00+00:00");
  }

  TEST_CASE("consecutive holidays, yearly holidays and the year end") {
    // 2026: Christmas is a Friday, Boxing Day a Saturday, so it is observed
    // on Monday 28th (a one-off date). New Year's Day 2027 is a Friday.
    Calendar cal = office("Europe/London", {"12-25", "12-26", "2026-12-28", "01-01"});
    SUBCASE("Christmas, the weekend and the substitute day") {
      // Thursday 24th 16:00 + 2h: 1h on Thursday, then Friday (25, holiday),
      // Saturday (26), Sunday (27), Monday (28, holiday), so Tuesday 29th 10:00.
      Instant logged = at("2026-12-24T16:00:00Z");
      CHECK(local(cal, cal.add(logged, 2 * kH)) == "2026-12-29T10:00:00+00:00");
      CHECK(cal.count(logged, at("2026-12-29T10:00:00Z")) == 2 * kH);
      CHECK(local(cal, cal.next_open(at("2026-12-24T17:00:00Z"))) == "2026-12-29T09:00:00+00:00");
    }
    SUBCASE("MM-DD holidays recur; dated ones do not") {
      CHECK(cal.is_open(at("2025-12-24T10:00:00Z")));        // Wednesday
      CHECK_FALSE(cal.is_open(at("2025-12-25T10:00:00Z")));  // Thursday, 12-25
      CHECK_FALSE(cal.is_open(at("2025-12-26T10:00:00Z")));  // Friday, 12-26
      CHECK(cal.is_open(at("2027-12-28T10:00:00Z")));        // Tuesday: 2026-12-28 was one-off
      CHECK_FALSE(cal.is_open(at("2030-01-01T10:00:00Z")));  // a Tuesday, 01-01
    }
    SUBCASE("logged on the afternoon of 31 December, due in January") {
      // Thursday 31st 15:00 + 8h: 2h on Thursday, then Friday 1 January
      // (holiday), the weekend, and 6h on Monday 4th: 15:00.
      Instant logged = at("2026-12-31T15:00:00Z");
      Instant due = cal.add(logged, 8 * kH);
      CHECK(local(cal, due) == "2027-01-04T15:00:00+00:00");
      CHECK(cal.count(logged, due) == 8 * kH);
    }
  }

  TEST_CASE("targets of several weeks") {
    Calendar cal = office("Europe/London");
    // 120h = 15 working days. From Monday 1 June 09:00 BST: three full weeks,
    // so Friday 19 June 17:00 BST.
    CHECK(local(cal, cal.add(at("2026-06-01T09:00:00+01:00"), 120 * kH)) ==
          "2026-06-19T17:00:00+01:00");
    // Across the March change: Monday 16 March 09:00 GMT, three weeks later
    // Friday 3 April 17:00 on the wall clock, now BST.
    Instant due = cal.add(at("2026-03-16T09:00:00Z"), 120 * kH);
    CHECK(local(cal, due) == "2026-04-03T17:00:00+01:00");
    CHECK(cal.count(at("2026-03-16T09:00:00Z"), due) == 120 * kH);
  }

  TEST_CASE("a window ending at 24:00 runs on into a window starting at 00:00") {
    // Asia/Kolkata (+05:30). Friday 2026-11-27 18:00-24:00, Saturday 28th
    // 00:00-06:00 and 20:00-24:00, Sunday closed, Monday 30th 09:00-17:00.
    Calendar cal(spec_of(
        "Asia/Kolkata",
        Days{{"09:00-17:00"}, {}, {}, {}, {"18:00-24:00"}, {"00:00-06:00", "20:00-24:00"}, {}}));
    CHECK(cal.is_open(at("2026-11-27T23:59:59+05:30")));
    CHECK(cal.is_open(at("2026-11-28T00:00:00+05:30")));
    CHECK(cal.count(at("2026-11-27T23:30:00+05:30"), at("2026-11-28T00:30:00+05:30")) == kH);
    CHECK(local(cal, cal.add(at("2026-11-27T23:00:00+05:30"), 2 * kH)) ==
          "2026-11-28T01:00:00+05:30");
    // Used up at 24:00 Friday, which is the same instant as 00:00 Saturday.
    CHECK(local(cal, cal.add(at("2026-11-27T18:00:00+05:30"), 6 * kH)) ==
          "2026-11-28T00:00:00+05:30");
    CHECK(local(cal, cal.next_open(at("2026-11-28T06:00:00+05:30"))) ==
          "2026-11-28T20:00:00+05:30");
    // Saturday's 24:00 is followed by nothing: closing time, then Monday.
    CHECK(local(cal, cal.add(at("2026-11-28T23:00:00+05:30"), kH)) == "2026-11-29T00:00:00+05:30");
    CHECK(local(cal, cal.add(at("2026-11-28T23:00:00+05:30"), kH + 1)) ==
          "2026-11-30T09:00:01+05:30");
  }

  TEST_CASE("a 24x7 calendar counts every real second") {
    Calendar cal = round_the_clock("Europe/London", {"12-25"});
    CHECK(cal.working_day_seconds() == 86400);
    CHECK(cal.is_open(at("2026-12-25T12:00:00Z")));  // its holidays are ignored
    Instant t = at("2026-03-28T12:00:00Z");
    CHECK(cal.next_open(t) == t);
    // The local day of 29 March has 23 hours; real time has 24 of them.
    CHECK(cal.count(t, at("2026-03-29T12:00:00Z")) == 86400);
    // Local midnight 24 Oct (BST) to local midnight 26 Oct (GMT): 49 real hours.
    CHECK(cal.count(at("2026-10-24T00:00:00+01:00"), at("2026-10-26T00:00:00+00:00")) == 49 * kH);
    // due = start + target.
    CHECK(cal.add(t, 100 * kH) == t + Seconds{100 * kH});
    CHECK(cal.add(t, 0) == t);
  }

  TEST_CASE("working_day_seconds is the length most open weekdays share") {
    CHECK(office("UTC").working_day_seconds() == 8 * kH);
    // Monday to Thursday 8h, Friday 6h, Saturday 4h: 8h.
    Calendar mostly(spec_of("UTC", Days{{"09:00-17:00"},
                                        {"09:00-17:00"},
                                        {"09:00-17:00"},
                                        {"08:00-12:00", "13:00-17:00"},
                                        {"09:00-15:00"},
                                        {"10:00-14:00"},
                                        {}}));
    CHECK(mostly.working_day_seconds() == 8 * kH);
    // Two days of 9h and two of 7h: a tie goes to the longer.
    Calendar tie(spec_of("UTC", Days{{"08:00-17:00"},
                                     {"08:00-17:00"},
                                     {"09:00-16:00"},
                                     {"09:00-16:00"},
                                     {"10:00-12:00"},
                                     {},
                                     {}}));
    CHECK(tie.working_day_seconds() == 9 * kH);
  }

  TEST_CASE("instants outside 1970-2200 are refused as bad data") {
    Calendar cal = office("Europe/London");
    Calendar always = round_the_clock("UTC");
    for (const Calendar* c : {&cal, &always}) {
      CHECK_THROWS_AS(c->is_open(at("1969-12-31T23:59:59Z")), DataError);
      CHECK_THROWS_AS(c->count(at("1969-12-31T23:59:59Z"), at("1970-01-02T00:00:00Z")), DataError);
      CHECK_THROWS_AS(c->count(at("2026-01-01T00:00:00Z"), Instant::max()), DataError);
      CHECK_THROWS_AS(c->next_open(at("2201-01-01T00:00:01Z")), DataError);
    }
    // London kept BST (+1) all through 1970: 08:30Z on Thursday 1 January was 09:30.
    CHECK(cal.is_open(at("1970-01-01T08:30:00Z")));
    // Wednesday 31 December 2200 16:00 GMT: its last hour fits; a second
    // more would need a day the table does not have.
    CHECK(utc(cal.add(at("2200-12-31T16:00:00Z"), kH)) == "2200-12-31T17:00:00+00:00");
    CHECK_THROWS_AS(cal.add(at("2200-12-31T16:00:00Z"), kH + 1), DataError);
    CHECK_THROWS_AS(cal.next_open(at("2200-12-31T18:00:00Z")), DataError);
    CHECK_THROWS_AS(always.add(at("2200-12-31T16:00:00Z"), 9 * kH), DataError);
  }

  TEST_CASE("results do not depend on the order in which queries grew the table") {
    Calendar grown = office("Europe/London", {"12-25", "01-01"});
    Instant a = at("2026-07-06T00:00:00Z");
    Instant b = at("2026-07-13T00:00:00Z");
    CHECK(grown.count(a, b) == 40 * kH);
    // Far back, far ahead, then back where we started.
    CHECK(grown.count(at("1975-06-02T00:00:00Z"), at("1975-06-09T00:00:00Z")) == 40 * kH);
    CHECK(grown.count(at("2190-06-05T00:00:00Z"), at("2190-06-12T00:00:00Z")) == 40 * kH);
    CHECK(grown.count(a, b) == 40 * kH);
    Calendar fresh = grown;  // a copy starts with an empty table
    Calendar assigned = office("UTC");
    assigned = grown;
    Instant far_back = at("1980-03-03T10:00:00Z");
    Instant far_ahead = at("2150-03-03T10:00:00Z");
    CHECK(fresh.count(far_back, far_ahead) == grown.count(far_back, far_ahead));
    CHECK(assigned.count(far_back, far_ahead) == grown.count(far_back, far_ahead));
    // Counting is additive across any cut, including the table's seams.
    std::int64_t total = grown.count(far_back, far_ahead);
    for (const char* cut : {"1980-03-03T10:00:00Z", "1999-12-31T23:59:59Z", "2026-07-08T12:00:00Z",
                            "2100-02-28T16:00:00Z", "2150-03-03T10:00:00Z"}) {
      CAPTURE(cut);
      CHECK(grown.count(far_back, at(cut)) + grown.count(at(cut), far_ahead) == total);
    }
    CHECK(grown.add(far_back, total) == fresh.add(far_back, total));
    CHECK(grown.count(far_back, grown.add(far_back, total)) == total);
  }
}

namespace {

// Rule 1, read literally: convert to local time and look at the windows.
bool reference_is_open(const CalendarSpec& spec, const Zone& zone, std::int64_t t) {
  CivilTime c = zone.to_civil(from_unix(t));
  for (const Holiday& h : spec.holidays) {
    if ((h.year == 0 || h.year == c.year) && h.month == c.month && h.day == c.day) return false;
  }
  int minute = c.hour * 60 + c.minute;
  for (const Window& w : spec.week[static_cast<std::size_t>(c.weekday)]) {
    if (w.start <= minute && minute < w.end) return true;
  }
  return false;
}

// The slow way: minute by minute. Every zone here has whole-minute offsets
// and changes them on whole UTC minutes, so a UTC minute is either wholly
// open or wholly closed, and walking minutes is exact to the second.
struct Reference {
  const CalendarSpec& spec;
  Zone zone;

  bool open_minute(std::int64_t m) const { return reference_is_open(spec, zone, m * 60); }

  std::int64_t count(std::int64_t from, std::int64_t to) const {
    std::int64_t total = 0;
    for (std::int64_t m = from / 60; m * 60 < to; ++m) {
      if (open_minute(m)) total += std::min(to, m * 60 + 60) - std::max(from, m * 60);
    }
    return total;
  }

  std::int64_t next_open(std::int64_t t) const {
    for (std::int64_t m = t / 60;; ++m) {
      if (open_minute(m)) return std::max(t, m * 60);
    }
  }

  std::int64_t add(std::int64_t start, std::int64_t seconds) const {
    if (seconds == 0) return next_open(start);
    for (std::int64_t m = start / 60;; ++m) {
      if (!open_minute(m)) continue;
      std::int64_t begin = std::max(start, m * 60);
      if (m * 60 + 60 - begin >= seconds) return begin + seconds;
      seconds -= m * 60 + 60 - begin;
    }
  }
};

}  // namespace

TEST_SUITE("sla/calendar") {
  TEST_CASE("count, add, next_open and is_open agree with a minute-by-minute reference") {
    std::vector<CalendarSpec> specs = {
        // Split shifts, a Saturday morning, one-off and yearly holidays.
        spec_of("Europe/London",
                Days{{"08:00-12:00", "13:00-17:30"},
                     {"08:00-12:00", "13:00-17:30"},
                     {"08:00-12:00", "13:00-17:30"},
                     {"08:00-12:00", "13:00-17:30"},
                     {"08:00-12:00", "13:00-17:30"},
                     {"10:00-14:00"},
                     {}},
                {"12-25", "12-26", "2026-04-03", "2026-05-04", "01-01"}),
        // Windows inside London's repeated and skipped hours.
        spec_of("Europe/London",
                Days{{"09:00-17:00"}, {}, {}, {}, {}, {}, {"00:30-01:30", "01:45-02:30"}}),
        // A Sunday night shift across the US changes at 02:00.
        spec_of("America/New_York",
                Days{{"09:00-17:00"},
                     {"09:00-17:00"},
                     {"09:00-17:00"},
                     {"09:00-17:00"},
                     {"09:00-17:00"},
                     {},
                     {"00:00-03:00"}},
                {"07-04", "2026-11-26"}),
        // Every day, with a window astride the 30-minute changes at 02:00.
        spec_of("Australia/Lord_Howe",
                Days{{"01:00-02:15", "09:00-17:00"},
                     {"01:00-02:15", "09:00-17:00"},
                     {"01:00-02:15", "09:00-17:00"},
                     {"01:00-02:15", "09:00-17:00"},
                     {"01:00-02:15", "09:00-17:00"},
                     {"01:00-02:15", "09:00-17:00"},
                     {"01:00-02:15", "09:00-17:00"}},
                {"01-26"}),
        // Half-hour offset; a Friday night that runs on into Saturday.
        spec_of("Asia/Kolkata",
                Days{{"09:30-18:00"},
                     {"09:30-18:00"},
                     {"09:30-18:00"},
                     {"09:30-18:00"},
                     {"09:30-18:00", "22:00-24:00"},
                     {"00:00-02:00", "09:30-14:00"},
                     {}},
                {"2026-08-15", "10-02"}),
        // Whole weekdays, running on from one to the next; a holiday ahead of UTC.
        spec_of("Pacific/Auckland",
                Days{{"00:00-24:00"},
                     {"00:00-24:00"},
                     {"00:00-24:00"},
                     {"00:00-24:00"},
                     {"00:00-24:00"},
                     {},
                     {}},
                {"2026-02-06", "12-25"}),
        // Santiago changes its clocks at midnight.
        spec_of("America/Santiago", Days{{"00:00-01:00", "08:00-12:00", "22:30-24:00"},
                                         {"00:00-01:00", "08:00-12:00", "22:30-24:00"},
                                         {"00:00-01:00", "08:00-12:00", "22:30-24:00"},
                                         {"00:00-01:00", "08:00-12:00", "22:30-24:00"},
                                         {"00:00-01:00", "08:00-12:00", "22:30-24:00"},
                                         {"00:00-01:00", "08:00-12:00", "22:30-24:00"},
                                         {"00:00-01:00", "08:00-12:00", "22:30-24:00"}}),
    };
    // Daylight-saving changes of these zones (zdump), and holidays.
    std::vector<std::int64_t> hot;
    for (const char* t : {"2026-03-08T07:00:00Z", "2026-03-29T01:00:00Z", "2026-04-04T15:00:00Z",
                          "2026-04-05T03:00:00Z", "2026-09-06T04:00:00Z", "2026-09-26T14:00:00Z",
                          "2026-10-03T15:30:00Z", "2026-10-25T01:00:00Z", "2026-11-01T06:00:00Z",
                          "2026-12-25T00:00:00Z", "2027-01-01T00:00:00Z", "2026-02-06T00:00:00Z"}) {
      hot.push_back(to_unix(at(t)));
    }
    std::mt19937_64 rng(20261124);
    auto uniform = [&rng](std::int64_t lo, std::int64_t hi) {
      return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    const std::int64_t year_2025 = to_unix(at("2025-01-01T00:00:00Z"));
    const std::int64_t year_2029 = to_unix(at("2029-01-01T00:00:00Z"));
    const int kQueries = 300;
    for (const CalendarSpec& spec : specs) {
      Calendar cal(spec);
      Reference ref{spec, Zone::named(spec.timezone)};
      int failures = 0;
      for (int q = 0; q < kQueries && failures < 5; ++q) {
        std::int64_t from = q % 2 == 0 ? hot[static_cast<std::size_t>(q / 2) % hot.size()] +
                                             uniform(-3 * 86400, 3 * 86400)
                                       : uniform(year_2025, year_2029);
        std::int64_t to = from + uniform(-3600, 2 * 86400);
        std::int64_t budget = q % 7 == 0 ? 0 : uniform(1, 2 * cal.working_day_seconds());
        CAPTURE(spec.timezone);
        CAPTURE(utc(from_unix(from)));
        CAPTURE(utc(from_unix(to)));
        CAPTURE(budget);
        bool ok = cal.is_open(from_unix(from)) == reference_is_open(spec, ref.zone, from) &&
                  to_unix(cal.next_open(from_unix(from))) == ref.next_open(from) &&
                  cal.count(from_unix(from), from_unix(to)) == ref.count(from, to) &&
                  to_unix(cal.add(from_unix(from), budget)) == ref.add(from, budget);
        if (!ok) {
          ++failures;
          CHECK(cal.is_open(from_unix(from)) == reference_is_open(spec, ref.zone, from));
          CHECK(utc(cal.next_open(from_unix(from))) == utc(from_unix(ref.next_open(from))));
          CHECK(cal.count(from_unix(from), from_unix(to)) == ref.count(from, to));
          CHECK(utc(cal.add(from_unix(from), budget)) == utc(from_unix(ref.add(from, budget))));
        }
      }
      CHECK(failures == 0);
    }
  }
}

}  // namespace test_sla_calendar
