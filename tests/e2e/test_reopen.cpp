#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"

using namespace e2e;

TEST_CASE("reopen: back to the owner, the resolution cleared, the count kept") {
  Sandbox s;
  s.configure(kTeams);
  s.log("one");
  s.ok({"allocate", "1", "--to", "alice"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "rebooted", "--workaround", "w"});
  Result r = s.ok({"reopen", "1", "-m", "it broke again"});
  CHECK(r.out == "Reopened ticket 1\n");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["status"] == "assigned");
  CHECK(t["assignee"] == "alice");
  CHECK(t["resolution_code"].is_null());
  CHECK(t["workaround"].is_null());
  CHECK(t["resolved_at"].is_null());
  CHECK(t["reopen_count"] == 1);
  CHECK(t["events"].back()["kind"] == "reopened");
  CHECK(t["events"].back()["text"] == "it broke again");
  CHECK(s.run({"reopen", "1"}).status == 2);
}
