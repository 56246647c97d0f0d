// desk report performance on a small fixed store whose every figure is worked
// out by hand. Teams of fixtures.hpp; the starter's standard policy on the
// office calendar, Mon-Fri 09:00-17:00 UTC; nearest-rank percentiles (the
// smallest time with at least 50% / 90% of the times at or below it).
// Period Mon 23 - Sat 28 Nov 2026, --now Fri 27 17:00.
//
//   T1 P2 phone hardware  Mon 09:00, alice; reply 09:30 (30m); resolved 12:00 (180m)
//      service-desk (tier 1), one technician, never escalated or reopened: FCR
//   T2 P2 email software  Mon 10:00, alice; reply 11:30 (90m); to bob Tue 09:00;
//      resolved Tue 10:00 (Mon 10-17 420m + Tue 60m = 480m): reassigned, not FCR
//   T3 P1 phone network   Tue 09:00, bob; reply 09:10 (10m); escalated up 10:00 to
//      second-line, erin 10:30; resolved 15:00 (360m): escalated, not FCR
//   T4 P3 chat  hardware  Wed 09:00, alice; reply 10:00 (60m); resolved 11:00,
//      reopened 12:00, resolved 14:00 (the resolved hour is a pause: 240m):
//      reopened, not FCR
//   T5 P3 email (none)    Thu 09:00, nobody; no reply: both clocks still run
//   T6                    Fri 20 09:00: before the period, counts nowhere
//
// All: 5 tickets, 4 resolved, FCR 1 (T1) = 25.0%, escalated 1 of 5 = 20.0%,
// reopened 1 of 4 = 25.0%. Response times 10, 30, 60, 90: median 30 (rank 2),
// p90 90 (rank 4). Resolution times 180, 240, 360, 480: median 240, p90 480.
// Teams (who held it when resolved; T5 none):
//   service-desk T1 T2 T4: response 30 60 90 -> 60 / 90; resolve 180 240 480
//     -> 240 / 480; FCR 1 of 3 = 33.3%, escalated 0.0%, reopened 1 of 3 = 33.3%
//   second-line  T3: 10 / 10, 360 / 360; FCR 0.0%, escalated 100.0%, reopened 0.0%
//   (none)       T5: no times; nothing resolved: FCR and reopen null; escalated 0.0%
// Technicians: alice T1 T4 (response 30 60 -> 30 / 60; resolve 180 240 -> 180 /
// 240; FCR 50.0%, reopened 50.0%), bob T2, erin T3, (none) T5.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"
#include "report_checks.hpp"

using namespace e2e;

namespace test_report_performance {

namespace {

void fixed_store(Sandbox& s) {
  s.configure(kTeams);
  s.now = "2026-11-27T17:00:00Z";
  s.log("T1", {"--priority", "P2", "--channel", "phone", "--category", "hardware", "--at",
               "2026-11-23 09:00"});
  s.ok({"allocate", "1", "--to", "alice", "--at", "2026-11-23 09:05"});
  s.ok({"note", "1", "--reply", "-m", "r", "--at", "2026-11-23 09:30"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "x", "--at", "2026-11-23 12:00"});
  s.log("T2", {"--priority", "P2", "--channel", "email", "--category", "software", "--at",
               "2026-11-23 10:00"});
  s.ok({"allocate", "2", "--to", "alice", "--at", "2026-11-23 10:05"});
  s.ok({"note", "2", "--reply", "-m", "r", "--at", "2026-11-23 11:30"});
  s.ok({"allocate", "2", "--to", "bob", "--at", "2026-11-24 09:00"});
  s.ok({"resolve", "2", "--code", "fixed", "-m", "x", "--at", "2026-11-24 10:00"});
  s.log("T3", {"--priority", "P1", "--channel", "phone", "--category", "network", "--at",
               "2026-11-24 09:00"});
  s.ok({"allocate", "3", "--to", "bob", "--at", "2026-11-24 09:05"});
  s.ok({"note", "3", "--reply", "-m", "r", "--at", "2026-11-24 09:10"});
  s.ok({"escalate", "3", "--up", "-m", "needs second line", "--at", "2026-11-24 10:00"});
  s.ok({"allocate", "3", "--to", "erin", "--at", "2026-11-24 10:30"});
  s.ok({"resolve", "3", "--code", "fixed", "-m", "x", "--at", "2026-11-24 15:00"});
  s.log("T4", {"--priority", "P3", "--channel", "chat", "--category", "hardware", "--at",
               "2026-11-25 09:00"});
  s.ok({"allocate", "4", "--to", "alice", "--at", "2026-11-25 09:05"});
  s.ok({"note", "4", "--reply", "-m", "r", "--at", "2026-11-25 10:00"});
  s.ok({"resolve", "4", "--code", "fixed", "-m", "x", "--at", "2026-11-25 11:00"});
  s.ok({"reopen", "4", "-m", "back again", "--at", "2026-11-25 12:00"});
  s.ok({"resolve", "4", "--code", "fixed", "-m", "x", "--at", "2026-11-25 14:00"});
  s.log("T5", {"--priority", "P3", "--channel", "email", "--at", "2026-11-26 09:00"});
  s.log("T6", {"--priority", "P3", "--channel", "email", "--at", "2026-11-20 09:00"});
}

const std::vector<std::string> kArgs = {"report",     "performance", "--since",
                                        "2026-11-23", "--until",     "2026-11-28"};

// One row of figures; Json() (null) where a figure is undefined.
Json row(const char* group, int tickets, int resolved, Json resp_median, Json resp_p90,
         Json res_median, Json res_p90, int fcr, Json fcr_pct, int escalated, Json esc_pct,
         int reopened, Json reopen_pct) {
  return {{"group", group},
          {"tickets", tickets},
          {"resolved", resolved},
          {"response_median_minutes", resp_median},
          {"response_p90_minutes", resp_p90},
          {"resolve_median_minutes", res_median},
          {"resolve_p90_minutes", res_p90},
          {"fcr", fcr},
          {"fcr_pct", fcr_pct},
          {"escalated", escalated},
          {"escalation_pct", esc_pct},
          {"reopened", reopened},
          {"reopen_pct", reopen_pct}};
}

const Json null;

std::vector<std::string> with(std::vector<std::string> more) {
  std::vector<std::string> args = kArgs;
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

}  // namespace

TEST_CASE("report performance: every figure by team, technician, category and channel") {
  Sandbox s;
  fixed_store(s);
  Json r = s.ok(with({"--format", "json"})).json();
  CHECK(r["report"] == "performance");
  CHECK(r["since"] == "2026-11-23T00:00:00+00:00");
  CHECK(r["now"] == "2026-11-27T17:00:00+00:00");
  CHECK(r["by"].is_null());
  CHECK(r["summary"] ==
        Json::array({row("all", 5, 4, 30, 90, 240, 480, 1, 25.0, 1, 20.0, 1, 25.0)}));
  CHECK(r["teams"] == Json::array({
                          row("second-line", 1, 1, 10, 10, 360, 360, 0, 0.0, 1, 100.0, 0, 0.0),
                          row("service-desk", 3, 3, 60, 90, 240, 480, 1, 33.3, 0, 0.0, 1, 33.3),
                          row("(none)", 1, 0, null, null, null, null, 0, null, 0, 0.0, 0, null),
                      }));
  CHECK(r["technicians"] ==
        Json::array({
            row("alice", 2, 2, 30, 60, 180, 240, 1, 50.0, 0, 0.0, 1, 50.0),
            row("bob", 1, 1, 90, 90, 480, 480, 0, 0.0, 0, 0.0, 0, 0.0),
            row("erin", 1, 1, 10, 10, 360, 360, 0, 0.0, 1, 100.0, 0, 0.0),
            row("(none)", 1, 0, null, null, null, null, 0, null, 0, 0.0, 0, null),
        }));
  CHECK(r["categories"] ==
        Json::array({
            row("hardware", 2, 2, 30, 60, 180, 240, 1, 50.0, 0, 0.0, 1, 50.0),
            row("network", 1, 1, 10, 10, 360, 360, 0, 0.0, 1, 100.0, 0, 0.0),
            row("software", 1, 1, 90, 90, 480, 480, 0, 0.0, 0, 0.0, 0, 0.0),
            row("(none)", 1, 0, null, null, null, null, 0, null, 0, 0.0, 0, null),
        }));
  // Channels: phone T1 T3 (response 10 30, resolve 180 360), email T2 T5
  // (only T2 has times), chat T4.
  CHECK(r["channels"] == Json::array({
                             row("chat", 1, 1, 60, 60, 240, 240, 0, 0.0, 0, 0.0, 1, 100.0),
                             row("email", 2, 1, 90, 90, 480, 480, 0, 0.0, 0, 0.0, 0, 0.0),
                             row("phone", 2, 2, 10, 30, 180, 360, 1, 50.0, 1, 50.0, 0, 0.0),
                         }));
}

TEST_CASE("report performance: --by priority, and figures as known at an earlier --now") {
  Sandbox s;
  fixed_store(s);
  Json r = s.ok(with({"--by", "priority", "--format", "json"})).json();
  CHECK(r["by"] == "priority");
  // P1 T3; P2 T1 T2 (response 30 90, resolve 180 480); P3 T4 T5.
  CHECK(r["groups"] == Json::array({
                           row("P1", 1, 1, 10, 10, 360, 360, 0, 0.0, 1, 100.0, 0, 0.0),
                           row("P2", 2, 2, 30, 90, 180, 480, 1, 50.0, 0, 0.0, 0, 0.0),
                           row("P3", 2, 1, 60, 60, 240, 240, 0, 0.0, 0, 0.0, 1, 100.0),
                       }));
  // Wed 25 at 11:30 T4 is resolved once (120m, not yet reopened: FCR), T5 is
  // not logged: 4 tickets, all resolved, FCR T1 and T4 = 50.0%, no reopen.
  s.now = "2026-11-25T11:30:00Z";
  Json early = s.ok(with({"--format", "json"})).json();
  CHECK(early["summary"] ==
        Json::array({row("all", 4, 4, 30, 90, 180, 480, 2, 50.0, 1, 25.0, 0, 0.0)}));
}

TEST_CASE("report performance: every format, byte-identical twice, valid HTML") {
  Sandbox s;
  fixed_store(s);
  auto outs = check_every_format(s, kArgs);
  const std::string& table = outs[0];
  CHECK(table.rfind("Performance\n", 0) == 0);
  CHECK(table.find("5 tickets logged, 4 resolved; first-contact resolution 25.0%, escalated "
                   "20.0%, reopened 25.0%.") != std::string::npos);
  CHECK(table.find("service-desk        3         3           1h    1h 30m          4h       1d"
                   "    1   33.3          0    0.0         1      33.3\n") != std::string::npos);
  CHECK(outs[2].rfind("group,tickets,resolved,response_median_minutes,response_p90_minutes,"
                      "resolve_median_minutes,resolve_p90_minutes,fcr,fcr_pct,escalated,"
                      "escalation_pct,reopened,reopen_pct\nall,5,4,30,90,240,480,1,25.0,1,20.0,"
                      "1,25.0\n",
                      0) == 0);
  CHECK(s.ok(with({"--format", "csv", "--section", "channels"}))
            .out.find("\nphone,2,2,10,30,180,360,1,50.0,1,50.0,0,0.0\n") != std::string::npos);
  CHECK(outs[4].find("| all | 5 | 4 | 30m | 1h 30m | 4h | 1d | 1 | 25.0 | 1 | 20.0 | 1 | 25.0 |") !=
        std::string::npos);
  CHECK(outs[5].rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(outs[5].find("<td>second-line</td><td class=\"n\">1</td>") != std::string::npos);
}

}  // namespace test_report_performance
