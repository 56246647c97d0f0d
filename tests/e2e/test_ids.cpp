// Issue 14, item 9: an id is never given twice, so nothing still named by a
// deleted customer's, ticket's or article's id can seem to be a new one's.
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

// [retention] that purges tickets closed over a year ago.
void purge_after_a_year(Sandbox& s) {
  std::string toml = s.read("desk.toml");
  auto at = toml.find("closed_tickets = \"never\"");
  REQUIRE(at != std::string::npos);
  toml.replace(at, std::string("closed_tickets = \"never\"").size(), "closed_tickets = \"1y\"");
  s.configure(toml);
}

// Makes the store what a desk before schema 8 left: no high-water marks.
void back_to_schema_7(Sandbox& s) {
  SQLite::Database db(s.store().string(), SQLite::OPEN_READWRITE);
  for (const char* t :
       {"customers_high_water", "tickets_high_water", "kb_articles_high_water", "events_high_water",
        "customers_retired", "tickets_retired", "kb_articles_retired"})
    db.exec(std::string("DROP TRIGGER ") + t);
  db.exec("DROP TABLE id_high_water");
  db.exec("DROP TABLE id_retired");
  db.exec("PRAGMA user_version = 7");
}

}  // namespace

TEST_CASE("ids: a merged customer's id is not the next customer's, nor is their data") {
  Sandbox s;
  s.ok({"customer", "add", "Alice Smith", "--email", "alice@example.org"});
  s.ok({"customer", "add", "Bob Jones", "--email", "bob@example.org", "--phone", "0123", "--notes",
        "Bob's private notes"});
  s.ok({"customer", "merge", "1", "2"});
  s.ok({"customer", "add", "Carol White", "--email", "carol@example.org"});
  Json c = s.ok({"customer", "show", "carol@example.org", "--format", "json"}).json();
  CHECK(c["id"] == 3);
  Json j = s.ok({"customer", "export", "carol@example.org"}).json();
  CHECK(j.dump().find("Bob") == std::string::npos);
  CHECK(j.dump().find("0123") == std::string::npos);
  REQUIRE(j["events"].size() == 1);
  CHECK(j["events"][0]["kind"] == "customer-added");
}

TEST_CASE("ids: a purged ticket's id is not the next ticket's") {
  Sandbox s;
  purge_after_a_year(s);
  s.log("old", {"--at", "2024-01-10 09:00"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "x", "--at", "2024-01-11 09:00"});
  s.ok({"close", "1", "--at", "2024-01-12 09:00"});
  s.ok({"purge"});
  CHECK(s.run({"show", "1"}).status == 1);
  CHECK(s.log("new") == 2);
  CHECK(s.ok({"show", "2", "--format", "json"}).json()["events"].size() == 1);
}

TEST_CASE("ids: a store from before schema 8 keeps its ids and reuses none it can tell of") {
  Sandbox s;
  purge_after_a_year(s);
  s.ok({"customer", "add", "Alice Smith", "--email", "alice@example.org"});
  s.ok({"customer", "add", "Bob Jones", "--email", "bob@example.org"});
  s.log("kept", {"--customer", "1"});
  s.log("old", {"--at", "2024-01-10 09:00"});
  s.ok({"resolve", "2", "--code", "fixed", "-m", "x", "--at", "2024-01-11 09:00"});
  s.ok({"close", "2", "--at", "2024-01-12 09:00"});
  s.ok({"customer", "merge", "1", "2"});
  s.ok({"purge"});
  back_to_schema_7(s);
  // The next command migrates: every id stays, and the deleted ones stay unused.
  CHECK(s.ok({"customer", "add", "Carol White", "--email", "carol@example.org"}).status == 0);
  CHECK(s.ok({"customer", "show", "carol@example.org", "--format", "json"}).json()["id"] == 3);
  CHECK(s.ok({"customer", "show", "alice@example.org", "--format", "json"}).json()["id"] == 1);
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["title"] == "kept");
  CHECK(s.log("new") == 3);
  CHECK(s.ok({"audit", "verify"}).status == 0);
  SQLite::Database db(s.store().string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() >= 8);
}

TEST_CASE("ids: an import keeps a file's customer id only if no one ever had it") {
  Sandbox s;
  s.ok({"customer", "add", "Alice Smith", "--email", "alice@example.org"});
  s.ok({"customer", "add", "Bob Jones", "--email", "bob@example.org"});
  s.ok({"customer", "merge", "1", "2"});
  // Another store's ticket whose customer had id 2 there: not Bob.
  Sandbox other;
  other.ok({"customer", "add", "Xavier", "--email", "x@example.org"});
  other.ok({"customer", "add", "Yolanda", "--email", "y@example.org"});
  other.log("theirs", {"--customer", "2"});
  s.write("theirs.jsonl", other.ok({"export"}).out);
  s.ok({"import", "theirs.jsonl"});
  Json y = s.ok({"customer", "show", "y@example.org", "--format", "json"}).json();
  CHECK(y["id"] == 3);
}
