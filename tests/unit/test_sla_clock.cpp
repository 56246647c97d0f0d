// SLA clocks. Most cases use a London office, Monday to Friday 09:00-17:00,
// in late November 2026 when London is on GMT, so local times are UTC times:
//   Mon 23  Tue 24  Wed 25  Thu 26  Fri 27  Sat 28  Sun 29  Mon 30
// Expected values are worked by hand in the comments. The last test case
// checks measure() against a minute-by-minute reference over random clocks.
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <climits>
#include <doctest/doctest.h>

#include "desk/core/error.hpp"
#include "desk/core/time.hpp"
#include "desk/model/business_calendar.hpp"
#include "desk/sla/clock.hpp"

using namespace desk;
using namespace desk::model;
using namespace desk::sla;

namespace test_sla_clock {

namespace {

constexpr std::int64_t kH = 3600;
constexpr std::int64_t kM = 60;
const Instant kOpenEnded = Instant::max();

Instant at(const char* iso) {
  return parse_time(iso, from_unix(0), Zone::utc());
}
std::string utc(Instant t) {
  return format_iso(t, Zone::utc());
}

Calendar office(const char* zone = "Europe/London") {
  CalendarSpec spec;
  spec.name = "office";
  spec.timezone = zone;
  for (std::size_t d = 0; d < 5; ++d) spec.week[d] = {parse_window("09:00-17:00")};
  return Calendar(spec);
}

ClockSpec clock(const char* logged, std::int64_t target, std::vector<Interval> paused = {},
                std::optional<Instant> stopped = std::nullopt) {
  ClockSpec spec;
  spec.logged = at(logged);
  spec.target = target;
  spec.paused = std::move(paused);
  spec.stopped = stopped;
  return spec;
}

Interval pause(const char* from, const char* to) {
  return Interval{at(from), at(to)};
}
Interval pause_from(const char* from) {
  return Interval{at(from), kOpenEnded};
}

}  // namespace

TEST_SUITE("sla/clock") {
  TEST_CASE("rule 4: a clock logged outside hours starts at the next opening") {
    Calendar cal = office();
    // Saturday 10:00 + 4h: starts Monday 30th 09:00, due 13:00.
    ClockState st = measure(cal, clock("2026-11-28T10:00Z", 4 * kH), at("2026-11-30T10:00Z"));
    CHECK(utc(st.start) == "2026-11-30T09:00:00+00:00");
    CHECK(utc(st.due) == "2026-11-30T13:00:00+00:00");
    CHECK(st.elapsed == kH);  // Monday 09:00-10:00; the weekend never counted
    CHECK(st.remaining == 3 * kH);
    CHECK(st.percent_used == 25);
    CHECK(st.running);
    CHECK_FALSE(st.paused);
    CHECK_FALSE(st.met);
    CHECK_FALSE(st.breached);
    CHECK_FALSE(st.at_risk);
    // Inside hours the clock starts when the ticket is logged.
    CHECK(utc(measure(cal, clock("2026-11-24T10:00Z", kH), at("2026-11-24T10:00Z")).start) ==
          "2026-11-24T10:00:00+00:00");
    // After closing: the next morning.
    CHECK(utc(measure(cal, clock("2026-11-24T18:00Z", kH), at("2026-11-24T18:00Z")).start) ==
          "2026-11-25T09:00:00+00:00");
  }

  TEST_CASE("rules 5 and 6: due, elapsed, remaining and breached strictly after due") {
    Calendar cal = office();
    // Tuesday 13:00 + 4h: used up at 17:00, the closing time.
    ClockSpec spec = clock("2026-11-24T13:00Z", 4 * kH);
    struct Row {
      const char* now;
      std::int64_t elapsed;
      int percent;
      bool breached;
      bool at_risk;
    };
    for (Row r : {
             Row{"2026-11-24T13:00:00Z", 0, 0, false, false},
             Row{"2026-11-24T16:00:00Z", 3 * kH, 75, false, true},       // 75% reaches warn_percent
             Row{"2026-11-24T17:00:00Z", 4 * kH, 100, false, true},      // at due: not yet breached
             Row{"2026-11-24T17:00:01Z", 4 * kH, 100, true, false},      // after due, though closed
             Row{"2026-11-25T09:00:01Z", 4 * kH + 1, 100, true, false},  // 14401*100/14400
             Row{"2026-11-25T10:00:00Z", 5 * kH, 125, true, false},
         }) {
      CAPTURE(r.now);
      ClockState st = measure(cal, spec, at(r.now));
      CHECK(utc(st.due) == "2026-11-24T17:00:00+00:00");
      CHECK(st.elapsed == r.elapsed);
      CHECK(st.remaining == 4 * kH - r.elapsed);
      CHECK(st.percent_used == r.percent);
      CHECK(st.breached == r.breached);
      CHECK(st.at_risk == r.at_risk);
      CHECK(st.running);
      CHECK_FALSE(st.met);
    }
  }

  TEST_CASE("a stopped clock is met at or before due and breached after it") {
    Calendar cal = office();
    Instant later = at("2026-12-07T12:00Z");
    SUBCASE("stopped exactly at due") {
      ClockState st =
          measure(cal, clock("2026-11-24T13:00Z", 4 * kH, {}, at("2026-11-24T17:00Z")), later);
      CHECK(st.met);
      CHECK_FALSE(st.breached);
      CHECK_FALSE(st.running);
      CHECK_FALSE(st.at_risk);  // a stopped clock is never at risk
      CHECK(st.elapsed == 4 * kH);
      CHECK(st.remaining == 0);
    }
    SUBCASE("stopped at the next opening: late, though no business time passed") {
      ClockState st =
          measure(cal, clock("2026-11-24T13:00Z", 4 * kH, {}, at("2026-11-25T09:00Z")), later);
      CHECK_FALSE(st.met);
      CHECK(st.breached);
      CHECK(st.elapsed == 4 * kH);
      CHECK(st.remaining == 0);
    }
    SUBCASE("stopped one business second late") {
      ClockState st =
          measure(cal, clock("2026-11-24T13:00Z", 4 * kH, {}, at("2026-11-25T09:00:01Z")), later);
      CHECK(st.breached);
      CHECK(st.remaining == -1);
    }
    SUBCASE("elapsed stops with the clock") {
      // Monday 09:00 + 8h, stopped at 15:00: 6h used, whatever now is.
      ClockState st =
          measure(cal, clock("2026-11-23T09:00Z", 8 * kH, {}, at("2026-11-23T15:00Z")), later);
      CHECK(st.met);
      CHECK(st.elapsed == 6 * kH);
      CHECK(st.remaining == 2 * kH);
      CHECK(st.percent_used == 75);
    }
  }

  TEST_CASE("at_risk starts exactly at warn_percent of the target") {
    Calendar cal = office();
    // Monday 09:00 + 8h (28800s). 75% is 21600s: Monday 15:00.
    ClockSpec spec = clock("2026-11-23T09:00Z", 8 * kH);
    ClockState st = measure(cal, spec, at("2026-11-23T14:59:59Z"));
    CHECK(st.percent_used == 74);  // floor(21599 * 100 / 28800)
    CHECK_FALSE(st.at_risk);
    st = measure(cal, spec, at("2026-11-23T15:00:00Z"));
    CHECK(st.percent_used == 75);
    CHECK(st.at_risk);
    // 90% is 25920s = 7h12m: Monday 16:12.
    spec.warn_percent = 90;
    CHECK_FALSE(measure(cal, spec, at("2026-11-23T16:11:59Z")).at_risk);
    CHECK(measure(cal, spec, at("2026-11-23T16:12:00Z")).at_risk);
    // Breached is not "at risk" any more.
    CHECK_FALSE(measure(cal, spec, at("2026-11-24T09:00:01Z")).at_risk);
  }

  TEST_CASE("a target of 0 is due at the effective start") {
    Calendar cal = office();
    // Saturday 10:00: the start, and so the due time, is Monday 30th 09:00.
    ClockSpec spec = clock("2026-11-28T10:00Z", 0);
    ClockState st = measure(cal, spec, at("2026-11-29T12:00Z"));  // Sunday
    CHECK(utc(st.start) == "2026-11-30T09:00:00+00:00");
    CHECK(st.due == st.start);
    CHECK(st.elapsed == 0);
    CHECK(st.percent_used == 0);
    CHECK_FALSE(st.breached);
    CHECK_FALSE(st.at_risk);  // 0% is below 75%
    st = measure(cal, spec, at("2026-11-30T09:00:00Z"));
    CHECK_FALSE(st.breached);  // now == due
    st = measure(cal, spec, at("2026-11-30T09:00:01Z"));
    CHECK(st.breached);
    CHECK(st.elapsed == 1);
    CHECK(st.remaining == -1);
    CHECK(st.percent_used == 100);  // defined: any time used of a 0 target reads 100
    // A reply on Sunday met it.
    spec.stopped = at("2026-11-29T12:00Z");
    st = measure(cal, spec, at("2026-12-01T12:00Z"));
    CHECK(st.met);
    CHECK_FALSE(st.breached);
  }

  TEST_CASE("rule 3: pauses never count") {
    Calendar cal = office();
    SUBCASE("a pause across a weekend") {
      // Friday 15:00 + 4h; pending from Friday 16:00 to Monday 30th 11:00.
      // Counted: Friday 15-16 (1h), then Monday from 11:00: 3h more, 14:00.
      // Without the pause it would be due Monday 11:00.
      ClockSpec spec =
          clock("2026-11-27T15:00Z", 4 * kH, {pause("2026-11-27T16:00Z", "2026-11-30T11:00Z")});
      ClockState st = measure(cal, spec, at("2026-11-30T12:00Z"));
      CHECK(utc(st.due) == "2026-11-30T14:00:00+00:00");
      CHECK(st.elapsed == 2 * kH);  // Friday 15-16 and Monday 11-12
      CHECK(st.remaining == 2 * kH);
      CHECK_FALSE(st.paused);
      spec.paused.clear();
      CHECK(utc(measure(cal, spec, at("2026-11-30T12:00Z")).due) == "2026-11-30T11:00:00+00:00");
    }
    SUBCASE("overlapping pauses, in any order, are merged") {
      // Tuesday 09:00 + 4h; pauses 11:00-13:00, 10:00-12:00 and 12:30-12:45
      // cover 10:00-13:00 once (3h, not 4h15). Counted: 09-10, then 13-16.
      ClockSpec spec = clock("2026-11-24T09:00Z", 4 * kH,
                             {pause("2026-11-24T11:00Z", "2026-11-24T13:00Z"),
                              pause("2026-11-24T10:00Z", "2026-11-24T12:00Z"),
                              pause("2026-11-24T12:30Z", "2026-11-24T12:45Z")});
      ClockState st = measure(cal, spec, at("2026-11-24T17:00Z"));
      CHECK(utc(st.due) == "2026-11-24T16:00:00+00:00");
      CHECK(st.elapsed == 5 * kH);  // 09-10 and 13-17
      CHECK(st.breached);
    }
    SUBCASE("a pause entirely outside business hours changes nothing") {
      // Tuesday 15:00 + 4h: 2h Tuesday, 2h Wednesday, due Wednesday 11:00.
      ClockSpec plain = clock("2026-11-24T15:00Z", 4 * kH);
      ClockSpec paused = clock("2026-11-24T15:00Z", 4 * kH,
                               {pause("2026-11-24T17:00Z", "2026-11-25T09:00Z"),
                                pause("2026-11-28T08:00Z", "2026-11-28T20:00Z")});
      for (const char* now : {"2026-11-25T10:00Z", "2026-11-25T12:00Z", "2026-11-30T12:00Z"}) {
        CAPTURE(now);
        ClockState a = measure(cal, plain, at(now));
        ClockState b = measure(cal, paused, at(now));
        CHECK(utc(b.due) == "2026-11-25T11:00:00+00:00");
        CHECK(a.due == b.due);
        CHECK(a.elapsed == b.elapsed);
        CHECK(a.breached == b.breached);
      }
    }
    SUBCASE("a pause that began before the ticket delays its start") {
      // Logged Tuesday 09:00 in a pause that lasts until 10:00.
      ClockSpec spec =
          clock("2026-11-24T09:00Z", kH, {pause("2026-11-24T08:00Z", "2026-11-24T10:00Z")});
      ClockState st = measure(cal, spec, at("2026-11-24T12:00Z"));
      CHECK(utc(st.start) == "2026-11-24T10:00:00+00:00");
      CHECK(utc(st.due) == "2026-11-24T11:00:00+00:00");
    }
    SUBCASE("empty and backwards pauses are nothing") {
      ClockSpec spec = clock("2026-11-24T09:00Z", kH,
                             {pause("2026-11-24T09:30Z", "2026-11-24T09:30Z"),
                              pause("2026-11-24T09:45Z", "2026-11-24T09:15Z")});
      CHECK(utc(measure(cal, spec, at("2026-11-24T12:00Z")).due) == "2026-11-24T10:00:00+00:00");
    }
  }

  TEST_CASE("a clock paused now is due as if the pause ended now") {
    Calendar cal = office();
    // Monday 09:00 + 8h; pending since Monday 11:00 (2h used), still pending.
    ClockSpec spec = clock("2026-11-23T09:00Z", 8 * kH, {pause_from("2026-11-23T11:00Z")});
    // Now Tuesday 10:00: resuming now leaves 6h, so Tuesday 16:00.
    ClockState st = measure(cal, spec, at("2026-11-24T10:00Z"));
    CHECK(st.paused);
    CHECK(st.running);
    CHECK(utc(st.start) == "2026-11-23T09:00:00+00:00");
    CHECK(st.elapsed == 2 * kH);
    CHECK(st.remaining == 6 * kH);
    CHECK(utc(st.due) == "2026-11-24T16:00:00+00:00");
    CHECK_FALSE(st.breached);
    // A day later it is still 6h from now: Wednesday 16:00.
    st = measure(cal, spec, at("2026-11-25T10:00Z"));
    CHECK(utc(st.due) == "2026-11-25T16:00:00+00:00");
    CHECK(st.elapsed == 2 * kH);
    SUBCASE("a pause known to end later is treated the same at now") {
      spec.paused = {pause("2026-11-23T11:00Z", "2026-11-26T09:00Z")};
      CHECK(utc(measure(cal, spec, at("2026-11-24T10:00Z")).due) == "2026-11-24T16:00:00+00:00");
      // Once it has ended: resumed Thursday 09:00 with 6h left, 15:00.
      CHECK(utc(measure(cal, spec, at("2026-11-26T10:00Z")).due) == "2026-11-26T15:00:00+00:00");
    }
    SUBCASE("logged straight into a pause: the start is also taken as now") {
      spec.paused = {pause_from("2026-11-23T09:00Z")};
      st = measure(cal, spec, at("2026-11-23T12:00Z"));
      CHECK(utc(st.start) == "2026-11-23T12:00:00+00:00");
      // 5h on Monday (12-17), 3h on Tuesday: 12:00.
      CHECK(utc(st.due) == "2026-11-24T12:00:00+00:00");
      CHECK(st.elapsed == 0);
      CHECK(st.paused);
    }
    SUBCASE("a stopped clock is not paused") {
      spec.stopped = at("2026-11-24T09:30Z");
      st = measure(cal, spec, at("2026-11-24T10:00Z"));
      CHECK_FALSE(st.paused);
      CHECK_FALSE(st.running);
      // The pause ends where the clock stopped (Tuesday 09:30), leaving 6h:
      // 09:30-17:00 holds 7h30, so due 15:30; the stop was well before.
      CHECK(utc(st.due) == "2026-11-24T15:30:00+00:00");
      CHECK(st.met);
    }
  }

  TEST_CASE("the state is what could be known at now") {
    Calendar cal = office();
    // Monday 09:00 + 8h, answered at 15:00.
    ClockSpec spec = clock("2026-11-23T09:00Z", 8 * kH, {}, at("2026-11-23T15:00Z"));
    ClockState st = measure(cal, spec, at("2026-11-23T12:00Z"));
    CHECK(st.running);  // the answer had not happened yet
    CHECK_FALSE(st.met);
    CHECK(st.elapsed == 3 * kH);
    st = measure(cal, spec, at("2026-11-23T15:00Z"));
    CHECK_FALSE(st.running);
    CHECK(st.met);
    CHECK(st.elapsed == 6 * kH);
    SUBCASE("a pause that begins after now does not move due yet") {
      spec.stopped.reset();
      spec.paused = {pause("2026-11-23T13:00Z", "2026-11-23T14:00Z")};
      CHECK(utc(measure(cal, spec, at("2026-11-23T12:00Z")).due) == "2026-11-23T17:00:00+00:00");
      // Once it is over: Monday 09-13 (4h) and 14-17 (3h), then Tuesday
      // 09-10 (1h), so due Tuesday 10:00.
      CHECK(utc(measure(cal, spec, at("2026-11-23T15:00Z")).due) == "2026-11-24T10:00:00+00:00");
    }
  }

  TEST_CASE("a resolution clock resumed by a reopen") {
    Calendar cal = office();
    // Monday 09:00, resolve within 8h. Resolved Monday 15:00 (6h used),
    // reopened Tuesday 10:00, resolved again Tuesday 12:00. The caller passes
    // the resolved span as a pause and the last resolve as the stop.
    ClockSpec spec = clock("2026-11-23T09:00Z", 8 * kH);
    SUBCASE("while first resolved") {
      spec.stopped = at("2026-11-23T15:00Z");
      ClockState st = measure(cal, spec, at("2026-11-23T16:00Z"));
      CHECK(st.met);
      CHECK(st.elapsed == 6 * kH);
      CHECK(utc(st.due) == "2026-11-23T17:00:00+00:00");
    }
    SUBCASE("while reopened") {
      spec.paused = {pause("2026-11-23T15:00Z", "2026-11-24T10:00Z")};
      ClockState st = measure(cal, spec, at("2026-11-24T11:00Z"));
      CHECK(st.running);
      CHECK(st.elapsed == 7 * kH);  // 09-15 Monday, 10-11 Tuesday
      CHECK(st.remaining == kH);
      CHECK(utc(st.due) == "2026-11-24T12:00:00+00:00");  // 6h + 2h from Tuesday 10:00
      CHECK(st.at_risk);                                  // 87%
      CHECK(st.percent_used == 87);
    }
    SUBCASE("resolved again, exactly on time") {
      spec.paused = {pause("2026-11-23T15:00Z", "2026-11-24T10:00Z")};
      spec.stopped = at("2026-11-24T12:00Z");
      ClockState st = measure(cal, spec, at("2026-11-30T12:00Z"));
      CHECK(st.elapsed == 8 * kH);
      CHECK(st.remaining == 0);
      CHECK(st.met);
      CHECK_FALSE(st.breached);
      CHECK(st.percent_used == 100);
    }
  }

  TEST_CASE("a 24x7 clock counts real time across a daylight-saving change") {
    CalendarSpec spec;
    spec.name = "24x7";
    spec.timezone = "Europe/London";
    spec.always_open = true;
    Calendar cal(spec);
    // Saturday 28 March 22:00Z + 4h: 02:00Z, though London's clocks read 03:00.
    ClockState st = measure(cal, clock("2026-03-28T22:00Z", 4 * kH), at("2026-03-29T01:00Z"));
    CHECK(utc(st.start) == "2026-03-28T22:00:00+00:00");
    CHECK(utc(st.due) == "2026-03-29T02:00:00+00:00");
    CHECK(st.elapsed == 3 * kH);
    // A 30-minute pause moves due by 30 minutes.
    st = measure(
        cal, clock("2026-03-28T22:00Z", 4 * kH, {pause("2026-03-28T23:00Z", "2026-03-28T23:30Z")}),
        at("2026-03-29T01:00Z"));
    CHECK(utc(st.due) == "2026-03-29T02:30:00+00:00");
    CHECK(st.elapsed == 2 * kH + 30 * kM);
    // Six years on a 1-second target: the percentage saturates instead of overflowing.
    st = measure(cal, clock("2020-01-01T00:00Z", 1), at("2026-01-01T00:00Z"));
    CHECK(st.percent_used == INT_MAX);
  }

  TEST_CASE("a negative target is bad data") {
    CHECK_THROWS_AS(measure(office(), clock("2026-11-24T09:00Z", -1), at("2026-11-24T10:00Z")),
                    DataError);
  }
}

namespace {

// Rule 1, read literally (as in test_sla_calendar.cpp).
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

// Rules 3-6 read literally, minute by minute; every input is on a whole
// minute, so each minute is wholly counted or not.
struct ClockReference {
  const CalendarSpec& spec;
  Zone zone;

  ClockState measure(const ClockSpec& c, Instant now_instant) const {
    std::int64_t now = to_unix(now_instant);
    std::int64_t logged = to_unix(c.logged);
    bool stopped = c.stopped && *c.stopped <= now_instant;
    std::int64_t end = stopped ? to_unix(*c.stopped) : now;
    // A minute is counted when it is business time, at or after logged, and
    // not in a pause as known at the end.
    auto counted = [&](std::int64_t m) {
      for (const Interval& p : c.paused) {
        if (to_unix(p.from) <= m * 60 && m * 60 < std::min(to_unix(p.to), end)) return false;
      }
      return m * 60 >= logged && reference_is_open(spec, zone, m * 60);
    };
    ClockState st;
    std::int64_t m = logged / 60;
    while (!counted(m)) ++m;
    st.start = from_unix(m * 60);
    st.due = st.start;
    for (std::int64_t used = 0; used < c.target; ++m) {
      if (!counted(m)) continue;
      used += 60;
      st.due = from_unix(m * 60 + 60);
    }
    for (std::int64_t k = logged / 60; k * 60 < end; ++k) st.elapsed += counted(k) ? 60 : 0;
    st.remaining = c.target - st.elapsed;
    st.percent_used =
        c.target == 0 ? (st.elapsed > 0 ? 100 : 0) : static_cast<int>(st.elapsed * 100 / c.target);
    st.running = !stopped;
    for (const Interval& p : c.paused)
      st.paused |= st.running && p.from <= now_instant && now_instant < p.to;
    st.met = stopped && end <= to_unix(st.due);
    st.breached = end > to_unix(st.due);
    st.at_risk = st.running && !st.breached && st.percent_used >= c.warn_percent;
    return st;
  }
};

CalendarSpec week_of(const char* zone, std::vector<const char*> weekdays,
                     std::vector<const char*> sunday, std::vector<const char*> holidays) {
  CalendarSpec spec;
  spec.name = zone;
  spec.timezone = zone;
  for (std::size_t d = 0; d < 5; ++d) {
    for (const char* w : weekdays) spec.week[d].push_back(parse_window(w));
  }
  for (const char* w : sunday) spec.week[6].push_back(parse_window(w));
  for (const char* h : holidays) spec.holidays.push_back(parse_holiday(h));
  return spec;
}

}  // namespace

TEST_SUITE("sla/clock") {
  TEST_CASE("measure agrees with a minute-by-minute reference over random clocks") {
    std::vector<CalendarSpec> specs = {
        week_of("Europe/London", {"08:00-12:00", "13:00-17:30"}, {},
                {"12-25", "12-26", "2026-04-03"}),
        week_of("America/New_York", {"09:00-17:00"}, {"00:00-03:00"}, {"07-04"}),
        week_of("Australia/Lord_Howe", {"09:00-17:00"}, {"01:00-02:15"}, {"01-26"}),
    };
    std::vector<std::int64_t> hot;
    for (const char* t : {"2026-03-08T07:00:00Z", "2026-03-29T01:00:00Z", "2026-04-04T15:00:00Z",
                          "2026-10-03T15:30:00Z", "2026-10-25T01:00:00Z", "2026-11-01T06:00:00Z",
                          "2026-12-25T00:00:00Z"}) {
      hot.push_back(to_unix(at(t)) / 60);
    }
    std::mt19937_64 rng(424242);
    auto uniform = [&rng](std::int64_t lo, std::int64_t hi) {
      return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    const std::int64_t kDayMinutes = 1440;
    for (const CalendarSpec& spec : specs) {
      Calendar cal(spec);
      ClockReference ref{spec, Zone::named(spec.timezone)};
      int failures = 0;
      for (int q = 0; q < 80 && failures < 3; ++q) {
        // Minutes since the epoch.
        std::int64_t logged = hot[static_cast<std::size_t>(q) % hot.size()] +
                              uniform(-3 * kDayMinutes, 3 * kDayMinutes);
        ClockSpec c;
        c.logged = from_unix(logged * 60);
        c.target = q % 9 == 0 ? 0 : uniform(1, 2 * cal.working_day_seconds() / 60) * 60;
        c.warn_percent = static_cast<int>(uniform(0, 100));
        for (std::int64_t k = uniform(0, 3); k > 0; --k) {
          std::int64_t from = logged + uniform(-kDayMinutes, 4 * kDayMinutes);
          std::int64_t to = from + uniform(0, 2 * kDayMinutes);
          c.paused.push_back(
              Interval{from_unix(from * 60), uniform(0, 4) == 0 ? kOpenEnded : from_unix(to * 60)});
        }
        if (uniform(0, 1) == 1) c.stopped = from_unix((logged + uniform(0, 6 * kDayMinutes)) * 60);
        Instant now = from_unix((logged + uniform(-60, 6 * kDayMinutes)) * 60);

        ClockState got = measure(cal, c, now);
        ClockState want = ref.measure(c, now);
        CAPTURE(spec.timezone);
        CAPTURE(utc(c.logged));
        CAPTURE(c.target);
        CAPTURE(utc(now));
        CAPTURE(c.stopped ? utc(*c.stopped) : std::string("running"));
        CAPTURE(c.paused.size());
        bool same = got.start == want.start && got.due == want.due && got.elapsed == want.elapsed &&
                    got.remaining == want.remaining && got.percent_used == want.percent_used &&
                    got.running == want.running && got.paused == want.paused &&
                    got.met == want.met && got.breached == want.breached &&
                    got.at_risk == want.at_risk;
        if (!same) {
          ++failures;
          CHECK(utc(got.start) == utc(want.start));
          CHECK(utc(got.due) == utc(want.due));
          CHECK(got.elapsed == want.elapsed);
          CHECK(got.percent_used == want.percent_used);
          CHECK(got.paused == want.paused);
          CHECK(got.met == want.met);
          CHECK(got.breached == want.breached);
          CHECK(got.at_risk == want.at_risk);
        }
      }
      CHECK(failures == 0);
    }
  }
}

}  // namespace test_sla_clock
