// One write path: every event kind a hook can name runs its hooks exactly
// once, whichever command wrote the event (cmd/write.hpp).
#include <map>
#include <sstream>

#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

// A hook for every kind [hooks] accepts, each appending "KIND TICKET".
std::string hooks_for_every_kind() {
  std::string toml = "[hooks]\n";
  for (const char* kind :
       {"logged", "edited", "note", "reply", "allocated", "escalated", "status", "resolved",
        "closed", "reopened", "linked", "rated", "checked", "hook-failed", "pending"})
    toml += "\"" + std::string(kind) + "\" = [\"echo \\\"" + kind +
            " $DESK_TICKET\\\" >> hooks.log\"]\n";
  return toml;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("hooks: every event kind runs its hooks exactly once, whichever command writes it") {
  Sandbox s;
  s.configure(std::string(kTeams) + R"toml(
[[escalation]]
clock = "resolve"
at = "breach"
action = "up"
)toml" + hooks_for_every_kind());
  s.ok({"catalog", "add", "laptop", "--step", "Order it", "--step", "Hand it over"});
  s.ok({"customer", "add", "sam", "--email", "sam@example.org"});
  s.ok({"customer", "add", "samuel", "--email", "samuel@example.org"});
  s.write("ratings.csv", "ticket,score\n6,5\n");

  struct Step {
    std::vector<std::string> args;
    std::vector<std::string> fired;  // the lines the hooks append, in order
  };
  const std::vector<Step> steps = {
      {{"log", "one", "-m", ""}, {"logged 1"}},
      {{"log", "two", "-m", "", "--category", "network"}, {"logged 2"}},
      {{"log", "three", "-m", "", "--service", "laptop", "-c", "samuel"}, {"logged 3"}},
      {{"log", "four", "-m", "", "--at", "2026-11-01 09:00"}, {"logged 4"}},
      {{"edit", "1", "--title", "one, retitled"}, {"edited 1"}},
      {{"note", "1", "-m", "looked"}, {"note 1"}},
      {{"note", "1", "--reply", "-m", "we are on it"}, {"reply 1"}},
      {{"allocate", "1", "--to", "alice"}, {"allocated 1"}},
      {{"--as", "bob", "take", "3"}, {"allocated 3"}},
      {{"allocate", "--auto", "--team", "second-line"}, {"allocated 2"}},
      {{"escalate", "1", "--up", "-m", "needs the network team"}, {"escalated 1"}},
      {{"start", "2"}, {"status 2"}},
      {{"pending", "2", "--on", "customer"}, {"status 2", "pending 2"}},
      {{"resume", "2"}, {"status 2"}},
      {{"check", "3", "1"}, {"checked 3"}},
      {{"link", "1", "--to", "2"}, {"linked 1"}},
      {{"resolve", "4", "--code", "fixed", "-m", "done", "--at", "2026-11-02 09:00"},
       {"resolved 4"}},
      {{"rate", "4", "--score", "4"}, {"rated 4"}},
      {{"close", "--auto"}, {"closed 4"}},
      {{"log", "five", "-m", "", "--category", "network", "--at", "2026-11-01 09:00"},
       {"logged 5"}},
      {{"allocate", "5", "--to", "service-desk"}, {"allocated 5"}},
      {{"escalate", "--auto"}, {"escalated 5"}},
      {{"log", "six", "-m", ""}, {"logged 6"}},
      {{"resolve", "6", "--code", "fixed", "-m", "done"}, {"resolved 6"}},
      {{"reopen", "6", "-m", "not fixed"}, {"reopened 6"}},
      {{"resolve", "6", "--code", "fixed", "-m", "done again"}, {"resolved 6"}},
      {{"rate", "--from", "ratings.csv"}, {"rated 6"}},
      {{"close", "6"}, {"closed 6"}},
      {{"kb", "add", "--from-ticket", "1", "-m", "Restart it.", "-q"}, {"linked 1"}},
      {{"kb", "add", "Printer jams", "-m", "Open tray 2.", "-q"}, {}},
      {{"kb", "link", "2", "3"}, {"linked 3"}},
      {{"resolve", "2", "--duplicate-of", "1", "-m", "same"}, {"resolved 2", "linked 2"}},
      {{"customer", "merge", "sam", "samuel"}, {"edited 3"}},
  };
  std::size_t seen = 0;
  for (const auto& step : steps) {
    std::string command;
    for (const auto& a : step.args) command += a + " ";
    CAPTURE(command);
    s.ok(step.args);
    auto all = lines(s.read("hooks.log"));
    std::vector<std::string> fired(all.begin() + static_cast<std::ptrdiff_t>(seen), all.end());
    CHECK(fired == step.fired);
    seen = all.size();
  }
}

TEST_CASE("hooks: a failed hook runs the hook-failed hooks once, and no loop") {
  Sandbox s;
  s.configure(R"toml(
[hooks]
resolved = ["exit 3"]
hook-failed = ["echo \"failed $DESK_TICKET\" >> hooks.log; exit 4"]
)toml");
  s.log("one");
  Result r = s.run({"resolve", "1", "--code", "fixed", "-m", "done"});
  CHECK(r.status == 0);
  CHECK(s.read("hooks.log") == "failed 1\n");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  const Json& events = t["events"];
  REQUIRE(events.size() == 4);
  CHECK(events[2]["kind"] == "hook-failed");
  CHECK(events[2]["for"] == "resolved");
  CHECK(events[3]["kind"] == "hook-failed");
  CHECK(events[3]["for"] == "hook-failed");
}
