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
