// desk catalog, and what a service brings to a ticket logged against it.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

void email_service(const Sandbox& s) {
  s.ok({"catalog",
        "add",
        "email",
        "-d",
        "Mailboxes and lists",
        "--owner",
        "second-line",
        "--sla",
        "standard",
        "--type",
        "service-request",
        "--type",
        "incident",
        "--category",
        "software",
        "--step",
        "Check the request is approved",
        "--step",
        "Create the mailbox",
        "--step",
        "Tell the customer"});
}

}  // namespace

TEST_CASE("catalog: add, show, list and edit a service") {
  Sandbox s;
  s.configure(kTeams);
  email_service(s);
  Json j = s.ok({"catalog", "show", "email", "--format", "json"}).json();
  CHECK(j["owner"] == "second-line");
  CHECK(j["request_types"] == Json::parse(R"(["service-request","incident"])"));
  CHECK(j["steps"].size() == 3);
  CHECK(j["retired"] == false);
  Result text = s.ok({"catalog", "show", "email"});
  CHECK(text.out.find("  2. Create the mailbox\n") != std::string::npos);
  CHECK(s.ok({"catalog", "edit", "email", "--sla", "standard"}).out == "Service email unchanged\n");
  CHECK(s.ok({"catalog", "edit", "email", "--step", "Do it"}).out == "Changed service email\n");
  CHECK(s.ok({"catalog", "show", "email", "--format", "json"}).json()["steps"] ==
        Json::parse(R"(["Do it"])"));
  s.ok({"catalog", "add", "vpn", "--owner", "service-desk"});
  CHECK(s.ok({"catalog", "list", "-q"}).out == "email\nvpn\n");
  auto rows = s.ok({"catalog", "list", "--format", "jsonl"}).jsonl();
  CHECK(rows[0]["steps_count"] == 1);
  CHECK(rows[1]["state"] == "live");
  auto events = s.ok({"audit", "export"}).jsonl();
  CHECK(events[0]["kind"] == "service-added");
  CHECK(events[0]["subject"] == "service:email");
  CHECK(events[1]["kind"] == "service-edited");
}

TEST_CASE("catalog: bad values and duplicates are refused, nothing written") {
  Sandbox s;
  s.configure(kTeams);
  email_service(s);
  std::string before = s.dump_store();
  Result team = s.run({"catalog", "add", "x", "--owner", "nobody"});
  CHECK(team.status == 65);
  CHECK(team.err_line() == "desk: unknown team 'nobody'");
  CHECK(s.run({"catalog", "add", "y", "--sla", "gold"}).status == 65);
  CHECK(s.run({"catalog", "add", "z", "--category", "hardwar"}).status == 65);
  Result dup = s.run({"catalog", "add", "email"});
  CHECK(dup.status == 1);
  CHECK(dup.err_line() == "desk: the service 'email' exists already");
  CHECK(s.run({"catalog", "add", "two words"}).status == 65);
  Result none = s.run({"catalog", "show", "emial"});
  CHECK(none.status == 1);
  CHECK(none.err.find("hint: did you mean 'email'?") != std::string::npos);
  CHECK(s.dump_store() == before);
}

TEST_CASE("catalog: changes need the manager role (exit 77)") {
  Sandbox s;
  s.configure(s.read("desk.toml") + "\n[roles]\nmanager = [\"carol\"]\n");
  std::string before = s.dump_store();
  Result r = s.run({"catalog", "add", "email"});
  CHECK(r.status == 77);
  CHECK(r.err_line() ==
        "desk: 'tester' may not change the service catalogue: that needs the manager role, and "
        "'tester' is a technician");
  CHECK(s.dump_store() == before);
  s.ok({"--as", "carol", "catalog", "add", "email"});
  CHECK(s.run({"catalog", "retire", "email"}).status == 77);
  CHECK(s.run({"catalog", "edit", "email", "--owner", "service-desk"}).status == 77);
  s.write("c.toml", "[[service]]\nname = \"vpn\"\n");
  CHECK(s.run({"catalog", "import", "c.toml"}).status == 77);
  CHECK(s.ok({"catalog", "list", "-q"}).out == "email\n");
}

TEST_CASE("catalog: log --service brings the team, policy and checklist, check ticks steps") {
  Sandbox s;
  s.configure(std::string(kTeams) + R"(
[desk]
default_sla = "mail"

[sla.mail]
calendar = "24x7"
response = { P3 = "1h" }
resolve = { P3 = "1d" }
)");
  s.ok({"catalog", "add", "email", "--owner", "second-line", "--sla", "mail", "--category",
        "software", "--step", "Approve", "--step", "Create mailbox"});
  s.log("new mailbox", {"--service", "email", "--type", "service-request"});
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["service"] == "email");
  CHECK(t["category"] == "software");
  CHECK(t["team"] == "second-line");
  CHECK(t["tier"] == 2);
  CHECK(t["service_sla"] == "mail");
  CHECK(t["checklist"].size() == 2);
  CHECK(t["checklist"][0]["done_at"].is_null());
  CHECK(s.ok({"sla", "1", "--format", "json"}).json()["policy"] == "mail");
  Result text = s.ok({"show", "1"});
  CHECK(text.out.find("Checklist\n  [ ] 1. Approve\n  [ ] 2. Create mailbox\n") !=
        std::string::npos);
  CHECK(s.ok({"check", "1", "create"}).out == "Ticket 1: step 2 done (1/2): Create mailbox\n");
  t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["checklist"][1]["done_by"] == "tester");
  CHECK(t["events"].back()["kind"] == "checked");
  CHECK(t["events"].back()["step"] == 2);
  std::string before = s.dump_store();
  Result again = s.run({"check", "1", "2"});
  CHECK(again.status == 1);
  CHECK(again.err_line() == "desk: step 2 of ticket 1 is done already");
  Result missing = s.run({"check", "1", "9"});
  CHECK(missing.status == 1);
  CHECK(missing.err_line() == "desk: ticket 1 has no step '9'");
  s.log("plain");
  Result plain = s.run({"check", "2", "1"});
  CHECK(plain.status == 1);
  CHECK(plain.err_line() == "desk: ticket 2 has no checklist");
  CHECK(s.dump_store() != before);  // the plain ticket was logged
}

TEST_CASE("catalog: a retired service is refused at log, naming its replacement") {
  Sandbox s;
  s.ok({"catalog", "add", "email"});
  s.ok({"catalog", "add", "mail365"});
  CHECK(s.ok({"catalog", "retire", "email", "--replaced-by", "mail365"}).out ==
        "Retired service email, replaced by mail365\n");
  std::string before = s.dump_store();
  Result r = s.run({"log", "x", "-m", "", "--service", "email"});
  CHECK(r.status == 1);
  CHECK(r.err_line() == "desk: the service 'email' is retired");
  CHECK(r.err.find("hint: log it under 'mail365', which replaces it") != std::string::npos);
  CHECK(s.dump_store() == before);
  CHECK(s.ok({"catalog", "list", "-q"}).out == "mail365\n");
  CHECK(s.ok({"catalog", "list", "--all", "-q"}).out == "email\nmail365\n");
  CHECK(s.run({"catalog", "retire", "email"}).status == 1);
}

TEST_CASE("catalog: who may request a service, and which types it takes") {
  Sandbox s;
  s.ok({"catalog", "add", "concierge", "--requester", "vip", "--type", "service-request"});
  s.ok({"customer", "add", "Vera", "--email", "vera@example.org", "--tier", "vip"});
  s.ok({"customer", "add", "Sam", "--email", "sam@example.org"});
  std::string before = s.dump_store();
  Result who = s.run({"log", "x", "-m", "", "--service", "concierge", "--type", "service-request",
                      "-c", "sam@example.org"});
  CHECK(who.status == 1);
  CHECK(who.err_line() == "desk: customer 2 may not request the service 'concierge'");
  Result type = s.run({"log", "x", "-m", "", "--service", "concierge", "-c", "vera@example.org"});
  CHECK(type.status == 1);
  CHECK(type.err_line() == "desk: the service 'concierge' does not take incident tickets");
  CHECK(s.dump_store() == before);
  s.log("x", {"--service", "concierge", "--type", "service-request", "-c", "vera@example.org"});
}

TEST_CASE("catalog: check finds what is incomplete or stale, exit 1, quiet when all is well") {
  Sandbox s;
  s.now = "2026-11-24T10:30:00Z";
  s.ok({"catalog", "add", "email", "--owner", "service-desk", "--sla", "standard", "--category",
        "software", "--step", "Do it"});
  CHECK(s.ok({"catalog", "check"}).err == "desk: the catalogue is complete and current\n");
  s.ok({"catalog", "add", "printing", "--category", "hardware"});
  s.log("network flaky", {"--category", "network"});
  Result r = s.run({"catalog", "check", "--format", "jsonl"});
  CHECK(r.status == 1);
  CHECK(r.err_line() == "desk: 4 catalogue problems found");
  auto rows = r.jsonl();
  REQUIRE(rows.size() == 4);
  CHECK(rows[0] ==
        Json::parse(R"({"problem":"no-owner","subject":"printing","detail":"no team owns it"})"));
  CHECK(rows[1]["problem"] == "no-policy");
  CHECK(rows[2]["problem"] == "no-procedure");
  CHECK(rows[3]["problem"] == "uncovered-category");
  CHECK(rows[3]["subject"] == "network");
  // 181 days on, with nothing asked for: both services are stale.
  s.now = "2027-05-24T10:30:00Z";
  auto later = s.run({"catalog", "check", "--format", "jsonl"}).jsonl();
  int stale = 0;
  for (const auto& row : later) stale += row["problem"] == "not-requested";
  CHECK(stale == 2);
}

TEST_CASE("catalog: export and import round-trip, and importing twice changes nothing") {
  Sandbox s;
  s.configure(kTeams);
  email_service(s);
  s.ok({"catalog", "add", "fax", "--owner", "service-desk"});
  s.ok({"catalog", "retire", "fax", "--replaced-by", "email"});
  std::string exported = s.ok({"catalog", "export"}).out;
  CHECK(exported.find("[[service]]") != std::string::npos);
  s.write("cat.toml", exported);

  Sandbox t;
  t.configure(kTeams);
  t.write("cat.toml", exported);
  CHECK(t.ok({"catalog", "import", "cat.toml"}).out ==
        "Imported the catalogue: 2 added, 0 changed, 0 unchanged\n");
  CHECK(t.ok({"catalog", "export"}).out == exported);
  std::string before = t.dump_store();
  CHECK(t.ok({"catalog", "import", "-"}, exported).out ==
        "Imported the catalogue: 0 added, 0 changed, 2 unchanged\n");
  CHECK(t.dump_store() == before);
  t.write("bad.toml", "[[service]]\nnam = \"x\"\n");
  Result bad = t.run({"catalog", "import", "bad.toml"});
  CHECK(bad.status == 65);
  CHECK(bad.err_line() == "desk: bad.toml:2:7: unknown key 'nam' in [[service]]");
  CHECK(t.dump_store() == before);
}

TEST_CASE("catalog: issue 14: import refuses keys nested too deep, without a crash") {
  Sandbox s;
  std::string keys;
  for (int i = 0; i < 50000; ++i) keys += "a.";
  s.write("c.toml", "[[service]]\n" + keys + "a = 1\n");
  std::string before = s.dump_store();
  Result r = s.run({"catalog", "import", "c.toml"});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: c.toml:2:128: keys and values nested more than 64 deep");
  CHECK(s.dump_store() == before);
}
