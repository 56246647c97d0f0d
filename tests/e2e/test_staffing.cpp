// Shifts and the staffing forecast (issue 19): a technician's calendar keeps
// allocation off them out of hours, and `desk report staffing` gives, for a
// store with a known pattern of arrivals and time worked, the load, agents,
// needed, rostered and gap the Erlang C model and the roster say.
// The sandbox's now is Tue 24 Nov 2026 10:30 UTC.
#include <algorithm>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace test_staffing {

namespace {

// bob has no shift of his own (allocation: always on; the forecast: the
// default policy's calendar, office); alice works the late shift.
constexpr const char* kShifts = R"toml(
[desk]
timezone = "UTC"

[calendars.office]
timezone = "UTC"
mon = ["09:00-17:00"]
tue = ["09:00-17:00"]
wed = ["09:00-17:00"]
thu = ["09:00-17:00"]
fri = ["09:00-17:00"]

[calendars.late]
timezone = "UTC"
mon = ["14:00-22:00"]
tue = ["14:00-22:00"]
wed = ["14:00-22:00"]
thu = ["14:00-22:00"]
fri = ["14:00-22:00"]

[teams.service-desk]
tier = 1
members = ["alice", "bob"]
strategy = "least-loaded"

[technicians.alice]
calendar = "late"
)toml";

// The hours section's row for one day, hour and (with --by) group.
Json hour_row(const Json& report, const std::string& day, const std::string& hour,
              const std::string& by = "", const std::string& group = "") {
  for (const auto& row : report["hours"])
    if (row["day"] == day && row["hour"] == hour && (by.empty() || row[by] == group)) return row;
  FAIL("no row for " << day << " " << hour << " " << group);
  return Json();
}

Json week_cell(const Json& report, const std::string& hour, const std::string& day) {
  for (const auto& row : report["week"])
    if (row["hour"] == hour) return row[day];
  FAIL("no week row " << hour);
  return Json();
}

// Four Mondays with four tickets between 09:00 and 10:00 by email, and four
// Wednesdays with one at 14:20 by phone; two of the Monday tickets resolved
// with 20 and 40 minutes worked.
void known_arrivals(Sandbox& s) {
  for (const char* day : {"2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"})
    for (const char* at : {"09:00", "09:15", "09:30", "09:59"})
      s.log("Monday", {"--channel", "email", "--at", std::string(day) + " " + at});
  for (const char* day : {"2026-10-28", "2026-11-04", "2026-11-11", "2026-11-18"})
    s.log("Wednesday", {"--channel", "phone", "--at", std::string(day) + " 14:20"});
}

Json staffing(Sandbox& s, std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"report", "staffing", "--weeks", "4", "--format", "json"};
  args.insert(args.end(), more.begin(), more.end());
  return s.ok(args).json();
}

}  // namespace

TEST_CASE("staffing: shifts keep allocation off a technician out of hours") {
  Sandbox s;
  s.configure(kShifts);
  s.log("a");
  s.log("b");
  // 10:30: alice's late shift starts at 14:00; bob has no shift, so is on.
  Json d = s.ok({"allocate", "--auto", "--format", "json"}).json();
  REQUIRE(d.size() == 2);
  CHECK(d[0]["assignee"] == "bob");
  CHECK(d[1]["assignee"] == "bob");
  Json w = s.ok({"report", "workload", "--format", "json"}).json();
  for (const auto& row : w["technicians"]) {
    CAPTURE(row.dump());
    CHECK(row["on_shift"] == (row["technician"] == "bob"));
  }
  // By hand, someone off shift may be given work for their next shift.
  s.log("c");
  s.ok({"allocate", "3", "--to", "alice"});

  // At 15:00 she is on, and the least loaded.
  s.now = "2026-11-24 15:00";
  s.log("d");
  d = s.ok({"allocate", "--auto", "--format", "json"}).json();
  REQUIRE(d.size() == 1);
  CHECK(d[0]["assignee"] == "alice");
}

TEST_CASE("staffing: a team's calendar is its members' shift unless theirs says otherwise") {
  Sandbox s;
  std::string toml = kShifts;
  toml.replace(toml.find("strategy = \"least-loaded\""), 25,
               "strategy = \"least-loaded\"\ncalendar = \"late\"");
  s.configure(toml);
  s.log("a");
  Json d = s.ok({"allocate", "--auto", "--format", "json"}).json();
  REQUIRE(d.size() == 1);
  CHECK(d[0]["assignee"].is_null());
  CHECK(d[0]["reason"] == "every member is away, off shift or at capacity");
  CHECK(s.ok({"config", "show"}).out.find("[teams.service-desk]\ncalendar = 'late'\n") !=
        std::string::npos);

  s.configure(std::string(kShifts) + "\n[technicians.bob]\ncalendar = \"nights\"\n");
  Result bad = s.run({"list"});
  CHECK(bad.status == 78);
  CHECK(bad.err.find("unknown calendar 'nights'") != std::string::npos);
}

TEST_CASE("staffing: known arrivals and handle times give the expected needed, rostered and gap") {
  Sandbox s;
  s.configure(kShifts);
  known_arrivals(s);

  // No time recorded and no handle time anywhere: refused, saying what to do.
  Result none = s.run({"report", "staffing", "--weeks", "4"});
  CHECK(none.status == 65);
  CHECK(none.err_line() ==
        "desk: no handle time: no ticket resolved in the last 4 weeks has time recorded");
  CHECK(none.err.find("--handle-time") != std::string::npos);

  s.ok(
      {"resolve", "13", "--code", "fixed", "-m", "x", "--time", "20m", "--at", "2026-11-23 12:00"});
  s.ok(
      {"resolve", "14", "--code", "fixed", "-m", "x", "--time", "40m", "--at", "2026-11-23 12:00"});
  Json r = staffing(s);
  CHECK(r["weeks"] == 4);
  CHECK(r["tickets_logged"] == 20);
  CHECK(r["handle_time_source"] == "time worked");
  CHECK(r["handle_time_seconds"] == 1800);
  CHECK(r["handle_time_tickets"] == 2);
  CHECK(r["target_pct"] == 80);
  CHECK(r["within_seconds"] == 3600);
  CHECK(r["shrinkage_pct"] == 30);
  CHECK(r["since"] == "2026-10-27T10:30:00+00:00");
  CHECK(r["until"] == "2026-11-24T10:30:00+00:00");
  REQUIRE(r["hours"].size() == 168);

  // Monday 09:00: 4 an hour × 30 minutes = 2 erlangs. Erlang C: 3 agents
  // answer 94% within the hour (2 answer none: no steady state); 3 / 0.7
  // rounds up to 5. Rostered next Monday 09:30: bob (office hours), not
  // alice (late shift).
  Json mon9 = hour_row(r, "mon", "09:00");
  CHECK(mon9["arrivals"] == 4.0);
  CHECK(mon9["handle_minutes"] == 30.0);
  CHECK(mon9["erlangs"] == 2.0);
  CHECK(mon9["agents"] == 3);
  CHECK(mon9["needed"] == 5);
  CHECK(mon9["rostered"] == 1);
  CHECK(mon9["gap"] == -4);
  // Wednesday 14:00: 0.5 erlangs; one agent answers 82% within the hour.
  Json wed14 = hour_row(r, "wed", "14:00");
  CHECK(wed14["arrivals"] == 1.0);
  CHECK(wed14["erlangs"] == 0.5);
  CHECK(wed14["agents"] == 1);
  CHECK(wed14["needed"] == 2);
  CHECK(wed14["rostered"] == 2);
  CHECK(wed14["gap"] == 0);
  // No tickets: nobody needed; alice alone in the evening.
  Json tue20 = hour_row(r, "tue", "20:00");
  CHECK(tue20["needed"] == 0);
  CHECK(tue20["rostered"] == 1);
  CHECK(tue20["gap"] == 1);

  CHECK(week_cell(r, "09:00", "mon") == -4);
  CHECK(week_cell(r, "14:00", "wed") == 0);
  CHECK(week_cell(r, "20:00", "tue") == 1);
  CHECK(week_cell(r, "03:00", "tue").is_null());

  Result table = s.ok({"report", "staffing", "--weeks", "4"});
  CHECK(table.out.find("Mondays 09–10 are short by 4; Tuesdays 09–22 carry 2 more than needed. "
                       "1 hour a week is short, by 4 technician-hours in all.") !=
        std::string::npos);
  CHECK(table.out.find("Handle time 30m, the mean time worked of 2 resolved tickets") !=
        std::string::npos);

  // bob away next Monday: nobody at 09:00.
  s.ok({"away", "bob", "--from", "2026-11-30", "--until", "2026-12-01"});
  r = staffing(s);
  CHECK(hour_row(r, "mon", "09:00")["rostered"] == 0);
  CHECK(hour_row(r, "tue", "09:00")["rostered"] == 1);

  // A rota tried: two more on Mondays 09:00-10:00, and the handle time given.
  r = staffing(s, {"--what-if", "+2 mon 09:00-10:00", "--what-if", "-1 alice weekdays 20:00-22:00",
                   "--handle-time", "15m", "--target", "90", "--within", "30m"});
  CHECK(r["handle_time_source"] == "option");
  CHECK(r["what_if"] == Json::array({"+2 mon 09:00-10:00", "-1 alice weekdays 20:00-22:00"}));
  mon9 = hour_row(r, "mon", "09:00");
  // 1 erlang: 2 agents answer 95% within half an hour; 2 / 0.7 rounds up to 3.
  CHECK(mon9["erlangs"] == 1.0);
  CHECK(mon9["agents"] == 2);
  CHECK(mon9["needed"] == 3);
  CHECK(mon9["rostered"] == 2);
  CHECK(hour_row(r, "thu", "21:00")["rostered"] == 0);
  CHECK(hour_row(r, "thu", "19:00")["rostered"] == 1);
}

TEST_CASE(
    "staffing: the handle time is of the tickets resolved as of --now, reopened later or not") {
  Sandbox s;
  s.configure(kShifts);
  known_arrivals(s);
  s.ok(
      {"resolve", "13", "--code", "fixed", "-m", "x", "--time", "20m", "--at", "2026-11-23 12:00"});
  s.ok(
      {"resolve", "14", "--code", "fixed", "-m", "x", "--time", "40m", "--at", "2026-11-23 12:00"});
  s.ok({"reopen", "14", "-m", "not fixed after all"});  // at 10:30

  // Now: only 13 is resolved.
  Json r = staffing(s);
  CHECK(r["handle_time_tickets"] == 1);
  CHECK(r["handle_time_seconds"] == 1200);

  // As of 09:00, before the reopening: both were, and the mean is theirs.
  s.now = "2026-11-24 09:00";
  r = staffing(s);
  CHECK(r["handle_time_tickets"] == 2);
  CHECK(r["handle_time_seconds"] == 1800);
}

TEST_CASE("staffing: by channel each channel is a queue, by team each team has its roster") {
  Sandbox s;
  s.configure(kShifts);
  known_arrivals(s);
  s.ok({"resolve", "1", "--code", "fixed", "-m", "x", "--time", "30m", "--at", "2026-11-02 12:00"});
  Json r = staffing(s, {"--by", "channel"});
  CHECK(r["by"] == "channel");
  Json email = hour_row(r, "mon", "09:00", "channel", "email");
  CHECK(email["arrivals"] == 4.0);
  CHECK(email["needed"] == 5);
  CHECK(email["rostered"].is_null());
  CHECK(email["gap"].is_null());
  // The phone channel has no time of its own: the overall mean.
  Json phone = hour_row(r, "wed", "14:00", "channel", "phone");
  CHECK(phone["handle_minutes"] == 30.0);
  CHECK(phone["needed"] == 2);
  REQUIRE(r["groups"].size() == 2);
  CHECK(r["groups"][0]["channel"] == "email");
  CHECK(r["groups"][0]["arrivals_per_week"] == 4.0);
  CHECK(r["groups"][0]["handle_tickets"] == 1);
  CHECK(r["groups"][1]["handle_tickets"].is_null());
  CHECK(week_cell(r, "09:00", "mon") == -4);

  r = staffing(s, {"--by", "team"});
  Json desk_team = hour_row(r, "mon", "09:00", "team", "service-desk");
  CHECK(desk_team["rostered"] == 1);
  CHECK(desk_team["gap"] == -4);

  Result bad = s.run({"report", "staffing", "--by", "category"});
  CHECK(bad.status == 2);
}

TEST_CASE("staffing: --trend scales the arrivals to next week's volume") {
  Sandbox s;
  s.configure(kShifts);
  // Weeks from Tuesday 10:30 holding 1, 2, 3 and 4 tickets: one on the
  // first Tuesday, then 2, 3 and 4 on Mondays at 09:00, a mean of 2.25 an
  // hour there. Next week's total on the line through 1, 2, 3, 4 is 5:
  // twice the mean.
  s.log("Tuesday", {"--at", "2026-10-27 12:00"});
  int n = 1;
  for (const char* day : {"2026-11-09", "2026-11-16", "2026-11-23"}) {
    ++n;
    for (int i = 0; i < n; ++i)
      s.log("Monday", {"--at", std::string(day) + " 09:" + std::to_string(10 + i)});
  }
  Json mean = staffing(s, {"--handle-time", "30m"});
  CHECK(mean["trend_factor"].is_null());
  CHECK(mean["observed_since"] == mean["since"]);
  CHECK(hour_row(mean, "mon", "09:00")["arrivals"] == 2.25);
  Json trend = staffing(s, {"--handle-time", "30m", "--trend"});
  CHECK(trend["trend_factor"] == 2.0);
  CHECK(hour_row(trend, "mon", "09:00")["arrivals"] == 4.5);
  CHECK(hour_row(trend, "mon", "09:00")["erlangs"] == 2.25);
}

TEST_CASE("staffing: a desk younger than the weeks is observed from its first day") {
  Sandbox s;
  s.configure(kShifts);
  for (const char* at : {"09:00", "09:15", "09:30", "09:45"})
    s.log("Monday", {"--at", std::string("2026-11-23 ") + at});
  Json r = staffing(s, {"--handle-time", "30m"});
  CHECK(r["since"] == "2026-10-27T10:30:00+00:00");
  CHECK(r["observed_since"] == "2026-11-23T00:00:00+00:00");
  // One Monday seen, not four: 4 an hour.
  CHECK(hour_row(r, "mon", "09:00")["arrivals"] == 4.0);
  CHECK(
      s.ok({"report", "staffing", "--weeks", "4", "--handle-time", "30m"})
          .out.find("The first ticket came on 2026-11-23: the rates are over the 2 days since.") !=
      std::string::npos);
}

TEST_CASE("staffing: bad options are usage errors and the HTML draws the week") {
  Sandbox s;
  s.configure(kShifts);
  for (const char* change : {"1 alice tue 09:00-13:00", "+1 alice someday 09:00-13:00",
                             "+1 alice tue 13:00-09:00", "+0 tue 09:00-10:00", "+1"}) {
    CAPTURE(change);
    Result r = s.run({"report", "staffing", "--what-if", change});
    CHECK(r.status == 2);
    CHECK(r.err_line().rfind("desk: --what-if '", 0) == 0);
  }
  CHECK(s.run({"report", "staffing", "--weeks", "0"}).status == 2);
  CHECK(s.run({"report", "staffing", "--target", "100"}).status == 2);
  CHECK(s.run({"report", "staffing", "--within", "soon"}).status == 2);
  CHECK(s.run({"report", "staffing", "--since", "2026-11-01"}).status == 2);

  s.write("rota.txt", "# next week's rota\n+1 bob sat 10:00-14:00\n\n-1 mon-fri 12:00-13:00\n");
  Json r = s.ok({"report", "staffing", "--what-if", "@rota.txt", "--format", "json"}).json();
  CHECK(r["what_if"].size() == 2);
  CHECK(r["tickets_logged"] == 0);
  CHECK(r["handle_time_source"].is_null());
  CHECK(hour_row(r, "sat", "11:00")["rostered"] == 1);
  s.write("bad-rota.txt", "+1 bob sat 10:00-14:00\nevery day\n");
  Result bad = s.run({"report", "staffing", "--what-if", "@bad-rota.txt"});
  CHECK(bad.status == 2);
  CHECK(bad.err_line().rfind("desk: bad-rota.txt:2: --what-if 'every day'", 0) == 0);

  std::string html = s.ok({"report", "staffing", "--format", "html", "--handle-time", "20m"}).out;
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find(">below 0</text>") != std::string::npos);
  CHECK(html.find(">MON</text>") != std::string::npos);
  std::string csv =
      s.ok({"report", "staffing", "--format", "csv", "--section", "hours", "--handle-time", "20m"})
          .out;
  CHECK(csv.substr(0, csv.find('\n')) ==
        "day,hour,arrivals,handle_minutes,erlangs,agents,needed,rostered,gap");
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 169);
}

}  // namespace test_staffing
