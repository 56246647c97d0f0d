// desk purge: retention applied, the chain kept.
#include <filesystem>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

void old_and_new(Sandbox& s) {
  s.configure(s.read("desk.toml") + "");
  std::string toml = s.read("desk.toml");
  auto at = toml.find("closed_tickets = \"never\"");
  REQUIRE(at != std::string::npos);
  toml.replace(at, std::string("closed_tickets = \"never\"").size(), "closed_tickets = \"1y\"");
  at = toml.find("personal_data = \"never\"");
  toml.replace(at, std::string("personal_data = \"never\"").size(), "personal_data = \"2y\"");
  s.configure(toml);
  s.ok({"customer", "add", "Old Timer", "--email", "old@example.org"});
  s.log("ancient",
        {"--customer", "old@example.org", "--at", "2024-01-10 09:00", "-m", "Old Timer's words"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "x", "--at", "2024-01-11 09:00"});
  s.ok({"close", "1", "--at", "2024-01-12 09:00"});
  s.log("recent", {"--at", "2026-11-01 09:00"});
  s.ok({"resolve", "2", "--code", "fixed", "-m", "x", "--at", "2026-11-02 09:00"});
  s.ok({"close", "2", "--at", "2026-11-03 09:00"});
  s.log("open one");
}

}  // namespace

TEST_CASE("purge: with the starter's retention nothing is removed") {
  Sandbox s;
  s.log("x");
  std::string before = s.dump_store();
  Result r = s.ok({"purge"});
  CHECK(r.out == "Nothing to purge: [retention] keeps everything for ever\n");
  CHECK(s.dump_store() == before);
}

TEST_CASE("purge: --dry-run says what would go and changes nothing") {
  Sandbox s;
  old_and_new(s);
  std::string before = s.dump_store();
  Result r = s.ok({"purge", "--dry-run"});
  CHECK(r.out ==
        "Would remove 1 ticket(s) closed before 2025-11-24T10:30:00+00:00: 1\n"
        "Would erase 0 customer(s) quiet since 2024-11-24T10:30:00+00:00: none\n");
  CHECK(s.dump_store() == before);
}

TEST_CASE("purge: removes old closed tickets, erases quiet customers, keeps the chain") {
  Sandbox s;
  old_and_new(s);
  // The customer's record is old too once their only ticket is; make it so.
  s.now = "2027-01-20T10:30:00Z";
  Json j = s.ok({"purge", "--format", "json"}).json();
  CHECK(j["tickets"] == Json::parse("[1]"));
  CHECK(j["events_tombstoned"] == 3);
  CHECK(s.run({"show", "1"}).status == 1);
  CHECK(s.ok({"list", "-q", "--status", "closed"}).out == "2\n");
  CHECK(s.ok({"audit", "verify"}).out.rfind("ok: ", 0) == 0);
  auto lines = s.ok({"audit", "export"}).jsonl();
  CHECK(lines[1]["data"] == Json::object());
  CHECK(lines[1]["sealed"]["ticket"] == 1);
  CHECK(lines.back()["kind"] == "purged");
  CHECK(lines.back()["tombstones"].is_null());  // inside data
  CHECK(lines.back()["data"]["tombstones"] == 3);
  // Nowhere in the file (its free pages included), or in any row of the
  // database (what PostgreSQL keeps of old rows is outside desk's reach).
  if (on_postgres())
    CHECK(s.dump_store().find("ancient") == std::string::npos);
  else
    CHECK(s.read("desk.db").find("ancient") == std::string::npos);
  // A tombstone edited by hand is found (on PostgreSQL by the tables'
  // owner, who may turn off the append-only guard for a transaction).
  Result edit =
      s.sql(std::string(on_postgres() ? "SET LOCAL desk.rewriting_history = 'on'; " : "") +
            "UPDATE events SET sealed = replace(sealed, '\"ticket\":1', "
            "'\"ticket\":2') WHERE id = 2");
  REQUIRE(edit.status == 0);
  Result v = s.run({"audit", "verify"});
  CHECK(v.status == 1);
  CHECK(v.err_line().rfind("desk: the audit chain is broken at event ", 0) == 0);
}

TEST_CASE("purge: personal data of quiet customers is erased under retention") {
  Sandbox s;
  old_and_new(s);
  s.now = "2029-01-20T10:30:00Z";
  Json j = s.ok({"purge", "--format", "json"}).json();
  CHECK(j["customers"] == Json::parse("[1]"));
  Json c = s.ok({"customer", "show", "1", "--format", "json"}).json();
  CHECK(c["name"] == "(erased)");
  CHECK(c["email"].is_null());
  CHECK(s.read("desk.db").find("old@example.org") == std::string::npos);
  CHECK(s.ok({"audit", "verify"}).status == 0);
}

TEST_CASE("purge: needs the admin role (exit 77)") {
  Sandbox s;
  old_and_new(s);
  s.configure(s.read("desk.toml") + "\n[roles]\nadmin = [\"root\"]\n");
  std::string before = s.dump_store();
  Result r = s.run({"purge"});
  CHECK(r.status == 77);
  CHECK(r.err_line() ==
        "desk: 'tester' may not purge data under the retention policy: that needs the admin "
        "role, and 'tester' is a technician");
  CHECK(s.dump_store() == before);
  CHECK(s.ok({"purge", "--dry-run"}).status == 0);
}
