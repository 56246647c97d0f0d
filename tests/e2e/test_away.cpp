// Absences (issue 19): desk away records them in the store, allocation
// never gives work to someone away, the workload report says who is back
// when, and a wrong absence is cancelled, never edited.
// kTeams: service-desk alice (capacity 2), bob (2), carol (away = true in
// desk.toml). The sandbox's now is Tue 24 Nov 2026 10:30 UTC.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"

using namespace e2e;

namespace test_away {

namespace {

Json allocated(const Sandbox& s) {
  return s.ok({"allocate", "--auto", "--format", "json"}).json();
}

}  // namespace

TEST_CASE("away: an absence is recorded, listed, and keeps allocation off the technician") {
  Sandbox s;
  s.configure(kTeams);
  Result r = s.ok({"away", "alice", "--from", "2026-11-24 09:00", "--until", "2026-11-26 09:00",
                   "-m", "Annual leave"});
  CHECK(r.out == "Recorded alice away until 2026-11-26 09:00 (absence 1)\n");
  s.ok({"away", "bob", "--from", "2026-12-21", "--until", "2027-01-04", "-m", "Christmas"});

  Json list = s.ok({"away", "--list", "--format", "json"}).json();
  REQUIRE(list.size() == 2);
  CHECK(list[0]["id"] == 1);
  CHECK(list[0]["technician"] == "alice");
  CHECK(list[0]["from"] == "2026-11-24T09:00:00+00:00");
  CHECK(list[0]["until"] == "2026-11-26T09:00:00+00:00");
  CHECK(list[0]["state"] == "away");
  CHECK(list[0]["reason"] == "Annual leave");
  CHECK(list[0]["recorded_by"] == "tester");
  CHECK(list[1]["technician"] == "bob");
  CHECK(list[1]["state"] == "planned");
  CHECK(s.ok({"away", "--list", "bob", "-q"}).out == "2\n");

  // alice is away now and carol always: bob takes both tickets.
  s.log("a");
  s.log("b");
  Json d = allocated(s);
  REQUIRE(d.size() == 2);
  CHECK(d[0]["assignee"] == "bob");
  CHECK(d[1]["assignee"] == "bob");
  s.log("c", {"--at", "2026-11-24 07:00"});
  Result to_alice = s.run({"allocate", "3", "--to", "alice"});
  CHECK(to_alice.status == 1);
  CHECK(to_alice.err_line() == "desk: alice is away");
  // Allocated as of a time she was not yet away, she may take it.
  s.ok({"allocate", "3", "--to", "alice", "--at", "2026-11-24 08:00"});

  // The workload says who is away and when they are back.
  Json w = s.ok({"report", "workload", "--format", "json"}).json();
  for (const auto& row : w["technicians"]) {
    if (row["technician"] == "alice") {
      CHECK(row["state"] == "away");
      CHECK(row["back_at"] == "2026-11-26T09:00:00+00:00");
    }
    if (row["technician"] == "carol") {
      CHECK(row["state"] == "away");
      CHECK(row["back_at"].is_null());  // until further notice
    }
    if (row["technician"] == "bob") CHECK(row["back_at"].is_null());
  }

  // Once she is back, she is allocated again.
  s.now = "2026-11-26T09:00:00Z";
  s.log("d");
  Json after = allocated(s);
  REQUIRE(after.size() == 1);
  CHECK(after[0]["assignee"] == "alice");
  CHECK(s.ok({"away", "--list", "--format", "json"}).json().size() == 1);  // bob's, planned
  CHECK(s.ok({"away", "--list", "--all", "--format", "json"}).json().size() == 2);
}

TEST_CASE("away: a wrong absence is cancelled, once") {
  Sandbox s;
  s.configure(kTeams);
  s.ok({"away", "alice", "--until", "2026-11-25 09:00"});
  Result cancelled = s.ok({"away", "--cancel", "1"});
  CHECK(cancelled.out == "Cancelled absence 1\n");
  CHECK(s.ok({"away", "--list", "--all", "--format", "json"}).json().empty());
  s.log("a");
  CHECK(allocated(s)[0]["assignee"] == "alice");
  Result again = s.run({"away", "--cancel", "1"});
  CHECK(again.status == 1);
  CHECK(again.err_line() == "desk: no absence 1");
  // The history keeps both: the audit chain verifies over them.
  s.ok({"audit", "verify"});
}

TEST_CASE("away: completion offers the technicians") {
  Sandbox s;
  s.configure(kTeams);
  std::string offered = s.ok({"__complete", "arguments", "away"}).out;
  for (const char* tech : {"alice\t", "bob\t", "carol\t", "heidi\t"})
    CHECK(offered.find(tech) != std::string::npos);
}

TEST_CASE("away: bad input is refused and changes nothing") {
  Sandbox s;
  s.configure(kTeams);
  std::string before = s.dump_store();
  const std::tuple<std::vector<std::string>, int, std::string> cases[] = {
      {{"away", "alise", "--until", "2026-11-25"}, 65, "desk: unknown technician 'alise'"},
      {{"away", "alice", "--from", "2026-11-25", "--until", "2026-11-25"},
       65,
       "desk: --until 2026-11-25T00:00:00+00:00 is not after --from 2026-11-25T00:00:00+00:00"},
      {{"away", "alice"}, 2, "desk: --until is required"},
      {{"away", "--until", "2026-11-25"}, 2, "desk: no technician given"},
      {{"away", "--list", "--until", "2026-11-25"},
       2,
       "desk: --list takes no --from, --until or -m"},
      {{"away", "alice", "--cancel", "1"}, 2, "desk: --cancel takes only the absence's id"},
      {{"away", "--cancel", "7"}, 1, "desk: no absence 7"},
      {{"away", "alice", "--until", "soon"}, 65, ""},
  };
  for (const auto& [args, status, message] : cases) {
    CAPTURE(args.back());
    Result r = s.run(args);
    CHECK(r.status == status);
    if (!message.empty()) CHECK(r.err_line() == message);
  }
  CHECK(s.dump_store() == before);
}

}  // namespace test_away
