// Time worked (issue 19): --time on the commands that are work, desk time
// to list and add, corrections, desk report time, import.
//
// The report's store (--now Fri 27 Nov 2026 12:00 UTC, period 23-28 Nov):
//   T1 hardware P3: alice note 25m (Mon 23), resolve 10m (Tue 24)  → resolved, 35m
//   T2 hardware P3: bob note 1h (Tue 24); resolved Wed 25, no more  → resolved, 1h
//   T3 software P2: resolved Wed 25 with no time                    → resolved, none
//   T4 software P2: alice --add 2h (Thu 26), bob --add=-30m (Thu 26) → open, 1h30m
//   T5 hardware P3: alice note 40m (Fri 20, before the period)      → open, 40m
// Time worked in the period: alice 25+10+120 = 155 min (3 entries, T1 T4),
// bob 60-30 = 30 min (2 entries, T2 T4): 185 min on 3 tickets, 5 entries.
// Shares: alice 155/185 = 83.8%, bob 16.2%.
// Handle time (resolved in the period): hardware P3: T1 35m, T2 60m → mean
// 47.5 min (47 min 30 s), 95 min; software P2: T3 without time.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"

using namespace e2e;

namespace test_time {

namespace {

void as(Sandbox& s, const std::string& who, std::vector<std::string> args) {
  args.insert(args.begin(), {"--as", who});
  s.ok(args);
}

}  // namespace

TEST_CASE("time: --time goes on the first event of each ticket, and desk time lists it") {
  Sandbox s;
  s.log("Printer jams");
  s.log("VPN drops");
  Result noted = s.ok({"note", "1", "-m", "Cleared tray 2", "--time", "25m"});
  CHECK(noted.out == "Noted on ticket 1\n");
  // Two tickets, one command: each ticket gets the time, once.
  s.ok({"resolve", "1", "2", "--code", "fixed", "-m", "Done", "--time", "1h5m"});
  Result one = s.ok({"time", "1", "--format", "json"});
  Json j = one.json();
  CHECK(j["ticket"] == 1);
  CHECK(j["worked_seconds"] == 25 * 60 + 65 * 60);
  CHECK(j["worked"] == "1h 30m");
  REQUIRE(j["entries"].size() == 2);
  CHECK(j["entries"][0]["kind"] == "note");
  CHECK(j["entries"][0]["worked_seconds"] == 1500);
  CHECK(j["entries"][0]["actor"] == "tester");
  CHECK(j["entries"][0]["text"] == "Cleared tray 2");
  CHECK(j["entries"][1]["kind"] == "resolved");
  CHECK(j["entries"][1]["worked_seconds"] == 3900);
  CHECK(s.ok({"time", "2", "-q"}).out == "3900\n");

  Result table = s.ok({"time", "1"});
  CHECK(table.out.find("25m") != std::string::npos);
  CHECK(table.out.find("Cleared tray 2") != std::string::npos);
  CHECK(table.out.find("1h 30m worked on ticket 1 in 2 entries\n") != std::string::npos);

  // show: the total among the fields, each entry in the history.
  Result shown = s.ok({"show", "1"});
  CHECK(shown.out.find("time worked   1h 30m\n") != std::string::npos);
  CHECK(shown.out.find("worked 25m") != std::string::npos);
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["worked_seconds"] == 5400);
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["events"][1]["worked_seconds"] == 1500);
}

TEST_CASE("time: a ticket with no time says so, and null is not zero") {
  Sandbox s;
  s.log("Printer jams");
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["worked_seconds"].is_null());
  CHECK(s.ok({"show", "1"}).out.find("time worked") == std::string::npos);
  Result j = s.ok({"time", "1", "--format", "json"});
  CHECK(j.json()["entries"].empty());
  CHECK(j.json()["worked_seconds"] == 0);
  CHECK(s.ok({"time", "1"}).out.find("0m worked on ticket 1 in 0 entries") != std::string::npos);
}

TEST_CASE("time: --add records time on its own, and a correction cannot go below none") {
  Sandbox s;
  s.log("Printer jams");
  Result added = s.ok({"time", "1", "--add", "1h30m", "-m", "Remote session"});
  CHECK(added.out == "Recorded 1h 30m worked on ticket 1\n");
  Result corrected = s.ok({"time", "1", "--add=-15m", "-m", "Counted twice"});
  CHECK(corrected.out == "Recorded -15m worked on ticket 1\n");
  CHECK(s.ok({"time", "1", "-q"}).out == "4500\n");
  std::string before = s.dump_store();
  Result below = s.run({"time", "1", "--add=-2h"});
  CHECK(below.status == 1);
  CHECK(below.err_line() ==
        "desk: ticket 1 has 1h 15m of time worked; -2h would leave less than none");
  CHECK(s.dump_store() == before);
  Result hist = s.ok({"show", "1"});
  CHECK(hist.out.find("worked      worked 1h 30m") != std::string::npos);
  CHECK(hist.out.find("Remote session") != std::string::npos);
}

TEST_CASE("time: a time without a unit, of nothing or of more than a day is refused") {
  Sandbox s;
  s.log("Printer jams");
  std::string before = s.dump_store();
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{"note", "1", "-m", "x", "--time", "25"}, "desk: --time '25' has no unit"},
      {{"note", "1", "-m", "x", "--time", "0m"}, "desk: --time is zero"},
      {{"note", "1", "-m", "x", "--time", "25h"}, "desk: --time '25h' is more than a day"},
      {{"note", "1", "-m", "x", "--time", "soon"}, "desk: invalid --time 'soon'"},
      {{"note", "1", "-m", "x", "--time=-5m"}, "desk: invalid --time '-5m'"},
      {{"time", "1", "--add", "90"}, "desk: --add '90' has no unit"},
      {{"time", "1", "-m", "x"}, "desk: -m and --at go with --add"},
  };
  for (const auto& [args, message] : cases) {
    CAPTURE(args.back());
    Result r = s.run(args);
    CHECK(r.status == 2);
    CHECK(r.err_line() == message);
  }
  CHECK(s.dump_store() == before);
  // Commands that are not work on a ticket do not take it.
  CHECK(s.run({"list", "--time", "5m"}).status == 2);
}

TEST_CASE("time: report time sums by technician and field, and handle time apart") {
  Sandbox s;
  s.now = "2026-11-27T12:00:00Z";
  s.log("T1", {"--category", "hardware", "--priority", "P3", "--at", "2026-11-23 09:00"});
  as(s, "alice", {"note", "1", "-m", "a", "--time", "25m", "--at", "2026-11-23 10:00"});
  as(s, "alice",
     {"resolve", "1", "--code", "fixed", "-m", "x", "--time", "10m", "--at", "2026-11-24 10:00"});
  s.log("T2", {"--category", "hardware", "--priority", "P3", "--at", "2026-11-23 09:00"});
  as(s, "bob", {"note", "2", "-m", "b", "--time", "1h", "--at", "2026-11-24 11:00"});
  as(s, "bob", {"resolve", "2", "--code", "fixed", "-m", "x", "--at", "2026-11-25 10:00"});
  s.log("T3", {"--category", "software", "--priority", "P2", "--at", "2026-11-23 09:00"});
  as(s, "bob", {"resolve", "3", "--code", "fixed", "-m", "x", "--at", "2026-11-25 11:00"});
  s.log("T4", {"--category", "software", "--priority", "P2", "--at", "2026-11-23 09:00"});
  as(s, "alice", {"time", "4", "--add", "2h", "--at", "2026-11-26 09:00"});
  as(s, "bob", {"time", "4", "--add=-30m", "--at", "2026-11-26 10:00"});
  s.log("T5", {"--category", "hardware", "--priority", "P3", "--at", "2026-11-20 09:00"});
  as(s, "alice", {"note", "5", "-m", "e", "--time", "40m", "--at", "2026-11-20 10:00"});

  std::vector<std::string> period = {"--since", "2026-11-23", "--until", "2026-11-28"};
  std::vector<std::string> args = {"report", "time", "--format", "json"};
  args.insert(args.end(), period.begin(), period.end());
  Json r = s.ok(args).json();
  const Json& time = r["time"];
  REQUIRE(time.size() == 2);
  CHECK(time[0]["technician"] == "alice");
  CHECK(time[0]["worked_minutes"] == 155);
  CHECK(time[0]["entries"] == 3);
  CHECK(time[0]["tickets"] == 2);
  CHECK(time[0]["share_pct"] == 83.8);
  CHECK(time[1]["technician"] == "bob");
  CHECK(time[1]["worked_minutes"] == 30);
  CHECK(time[1]["share_pct"] == 16.2);
  CHECK(r["by"] == "technician");

  const Json& handle = r["handle_time"];
  REQUIRE(handle.size() == 2);
  CHECK(handle[0]["category"] == "hardware");
  CHECK(handle[0]["priority"] == "P3");
  CHECK(handle[0]["tickets"] == 2);
  CHECK(handle[0]["mean_seconds"] == 2850);
  CHECK(handle[0]["mean_minutes"] == 48);
  CHECK(handle[0]["worked_minutes"] == 95);
  CHECK(handle[0]["without_time"] == 0);
  CHECK(handle[1]["category"] == "software");
  CHECK(handle[1]["tickets"] == 0);
  CHECK(handle[1]["mean_minutes"].is_null());
  CHECK(handle[1]["without_time"] == 1);

  // By a field of the ticket: T1 and T2 are hardware (35 + 60), T4 software.
  args.insert(args.end(), {"--by", "category"});
  Json by = s.ok(args).json()["time"];
  REQUIRE(by.size() == 2);
  CHECK(by[0]["category"] == "hardware");
  CHECK(by[0]["worked_minutes"] == 95);
  CHECK(by[1]["category"] == "software");
  CHECK(by[1]["worked_minutes"] == 90);
  CHECK(s.run({"report", "time", "--by", "colour"}).status == 65);

  // The table says what the figures add up to, and what is left out.
  std::vector<std::string> table = {"report", "time"};
  table.insert(table.end(), period.begin(), period.end());
  Result text = s.ok(table);
  CHECK(text.out.find("3h 5m worked on 3 tickets by 2 technicians, in 5 entries.") !=
        std::string::npos);
  CHECK(text.out.find("3 tickets resolved in the period: 2 with time recorded, 1 without (left "
                      "out of the means).") != std::string::npos);
}

TEST_CASE("time: another tool's export brings its time worked, in minutes or a duration") {
  Sandbox s;
  s.write("rt.csv",
          "title,created_at,status,resolved_at,resolution_code,time_worked\n"
          "Printer,2026-11-20 09:00,resolved,2026-11-20 11:00,fixed,90\n"
          "VPN,2026-11-21 09:00,new,,,1h15m\n"
          "Mouse,2026-11-22 09:00,new,,,\n");
  s.ok({"import", "rt.csv"});
  CHECK(s.ok({"time", "1", "-q"}).out == "5400\n");
  Json one = s.ok({"time", "1", "--format", "json"}).json();
  CHECK(one["entries"][0]["kind"] == "worked");
  CHECK(one["entries"][0]["at"] == "2026-11-20T11:00:00+00:00");
  CHECK(s.ok({"time", "2", "-q"}).out == "4500\n");
  CHECK(s.ok({"show", "3", "--format", "json"}).json()["worked_seconds"].is_null());

  // desk's own export carries it in the events, and brings it back.
  Sandbox t;
  t.write("all.jsonl", s.ok({"export"}).out);
  t.ok({"import", "all.jsonl"});
  CHECK(t.ok({"time", "1", "-q"}).out == "5400\n");

  s.write("bad.csv", "title,time_worked\nPrinter,soon\n");
  Result bad = s.run({"import", "bad.csv"});
  CHECK(bad.status == 65);
  CHECK(bad.err.find("'time_worked' 'soon' is not a time worked") != std::string::npos);
}

}  // namespace test_time
