// desk audit: the chain over every event, checked against changes made
// behind desk's back with the sqlite3 tool.
#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

// SQL run behind desk's back: with the sqlite3 tool, or with psql by a role
// that owns the tables and so may turn off the server's append-only guard
// for its transaction, as desk's own erasure does.
Result sql_tool(const Sandbox& s, const std::string& sql) {
  return s.sql(on_postgres() ? "SET LOCAL desk.rewriting_history = 'on'; " + sql : sql);
}

void some_history(Sandbox& s) {
  s.log("printer jammed", {"-m", "paper stuck"});
  s.ok({"note", "1", "-m", "looking"});
  s.log("vpn down");
  s.ok({"resolve", "1", "--code", "fixed", "-m", "cleared the jam"});
}

}  // namespace

TEST_CASE("audit: verify passes on an untouched history and prints the head") {
  Sandbox s;
  some_history(s);
  Result r = s.ok({"audit", "verify"});
  CHECK(r.out.rfind("ok: 4 events, head ", 0) == 0);
  CHECK(r.out.find(" at event 4\n") != std::string::npos);
  Json j = s.ok({"audit", "verify", "--format", "json"}).json();
  CHECK(j["ok"] == true);
  CHECK(j["events"] == 4);
  CHECK(j["head"].get<std::string>().size() == 64);
}

TEST_CASE("audit: an event edited with sqlite3 is named by verify") {
  Sandbox s;
  some_history(s);
  REQUIRE(sql_tool(s,
                   "UPDATE events SET data = replace(data, 'looking', 'fixed it') "
                   "WHERE id = 2")
              .status == 0);
  Result r = s.run({"audit", "verify"});
  CHECK(r.status == 1);
  CHECK(r.out == "");
  CHECK(r.err_line() ==
        "desk: the audit chain is broken at event 2: it does not match its hash: it, or the event "
        "before it, was changed, or an event was removed");
  // Any column counts: the actor, the time.
  Sandbox t;
  some_history(t);
  REQUIRE(sql_tool(t, "UPDATE events SET actor = 'mallory' WHERE id = 3").status == 0);
  CHECK(t.run({"audit", "verify"})
            .err_line()
            .rfind("desk: the audit chain is broken at event 3:", 0) == 0);
}

TEST_CASE("audit: a deleted event is found at the one after it, an anchor finds a lost tail") {
  Sandbox s;
  some_history(s);
  std::string head3 = s.ok({"audit", "verify", "--format", "json"}).json()["head"];
  REQUIRE(sql_tool(s, "DELETE FROM events WHERE id = 2").status == 0);
  Result r = s.run({"audit", "verify"});
  CHECK(r.status == 1);
  CHECK(r.err_line().rfind("desk: the audit chain is broken at event 3:", 0) == 0);

  Sandbox t;
  some_history(t);
  std::string head = t.ok({"audit", "verify", "--format", "json"}).json()["head"];
  CHECK(t.ok({"audit", "verify", "--anchor", head}).status == 0);
  REQUIRE(sql_tool(t, "DELETE FROM events WHERE id = 4").status == 0);
  Result lost = t.run({"audit", "verify", "--anchor", head});
  CHECK(lost.status == 1);
  CHECK(lost.err_line() == "desk: the head " + head + " recorded earlier is not in the chain");
  (void)head3;
}

TEST_CASE("audit: export writes every event as JSON Lines with its hash") {
  Sandbox s;
  some_history(s);
  s.ok({"customer", "add", "Jane Doe", "--email", "jane@example.org"});
  auto lines = s.ok({"audit", "export"}).jsonl();
  REQUIRE(lines.size() == 5);
  CHECK(lines[0]["id"] == 1);
  CHECK(lines[0]["ticket"] == 1);
  CHECK(lines[0]["kind"] == "logged");
  CHECK(lines[0]["data"]["changes"]["title"][1] == "printer jammed");
  CHECK(lines[0]["hash"].get<std::string>().size() == 64);
  CHECK(lines[4]["ticket"].is_null());
  CHECK(lines[4]["subject"] == "customer:1");
  CHECK(lines[4]["kind"] == "customer-added");
  s.ok({"audit", "export", "-o", "history.jsonl"});
  CHECK(s.read("history.jsonl") == s.ok({"audit", "export"}).out);
}

TEST_CASE("audit: a store from before the chain is chained when it is migrated") {
  Sandbox s(false);
  {
    SQLite::Database db(s.path("old.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode = WAL");
    for (const char* f : {"0001_initial.sql", "0002_lifecycle.sql"}) {
      std::ifstream in(source_dir() / "lib/desk/store/sqlite/schema" / f);
      std::string sql((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      db.exec(sql);
    }
    db.exec("PRAGMA user_version = 2");
    db.exec(
        "INSERT INTO customers (id, name, email, phone, created_at, updated_at) "
        "VALUES (1, 'Old Customer', 'old@example.org', '020 7946 0958', 1690000000, 1690000000)");
    db.exec(
        "INSERT INTO tickets (id, type, title, status, priority, customer_id, created_at, "
        "updated_at) VALUES (1, 'incident', 'old one', 'new', 'P3', 1, 1700000000, 1700000100)");
    db.exec(
        "INSERT INTO events (ticket_id, at, recorded_at, actor, kind, data) VALUES "
        "(1, 1700000000, 1700000000, 'bob', 'logged', "
        "'{\"changes\":{\"title\":[null,\"old one\"],\"status\":[null,\"new\"],"
        "\"type\":[null,\"incident\"],\"priority\":[null,\"P3\"],\"customer_id\":[null,1]}}'),"
        "(1, 1700000100, 1700000100, 'bob', 'note', '{\"text\":\"hello\"}')");
  }
  s.write("desk.toml", "[desk]\nstore = \"old.db\"\n");
  // The two events, and the customer-added event version 9 records for the
  // customer a store had before customers had events.
  Result r = s.ok({"audit", "verify"});
  CHECK(r.out.rfind("ok: 3 events, head ", 0) == 0);
  Json added = s.ok({"customer", "export", "old@example.org"}).json()["events"];
  REQUIRE(added.size() == 1);
  CHECK(added[0]["kind"] == "customer-added");
  CHECK(added[0]["actor"] == "desk");
  CHECK(added[0]["data"]["changes"]["name"][1] == "Old Customer");
  CHECK(added[0]["data"]["changes"]["phone"][1] == "020 7946 0958");
  CHECK(s.ok({"doctor"}).out.find("no problems found") != std::string::npos);
  s.ok({"note", "1", "-m", "after the upgrade"});
  CHECK(s.ok({"audit", "verify"}).out.rfind("ok: 4 events", 0) == 0);
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["events"].size() == 3);
  CHECK(t["events"][1]["text"] == "hello");
}

TEST_CASE("audit: compact rewrites the file and leaves the chain whole") {
  Sandbox s;
  some_history(s);
  Result r = s.ok({"audit", "compact"});
  CHECK(r.out == "Compacted the store: no erased data is left in the file\n");
  CHECK(s.ok({"audit", "verify"}).status == 0);
}

TEST_CASE("audit: articles a store held before version 9 get their events when it is migrated") {
  Sandbox s;
  s.log("one");
  s.ok({"kb", "add", "Reset a password", "-m", "Use the portal.", "-t", "access"});
  s.ok({"kb", "edit", "1", "--body", "Use the self-service portal."});
  s.ok({"kb", "add", "Printer jams", "-m", "Open tray 2."});
  std::string before = s.ok({"kb", "history", "1", "--format", "json"}).out;
  {
    // What a desk before version 9 left: versions without events (the
    // newest events, so the chain without them still verifies).
    SQLite::Database db(s.store().string(), SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM events WHERE kind = 'article-version'");
    db.exec("PRAGMA user_version = 8");
  }
  CHECK(s.ok({"audit", "verify"}).out.rfind("ok: 4 events", 0) == 0);
  auto history = s.ok({"audit", "export"}).jsonl();
  std::vector<std::string> recorded;
  for (const auto& e : history)
    if (e["kind"] == "article-version")
      recorded.push_back(e["subject"].get<std::string>() + " v" +
                         std::to_string(e["data"]["version"]["number"].get<int>()));
  CHECK(recorded == std::vector<std::string>{"article:1 v1", "article:1 v2", "article:2 v1"});
  CHECK(s.ok({"doctor"}).out.find("no problems found") != std::string::npos);
  CHECK(s.ok({"kb", "history", "1", "--format", "json"}).out == before);
}
