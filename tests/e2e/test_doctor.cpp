#include <fstream>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

// SQL run behind desk's back: with the sqlite3 tool, or with psql by a role
// that owns the tables and so may turn off the server's append-only guard
// for its transaction.
void sql(const Sandbox& s, const std::string& query) {
  Result r = s.sql(on_postgres() ? "SET LOCAL desk.rewriting_history = 'on'; " + query : query);
  INFO(query << "\n" << r.err);
  REQUIRE(r.status == 0);
}

}  // namespace

TEST_CASE("doctor: a sound store is clean") {
  Sandbox s;
  s.log("one", {"-t", "b,a"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "done"});
  Result r = s.run({"doctor"});
  CHECK(r.status == 0);
  CHECK(r.out == "Checked '" + s.location() + "': 1 tickets, 2 events, no problems found\n");
  CHECK(r.err == "");
  Result full = s.run({"doctor", "--full", "--format", "json"});
  CHECK(full.status == 0);
  CHECK(full.json()["problems"] == 0);
  CHECK(full.json()["tickets"] == 1);
}

TEST_CASE("doctor: a row that is not the replay of its events, and --repair") {
  Sandbox s;
  s.log("one");
  s.log("two");
  sql(s, "UPDATE tickets SET status = 'resolved', title = 'changed' WHERE id = 2");
  sql(s, "DELETE FROM ticket_tags WHERE ticket_id = 1; INSERT INTO ticket_tags VALUES (1, 'x')");
  Result r = s.run({"doctor"});
  CHECK(r.status == 1);
  CHECK(r.out ==
        "Checked '" + s.location() +
            "': 2 tickets, 2 events, 2 problem(s)\n"
            "ticket 1: tags is [\"x\"] in its row, [] by its events\n"
            "  what to do: the events are the record: 'desk doctor --repair' rewrites the row "
            "from them\n"
            "ticket 2: title is 'changed' in its row, 'two' by its events; status is 'resolved' "
            "in its row, 'new' by its events\n"
            "  what to do: the events are the record: 'desk doctor --repair' rewrites the row "
            "from them\n");
  Json j = s.run({"doctor", "--format", "json"}).json();
  CHECK(j["problems"] == 2);
  CHECK(j["findings"][1]["where"] == "ticket 2");

  Result repair = s.run({"doctor", "--repair"});
  CHECK(repair.status == 0);
  CHECK(repair.out.find("Repaired 2 ticket row(s) from their events\n") != std::string::npos);
  CHECK(s.run({"doctor"}).status == 0);
  CHECK(s.ok({"show", "2", "--format", "json"}).json()["title"] == "two");
}

TEST_CASE("doctor: broken references and a history that does not start with logged") {
  Sandbox s;
  s.log("one");
  s.log("two");
  sql(s,
      "PRAGMA foreign_keys = OFF; INSERT INTO events (ticket_id, at, recorded_at, actor, kind) "
      "VALUES (99, 0, 0, 'x', 'note'); DELETE FROM events WHERE ticket_id = 2");
  Result r = s.run({"doctor"});
  CHECK(r.status == 1);
  CHECK(r.out.find("2 problem(s)") != std::string::npos);
  CHECK(r.out.find("table events, row 3: refers to a row of 'tickets' that does not exist\n  what "
                   "to do: restore the latest good backup") != std::string::npos);
  CHECK(r.out.find("ticket 2: has no history: no events at all") != std::string::npos);
  // --repair cannot mend these: still 1.
  CHECK(s.run({"doctor", "--repair"}).status == 1);
}

TEST_CASE("doctor: a store it cannot open is named, with advice other than desk doctor") {
  Sandbox s;
  s.log("one");
  {
    std::fstream f(s.store(), std::ios::in | std::ios::out | std::ios::binary);
    f.write(std::string(100, '\x5a').data(), 100);  // the header: not SQLite any more
  }
  Result r = s.run({"doctor"});
  CHECK(r.status == 74);
  CHECK(r.err_line() ==
        "desk: the store '" + s.store().string() + "' is corrupt or not a desk store");
  CHECK(r.err.find("run 'desk doctor'") == std::string::npos);
  CHECK(r.err.find("hint: desk doctor cannot read past the damage: restore the latest good "
                   "backup with 'desk restore FILE'") != std::string::npos);
}

TEST_CASE("doctor: issue 14: a rating or a link changed behind desk's back is found") {
  Sandbox s;
  s.log("one");
  s.log("two");
  s.log("three");
  s.ok({"resolve", "1", "--code", "fixed", "-m", "done"});
  s.ok({"rate", "1", "--score", "5", "-m", "quick"});
  s.ok({"link", "2", "--to", "1", "--kind", "caused-by"});
  s.ok({"link", "3", "--to", "1"});
  CHECK(s.run({"doctor"}).status == 0);
  sql(s, "UPDATE ratings SET score = 1 WHERE ticket_id = 1");
  sql(s, "DELETE FROM ticket_links WHERE ticket_id = 2");
  sql(s, "INSERT INTO ticket_links VALUES (3, 2, 'related', 0, 'mallory')");
  Result r = s.run({"doctor"});
  CHECK(r.status == 1);
  CHECK(r.out.find("ticket 1: its rating is 1 of 5 in its row, 5 by its 'rated' event\n") !=
        std::string::npos);
  CHECK(r.out.find("ticket 2: its 'linked' event (caused-by 1) has no link row\n") !=
        std::string::npos);
  CHECK(r.out.find("ticket 3: has a link related 2 that no 'linked' event records\n") !=
        std::string::npos);
  CHECK(s.run({"doctor", "--format", "json"}).json()["problems"] == 3);
  sql(s, "DELETE FROM ratings");
  CHECK(s.run({"doctor"}).out.find("ticket 1: its 'rated' event (5 of 5) has no rating row\n") !=
        std::string::npos);
}

TEST_CASE("doctor: issue 14: --repair refuses to copy events from a chain that does not verify") {
  Sandbox s;
  s.log("one");
  // A forged event: the title it records differs from the row's, so a
  // repair would write the forgery into the row.
  sql(s, "UPDATE events SET data = replace(data, '\"one\"', '\"forged\"') WHERE ticket_id = 1");
  std::string before = s.dump_store();
  Result r = s.run({"doctor", "--repair"});
  CHECK(r.status == 1);
  CHECK(r.err_line().rfind("desk: not repairing: the audit chain is broken at event 1", 0) == 0);
  CHECK(s.dump_store() == before);
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["title"] == "one");
}

TEST_CASE("doctor: issue 14: a customer changed, added or removed behind desk's back is found") {
  Sandbox s;
  s.ok({"customer", "add", "Alice Smith", "--email", "alice@example.org", "--phone",
        "020 7946 0958"});
  s.ok({"customer", "add", "Bob Jones", "--email", "bob@example.org"});
  s.ok({"customer", "edit", "bob@example.org", "--tier", "vip", "--notes", "met Alice Smith"});
  s.ok({"customer", "add", "Carol", "--email", "carol@example.org", "--organisation", "Acme"});
  s.ok({"customer", "add", "Dan", "--phone", "020 7946 0000"});
  s.log("printer", {"--customer", "Dan"});
  s.ok({"customer", "merge", "carol@example.org", "Dan"});
  s.ok({"customer", "forget", "alice@example.org"});
  // Added, edited, merged, erased (with Bob's notes scrubbed of her name):
  // every row is what its events say.
  Result clean = s.run({"doctor"});
  CHECK(clean.status == 0);
  CHECK(clean.out.find("no problems found") != std::string::npos);

  sql(s, "UPDATE customers SET name = 'Mallory', email = 'mallory@example.org' WHERE id = 2");
  sql(s, "UPDATE customers SET tier = 'vip', organisation = '' WHERE id = 3");
  sql(s, "UPDATE customers SET erased_at = NULL, name = 'Alice Smith' WHERE id = 1");
  sql(s,
      "INSERT INTO customers (id, name, email, created_at, updated_at) "
      "VALUES (9, 'Eve', 'eve@example.org', 0, 0)");
  Result r = s.run({"doctor"});
  CHECK(r.status == 1);
  CHECK(r.out.find("customer 2: name is 'Mallory' in its row, 'Bob Jones' by its events; email "
                   "is 'mallory@example.org' in its row, 'bob@example.org' by its events\n") !=
        std::string::npos);
  CHECK(r.out.find("customer 3: organisation is (none) in its row, 'Acme' by its events; tier is "
                   "'vip' in its row, (none) by its events\n") != std::string::npos);
  CHECK(r.out.find("customer 1: name is 'Alice Smith' in its row, '(erased)' by its events; its "
                   "events erased it, its row is not erased\n") != std::string::npos);
  CHECK(r.out.find("customer 9: has a row that no 'customer-added' event records\n") !=
        std::string::npos);
  CHECK(s.run({"doctor", "--format", "json"}).json()["problems"] == 4);

  // A row deleted: Dan's went with the merge, which its events tell; Bob's
  // did not.
  sql(s, "DELETE FROM customers WHERE id IN (2, 9)");
  Result gone = s.run({"doctor"});
  CHECK(gone.out.find("customer 2: its events record it, but it has no row\n") !=
        std::string::npos);
  CHECK(gone.out.find("customer 4:") == std::string::npos);
  CHECK(s.run({"doctor", "--format", "json"}).json()["problems"] == 3);
}

TEST_CASE("doctor: issue 14: an article or a version changed behind desk's back is found") {
  Sandbox s;
  s.ok({"kb", "add", "Reset a password", "-m", "Use the portal.", "-t", "access"});
  s.ok({"kb", "edit", "1", "--body", "Use the self-service portal."});
  s.ok({"kb", "publish", "1"});
  s.ok({"kb", "add", "Printer jams", "-m", "Open tray 2."});
  s.ok({"kb", "add", "VPN drops", "-m", "Reconnect."});
  Result clean = s.run({"doctor"});
  CHECK(clean.status == 0);
  CHECK(clean.out.find("no problems found") != std::string::npos);
  // Each version is an event the audit chain covers.
  CHECK(s.ok({"audit", "verify"}).out.rfind("ok: 5 events", 0) == 0);

  sql(s,
      "UPDATE kb_versions SET body = 'Email your password to us.' WHERE article_id = 1 AND "
      "version = 2");
  sql(s,
      "UPDATE kb_articles SET title = 'Forged', body = 'Email your password to us.' WHERE id = 1");
  sql(s, "DELETE FROM kb_versions WHERE article_id = 2");
  sql(s,
      "INSERT INTO kb_versions SELECT (SELECT max(id) + 1 FROM kb_versions), article_id, 2, at, "
      "'mallory', 'edited', 'body', '', "
      "kind, state, title, 'Call me.', symptom, cause, workaround, fix_status, category, "
      "service, tags, author, created_at, updated_at, published_at, retired_at "
      "FROM kb_versions WHERE article_id = 3");
  Result r = s.run({"doctor"});
  CHECK(r.status == 1);
  CHECK(r.out.find("article 1: version 2: body differs from its event; title, body differ from "
                   "its newest version (3)\n") != std::string::npos);
  CHECK(r.out.find("article 2: its event records version 1, which has no row\n") !=
        std::string::npos);
  CHECK(r.out.find("article 3: version 2 has no 'article-version' event; body, version differ "
                   "from its newest version (2)\n") != std::string::npos);
  CHECK(s.run({"doctor", "--format", "json"}).json()["problems"] == 3);
  // The chain itself is untouched: only the rows were changed.
  CHECK(s.ok({"audit", "verify"}).status == 0);
}
