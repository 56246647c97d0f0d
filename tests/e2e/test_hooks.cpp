#include <chrono>
#include <filesystem>
#include <thread>

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

TEST_CASE("hooks: issue 14: a timeout also ends what the hook started with setsid") {
  Sandbox s;
  // The hook starts a daemon in a session of its own, keeps its pid, and
  // hangs; the daemon would write 'survived' after 4 s.
  s.configure(R"toml(
[hooks]
timeout = "1s"
logged = ["setsid sh -c 'echo $$ > daemon.pid; sleep 4; touch survived' & sleep 30"]
)toml");
  Result r = s.run({"log", "one", "-q"});
  CHECK(r.status == 0);
  CHECK(r.err_line().find("timed out after 1 s") != std::string::npos);
  REQUIRE(std::filesystem::exists(s.path("daemon.pid")));
  std::string pid = s.read("daemon.pid");
  pid.erase(pid.find_last_not_of("\n") + 1);
  // Gone at once (desk reaped it), and never does what it waited to do.
  CHECK_FALSE(std::filesystem::exists("/proc/" + pid));
  std::this_thread::sleep_for(std::chrono::seconds(5));
  CHECK_FALSE(std::filesystem::exists(s.path("survived")));
}
