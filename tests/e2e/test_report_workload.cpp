// desk report workload on a small fixed store whose every figure is worked out
// by hand. Teams of fixtures.hpp: service-desk alice (capacity 2), bob (2),
// carol (away); second-line erin, frank; third-line grace, heidi (the default
// capacity, 10). A team's capacity is its members' who are not away:
// service-desk 4, second-line 20, third-line 20.
// Period Mon 23 - Sat 28 Nov 2026, --now Fri 27 12:00 UTC.
//
//   W1 Mon 23 09:00, alice 09:05                       open, assigned
//   W2 Tue 24 09:00, alice 09:05, pending 10:00        open, pending
//   W3 Wed 25 09:00, alice 09:05 (--force: past her capacity)  open
//   W4 Fri 20 09:00, bob Fri 20 09:05 (before the period), resolved Tue 24 10:00
//   W5 Mon 23 10:00, bob 10:05, escalated up 11:00 to second-line, erin 11:30: open
//   W6 Thu 26 09:00, nobody, no team                   open, in no team's queue
//   W7 Thu 26 10:00, bob 10:05, resolved Sat 28 (after --now): open at --now
//
// Technicians (allocated: made the assignee in the period; resolved: resolve
// events in the period, for who held the ticket):
//   alice  open 3 (W1-W3), pending 1, allocated 3, resolved 0; 3 of 2 = 150.0%,
//          room -1: overloaded
//   bob    open 1 (W7), allocated 2 (W5, W7), resolved 1 (W4); 50.0%, room 1
//   erin   open 1 (W5), allocated 1; 10.0%, room 9
//   frank, grace, heidi: nothing; 0.0%, room 10
//   carol  away: nothing, state away
// Most loaded first: alice, bob, erin, then the 0.0% by name.
// Teams (allocated: moved into the team in the period):
//   service-desk open 4 (W1-W3, W7), pending 1, unassigned 0, allocated 5 (W1,
//                W2, W3, W5, W7), resolved 1 (W4); 4 of 4 = 100.0%, room 0: full
//   second-line  open 1, allocated 1 (W5's escalation), 1 of 20 = 5.0%, room 19
//   third-line   nothing, 0.0%, room 20
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"
#include "report_checks.hpp"

using namespace e2e;

namespace test_report_workload {

namespace {

void fixed_store(Sandbox& s) {
  s.configure(kTeams);
  s.now = "2026-11-28T12:00:00Z";
  s.log("W1", {"--at", "2026-11-23 09:00"});
  s.ok({"allocate", "1", "--to", "alice", "--at", "2026-11-23 09:05"});
  s.log("W2", {"--at", "2026-11-24 09:00"});
  s.ok({"allocate", "2", "--to", "alice", "--at", "2026-11-24 09:05"});
  s.ok({"pending", "2", "--on", "customer", "--at", "2026-11-24 10:00"});
  s.log("W3", {"--at", "2026-11-25 09:00"});
  // alice is at capacity (W1, W2): allocating past it takes --force.
  CHECK(s.run({"allocate", "3", "--to", "alice", "--at", "2026-11-25 09:05"}).status == 1);
  s.ok({"allocate", "3", "--to", "alice", "--force", "--at", "2026-11-25 09:05"});
  s.log("W4", {"--at", "2026-11-20 09:00"});
  s.ok({"allocate", "4", "--to", "bob", "--at", "2026-11-20 09:05"});
  s.ok({"resolve", "4", "--code", "fixed", "-m", "x", "--at", "2026-11-24 10:00"});
  s.log("W5", {"--at", "2026-11-23 10:00"});
  s.ok({"allocate", "5", "--to", "bob", "--at", "2026-11-23 10:05"});
  s.ok({"escalate", "5", "--up", "-m", "needs second line", "--at", "2026-11-23 11:00"});
  s.ok({"allocate", "5", "--to", "erin", "--at", "2026-11-23 11:30"});
  s.log("W6", {"--at", "2026-11-26 09:00"});
  s.log("W7", {"--at", "2026-11-26 10:00"});
  s.ok({"allocate", "7", "--to", "bob", "--at", "2026-11-26 10:05"});
  s.ok({"resolve", "7", "--code", "fixed", "-m", "x", "--at", "2026-11-28 09:00"});
  s.now = "2026-11-27T12:00:00Z";
}

const std::vector<std::string> kArgs = {"report",     "workload", "--since",
                                        "2026-11-23", "--until",  "2026-11-28"};

Json tech(const char* name, const char* team, int open, int pending, int allocated, int resolved,
          int capacity, double load_pct, int room, const char* state) {
  return {{"technician", name},     {"teams", Json::array({team})},
          {"open", open},           {"pending", pending},
          {"allocated", allocated}, {"resolved", resolved},
          {"capacity", capacity},   {"load_pct", load_pct},
          {"room", room},           {"state", state},
          {"on_shift", true},       {"back_at", nullptr}};
}

Json team(const char* name, int tier, int open, int unassigned, int pending, int allocated,
          int resolved, int capacity, double load_pct, int room, const char* state) {
  return {{"team", name},         {"tier", tier},
          {"open", open},         {"unassigned", unassigned},
          {"pending", pending},   {"allocated", allocated},
          {"resolved", resolved}, {"capacity", capacity},
          {"load_pct", load_pct}, {"room", room},
          {"state", state}};
}

std::vector<std::string> with(std::vector<std::string> more) {
  std::vector<std::string> args = kArgs;
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

}  // namespace

TEST_CASE("report workload: every figure per technician and team, in JSON") {
  Sandbox s;
  fixed_store(s);
  Json r = s.ok(with({"--format", "json"})).json();
  CHECK(r["report"] == "workload");
  CHECK(r["now"] == "2026-11-27T12:00:00+00:00");
  CHECK(r["technicians"] ==
        Json::array({
            tech("alice", "service-desk", 3, 1, 3, 0, 2, 150.0, -1, "overloaded"),
            tech("bob", "service-desk", 1, 0, 2, 1, 2, 50.0, 1, "has room"),
            tech("erin", "second-line", 1, 0, 1, 0, 10, 10.0, 9, "has room"),
            tech("carol", "service-desk", 0, 0, 0, 0, 10, 0.0, 10, "away"),
            tech("frank", "second-line", 0, 0, 0, 0, 10, 0.0, 10, "has room"),
            tech("grace", "third-line", 0, 0, 0, 0, 10, 0.0, 10, "has room"),
            tech("heidi", "third-line", 0, 0, 0, 0, 10, 0.0, 10, "has room"),
        }));
  CHECK(r["teams"] == Json::array({
                          team("service-desk", 1, 4, 0, 1, 5, 1, 4, 100.0, 0, "full"),
                          team("second-line", 2, 1, 0, 0, 1, 0, 20, 5.0, 19, "has room"),
                          team("third-line", 3, 0, 0, 0, 0, 0, 20, 0.0, 20, "has room"),
                      }));
}

TEST_CASE("report workload: a ticket escalated to a team with nobody on it is unassigned") {
  Sandbox s;
  fixed_store(s);
  // W6 escalated to second-line on Thu 26 11:00, and left there.
  s.ok({"escalate", "6", "--to", "second-line", "-m", "second line please", "--at",
        "2026-11-26 11:00"});
  Json r = s.ok(with({"--format", "json"})).json();
  CHECK(r["teams"][1] == team("second-line", 2, 2, 1, 0, 2, 0, 20, 10.0, 18, "has room"));
  // Open is what each holds at --now, whatever the period: over the week
  // before, bob still holds W7, was allocated W4 (Fri 20) and resolved
  // nothing.
  Json before = s.ok({"report", "workload", "--since", "2026-11-16", "--until", "2026-11-23",
                      "--format", "json"})
                    .json();
  CHECK(before["technicians"][1] ==
        tech("bob", "service-desk", 1, 0, 1, 0, 2, 50.0, 1, "has room"));
}

TEST_CASE("report workload: every format, byte-identical twice, valid HTML with a chart") {
  Sandbox s;
  fixed_store(s);
  auto outs = check_every_format(s, kArgs);
  const std::string& table = outs[0];
  CHECK(table.rfind("Workload\n", 0) == 0);
  CHECK(table.find("Overloaded: alice. Room: bob, erin, frank, grace, heidi.") !=
        std::string::npos);
  CHECK(table.find("alice       service-desk     3        1          3         0         2   150.0"
                   "    -1  overloaded  yes\n") != std::string::npos);
  CHECK(outs[2].rfind("technician,teams,open,pending,allocated,resolved,capacity,load_pct,room,"
                      "state,on_shift,back_at\nalice,service-desk,3,1,3,0,2,150.0,-1,overloaded,"
                      "yes,\n",
                      0) == 0);
  CHECK(s.ok(with({"--format", "csv", "--section", "teams"}))
            .out.find("\nservice-desk,1,4,0,1,5,1,4,100.0,0,full\n") != std::string::npos);
  CHECK(outs[4].find("| carol | service-desk | 0 | 0 | 0 | 0 | 10 | 0.0 | 10 | away |") !=
        std::string::npos);
  CHECK(outs[5].find("<svg") != std::string::npos);
  CHECK(outs[5].find("<td>alice</td>") != std::string::npos);
  CHECK(s.run(with({"--by", "team"})).status == 2);  // workload has its own groupings
}

}  // namespace test_report_workload
