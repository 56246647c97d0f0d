#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"

using namespace e2e;

TEST_CASE("start: in-progress, and whoever starts an unowned ticket owns it") {
  Sandbox s;
  s.configure(kTeams);
  s.log("one");
  CHECK(s.ok({"--as", "alice", "start", "1", "-m", "looking"}).out == "Started ticket 1\n");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["status"] == "in-progress");
  CHECK(t["assignee"] == "alice");
  CHECK(t["team"] == "service-desk");
  const Json& e = t["events"][1];
  CHECK(e["kind"] == "status");
  CHECK(e["changes"]["status"]["from"] == "new");
  CHECK(e["changes"]["status"]["to"] == "in-progress");
  CHECK(e["text"] == "looking");
}
