#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {
Json show(const Sandbox& s) {
  return s.ok({"show", "1", "--format", "json"}).json();
}
}  // namespace

TEST_CASE("escalate: --up follows the team's path, raising tier and level") {
  Sandbox s;
  s.configure(kTeams);
  s.log("one");
  s.ok({"allocate", "1", "--to", "alice"});
  CHECK(s.ok({"escalate", "1", "--up", "-m", "needs network skills"}).out ==
        "Escalated ticket 1 to second-line\n");
  Json t = show(s);
  CHECK(t["team"] == "second-line");
  CHECK(t["tier"] == 2);
  CHECK(t["assignee"].is_null());
  CHECK(t["status"] == "new");
  CHECK(t["escalation_level"] == 1);
  const Json& e = t["events"].back();
  CHECK(e["kind"] == "escalated");
  CHECK(e["text"] == "needs network skills");
  CHECK(e["escalation"] == "functional");
  s.ok({"escalate", "1", "--up", "-m", "vendor bug?"});
  CHECK(show(s)["tier"] == 3);
  Result top = s.run({"escalate", "1", "--up", "-m", "more"});
  CHECK(top.status == 1);
  CHECK(top.err_line() == "desk: team 'third-line' has nowhere to escalate to");
  Json listed = s.ok({"list", "--columns", "id,tier,escalation_level", "--format", "json"}).json();
  CHECK(listed[0]["tier"] == 3);
  CHECK(listed[0]["escalation_level"] == 2);
}

TEST_CASE("escalate: to a supplier with its reference, checked against its format") {
  Sandbox s;
  s.configure(kTeams);
  s.log("one");
  std::string before = s.dump_store();
  Result bad =
      s.run({"escalate", "1", "--supplier", "acme", "--ref", "12345", "-m", "faulty switch"});
  CHECK(bad.status == 65);
  CHECK(bad.err_line() == "desk: reference '12345' does not match acme's format 'ACME-[0-9]+'");
  CHECK(s.run({"escalate", "1", "--supplier", "acme", "-m", "x"}).status == 2);
  CHECK(s.dump_store() == before);
  CHECK(s.ok({"escalate", "1", "--supplier", "acme", "--ref", "ACME-77", "-m", "faulty switch"})
            .out == "Escalated ticket 1 to supplier acme\n");
  Json t = show(s);
  CHECK(t["supplier"] == "acme");
  CHECK(t["supplier_ref"] == "ACME-77");
  CHECK(t["events"].back()["contact"] == "support@acme.example");
}

TEST_CASE("escalate: --manager tells the manager and flags the ticket") {
  Sandbox s;
  s.configure(kTeams);
  s.log("one");
  s.ok({"allocate", "1", "--to", "bob"});
  CHECK(s.ok({"escalate", "1", "--manager", "-m", "customer threatens to leave"}).out ==
        "Escalated ticket 1 to manager dave\n");
  Json t = show(s);
  CHECK(t["flagged"] == true);
  CHECK(t["assignee"] == "bob");
  CHECK(t["events"].back()["manager"] == "dave");
  CHECK(t["events"].back()["escalation"] == "hierarchical");
}

TEST_CASE("escalate: needs a reason and exactly one destination") {
  Sandbox s;
  s.configure(kTeams);
  s.log("one");
  std::string before = s.dump_store();
  Result r = s.run({"escalate", "1", "--up"});
  CHECK(r.status == 2);
  CHECK(r.err_line() == "desk: an escalation needs a reason");
  CHECK(s.run({"escalate", "1", "-m", "x"}).status == 2);
  CHECK(s.run({"escalate", "1", "--up", "--manager", "-m", "x"}).status == 2);
  Result noteam = s.run({"escalate", "1", "--up", "-m", "x"});
  CHECK(noteam.status == 1);
  CHECK(noteam.err_line() == "desk: ticket 1 has no team to escalate from");
  CHECK(s.dump_store() == before);
}

TEST_CASE("escalate --auto: rules fire on the SLA clocks, once per ticket and rule") {
  Sandbox s;
  std::string toml = s.read("desk.toml");  // the starter's office calendar and standard policy
  toml = toml.substr(0, toml.find("[teams.service-desk]"));
  toml += kTeams;
  toml += R"toml(
[[escalation]]
clock = "resolve"
at = 75
action = "up"

[[escalation]]
clock = "resolve"
at = "breach"
action = "manager"
)toml";
  s.configure(toml);
  s.now = "2026-11-24T16:00:00Z";
  s.log("nearly due", {"--priority", "P2", "--at", "2026-11-24 09:00"});  // 7h of 8h: 87%
  s.log("late", {"--priority", "P1", "--at", "2026-11-24 09:00"});  // 4h target: breached at 13:00
  s.log("fresh", {"--priority", "P4", "--at", "2026-11-24 15:00"});
  s.ok({"allocate", "1", "--to", "alice", "--at", "2026-11-24 09:05"});
  s.ok({"allocate", "2", "--to", "bob", "--at", "2026-11-24 09:05"});
  std::string before = s.dump_store();
  Json dry = s.ok({"escalate", "--auto", "--dry-run", "--format", "json"}).json();
  CHECK(s.dump_store() == before);
  REQUIRE(dry.size() == 3);
  CHECK(dry[0]["ticket"] == 1);
  CHECK(dry[0]["rule"] == "resolve-75%-up");
  CHECK(dry[0]["outcome"] == "to second-line");
  CHECK(dry[0]["escalated"] == false);
  // P2 resolves in 8 business hours: one working day of the 09:00-17:00 calendar.
  CHECK(dry[0]["reason"] == "resolve clock at 87% of 1d (rule resolve-75%-up)");
  CHECK(dry[1]["ticket"] == 2);
  CHECK(dry[1]["rule"] == "resolve-75%-up");
  CHECK(dry[2]["ticket"] == 2);
  CHECK(dry[2]["rule"] == "resolve-breach-manager");
  // Escalated up first, ticket 2 is with second-line, which has no manager.
  CHECK(dry[2]["outcome"] == "skipped: ticket 2 has no team manager to tell");

  Json done = s.ok({"escalate", "--auto", "--format", "json"}).json();
  REQUIRE(done.size() == 3);
  CHECK(done[0]["escalated"] == true);
  Json t1 = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t1["team"] == "second-line");
  CHECK(t1["escalation_level"] == 1);
  CHECK(t1["events"].back()["rule"] == "resolve-75%-up");
  CHECK(t1["events"].back()["text"] ==
        "automatic: resolve clock at 87% of 1d (rule resolve-75%-up)");
  // Run again: the up rule never fires twice on a ticket.
  Json again = s.ok({"escalate", "--auto", "--format", "json"}).json();
  REQUIRE(again.size() == 1);
  CHECK(again[0]["rule"] == "resolve-breach-manager");
  CHECK(s.run({"escalate", "--auto", "1"}).status == 2);
}
