#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("close: a resolved ticket closes, and closed is final") {
  Sandbox s;
  s.log("one");
  s.ok({"resolve", "1", "--code", "fixed", "-m", "done"});
  CHECK(s.ok({"close", "1"}).out == "Closed ticket 1\n");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["status"] == "closed");
  CHECK(t["closed_at"] == "2026-11-24T10:30:00+00:00");
  CHECK(s.run({"reopen", "1", "-m", "x"}).status == 1);
  CHECK(s.run({"edit", "1", "--title", "x"}).status == 1);
}

TEST_CASE("close --auto: closes what was resolved more than close_after ago") {
  Sandbox s;
  for (int i = 0; i < 3; ++i) s.log("t", {"--at", "2026-11-10"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "a", "--at", "2026-11-18 10:00"});  // 6 days ago
  s.ok({"resolve", "2", "--code", "fixed", "-m", "b", "--at",
        "2026-11-19 10:30"});  // exactly 5 days
  s.ok({"resolve", "3", "--code", "fixed", "-m", "c", "--at", "2026-11-23 10:00"});  // 1 day
  std::string before = s.dump_store();
  Result dry = s.ok({"close", "--auto", "--dry-run"});
  CHECK(dry.out == "Would close ticket 1 (resolved 2026-11-18 10:00)\n");
  CHECK(s.dump_store() == before);
  Result r = s.ok({"close", "--auto"});
  CHECK(r.out == "Closed ticket 1 (resolved 2026-11-18 10:00)\n");
  CHECK(s.ok({"list", "--status", "closed", "-q"}).out == "1\n");
  CHECK(s.ok({"close", "--auto", "-q"}).out == "");
  CHECK(s.run({"close", "--auto", "2"}).status == 2);
}
