// desk rate: one rating per resolution.
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("rate: a resolved ticket is rated once per resolution") {
  Sandbox s;
  s.log("printer");
  s.ok({"take", "1"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "done"});
  CHECK(s.ok({"rate", "1", "--score", "3", "-m", "took a while"}).out == "Rated ticket 1\n");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  REQUIRE(t["ratings"].size() == 1);
  CHECK(t["ratings"][0] == Json::parse(R"({"resolution":1,"score":3,"comment":"took a while",
    "at":"2026-11-24T10:30:00+00:00","resolver":"tester"})"));
  CHECK(t["events"].back()["kind"] == "rated");
  CHECK(t["events"].back()["score"] == 3);
  CHECK(s.ok({"show", "1"}).out.find("Satisfaction\n  resolution 1: 3 of 5 \"took a while\"\n") !=
        std::string::npos);

  std::string before = s.dump_store();
  Result twice = s.run({"rate", "1", "--score", "5"});
  CHECK(twice.status == 1);
  CHECK(twice.err_line() == "desk: ticket 1 was rated already (3 of 5)");
  CHECK(s.dump_store() == before);

  s.ok({"reopen", "1", "-m", "back again"});
  Result open = s.run({"rate", "1", "--score", "5"});
  CHECK(open.status == 1);
  CHECK(open.err_line() == "desk: ticket 1 is not resolved");
  s.ok({"resolve", "1", "--code", "fixed", "-m", "really done"});
  s.ok({"rate", "1", "--score", "5"});
  t = s.ok({"show", "1", "--format", "json"}).json();
  REQUIRE(t["ratings"].size() == 2);
  CHECK(t["ratings"][1]["resolution"] == 2);
  CHECK(t["ratings"][1]["score"] == 5);
}

TEST_CASE("rate: scores outside 1..5 are usage errors, unknown tickets are refused") {
  Sandbox s;
  s.log("x");
  s.ok({"resolve", "1", "--code", "fixed", "-m", "done"});
  std::string before = s.dump_store();
  for (const char* bad : {"0", "6"}) {
    Result r = s.run({"rate", "1", "--score", bad});
    CHECK(r.status == 2);
    CHECK(r.err_line() ==
          std::string("desk: --score: must be a whole number from 1 to 5, not '") + bad + "'");
  }
  CHECK(s.run({"rate", "1"}).status == 2);
  CHECK(s.run({"rate", "9", "--score", "4"}).status == 1);
  CHECK(s.dump_store() == before);
}

TEST_CASE("rate: reopening someone else's resolution needs a lead when roles are set") {
  Sandbox s;
  s.configure(s.read("desk.toml") + "\n[roles]\nlead = [\"lee\"]\n");
  s.log("x");
  s.ok({"--as", "alice", "resolve", "1", "--code", "fixed", "-m", "done"});
  std::string before = s.dump_store();
  Result r = s.run({"--as", "bob", "reopen", "1", "-m", "not fixed"});
  CHECK(r.status == 77);
  CHECK(r.err_line() ==
        "desk: 'bob' may not reopen a ticket someone else resolved: that needs the lead role, and "
        "'bob' is a technician");
  CHECK(s.dump_store() == before);
  s.ok({"--as", "alice", "reopen", "1", "-m", "my own"});
  s.ok({"--as", "alice", "resolve", "1", "--code", "fixed", "-m", "done"});
  s.ok({"--as", "lee", "reopen", "1", "-m", "lead says no"});
}

TEST_CASE("rate: issue 13: --from takes many ratings in one transaction") {
  Sandbox s;
  for (int i = 1; i <= 3; ++i) {
    s.log("ticket " + std::to_string(i), {"--at", "2026-11-20 09:00"});
    s.ok({"take", std::to_string(i), "--at", "2026-11-20 09:05"});
    s.ok({"resolve", std::to_string(i), "--code", "fixed", "-m", "done", "--at",
          "2026-11-20 10:00"});
  }
  s.log("still open");
  std::string before = s.dump_store();
  // Every bad row is reported; nothing is recorded.
  Result bad =
      s.run({"rate", "--from", "-"},
            "ticket,score,at,comment\n1,6,,\nx,3,,\n2,4,2026-11-21 09:00,\"fine, thanks\"\n");
  CHECK(bad.status == 65);
  CHECK(bad.err ==
        "desk: line 2: 'score' must be 1 to 5, not '6'\n"
        "hint: 5 is very satisfied, 1 very dissatisfied\n"
        "desk: line 3: 'ticket' must be a ticket id, not 'x'\n"
        "desk: 2 rows are bad; nothing was rated\n"
        "hint: fix them and try again; nothing is written while a row is bad\n");
  Result open = s.run({"rate", "--from", "-"}, "ticket,score\n1,5\n4,3\n");
  CHECK(open.status == 1);
  CHECK(open.err_line() == "desk: line 3: ticket 4 is not resolved");
  CHECK(s.dump_store() == before);

  s.write("survey.csv",
          "ticket,score,at,comment\n"
          "1,5,2026-11-21 09:00,\n"
          "2,2,2026-11-22 09:30,\"Slow, and I had to call\ntwice\"\n"
          "3,4,,\n");
  Result r = s.run({"rate", "--from", "survey.csv"});
  CHECK(r.status == 0);
  CHECK(r.out == "Rated 3 tickets\n");
  Json two = s.ok({"show", "2", "--format", "json"}).json()["ratings"];
  REQUIRE(two.size() == 1);
  CHECK(two[0]["score"] == 2);
  CHECK(two[0]["comment"] == "Slow, and I had to call\ntwice");
  CHECK(two[0]["at"] == "2026-11-22T09:30:00+00:00");
  CHECK(s.ok({"show", "3", "--format", "json"}).json()["ratings"][0]["at"] ==
        "2026-11-24T10:30:00+00:00");  // now
  Result jsonl = s.run({"rate", "--from", "-"}, "{\"ticket\": 1, \"score\": 3}\n");
  CHECK(jsonl.status == 1);
  CHECK(jsonl.err_line() == "desk: line 1: ticket 1 was rated already (5 of 5)");
  CHECK(s.run({"rate", "1", "--from", "-"}, "").status == 2);
}
