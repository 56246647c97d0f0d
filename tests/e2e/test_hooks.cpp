#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("hooks: run after the event with its JSON on standard input") {
  Sandbox s;
  s.configure(R"toml(
[hooks]
resolved = ["cat > resolved.json"]
pending = ["echo pending >> seen.txt"]
logged = ["echo \"logged $DESK_TICKET\" >> seen.txt"]
)toml");
  s.log("one");
  s.ok({"pending", "1", "--on", "customer"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "done"});
  CHECK(s.read("seen.txt") == "logged 1\npending\n");
  Json payload = Json::parse(s.read("resolved.json"));
  CHECK(payload["hook"] == "resolved");
  CHECK(payload["event"]["kind"] == "resolved");
  CHECK(payload["ticket"]["id"] == 1);
  CHECK(payload["ticket"]["status"] == "resolved");
}

TEST_CASE("hooks: a failing or hanging hook never loses the change") {
  Sandbox s;
  s.configure(R"toml(
[hooks]
timeout = "1s"
resolved = ["exit 3"]
closed = ["sleep 30"]
)toml");
  s.log("one");
  Result r = s.run({"resolve", "1", "--code", "fixed", "-m", "done"});
  CHECK(r.status == 0);
  CHECK(r.out == "Resolved ticket 1\n");
  CHECK(r.err_line() == "desk: hook 'exit 3' for 'resolved' on ticket 1 failed: exit 3");
  Result c = s.run({"close", "1"});
  CHECK(c.status == 0);
  CHECK(c.err_line() ==
        "desk: hook 'sleep 30' for 'closed' on ticket 1 failed: timed out after 1 s");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["status"] == "closed");
  const Json& events = t["events"];
  REQUIRE(events.size() == 5);
  CHECK(events[2]["kind"] == "hook-failed");
  CHECK(events[2]["why"] == "exit 3");
  CHECK(events[4]["kind"] == "hook-failed");
  CHECK(events[4]["for"] == "closed");
}
