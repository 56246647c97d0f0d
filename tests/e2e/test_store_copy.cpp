// desk store copy, and desk backup and restore across backends: every row
// is copied as it is, so the copy exports the same bytes, answers the same
// searches, verifies its audit chain to the same head, and goes on from the
// same ids. On the PostgreSQL run the sandbox's store is a database, so the
// same cases copy from a server to a file and back.
#include <filesystem>
#include <unistd.h>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

// The sandbox's store as desk names it: its file, or its database's URI.
std::string location(const Sandbox& s) {
  return on_postgres() ? s.database() : s.store().string();
}

// A desk with a bit of everything a copy must carry: customers, tickets in
// several states, notes, a rating, links, a checklist, a published article
// with two versions, and a ticket purged (an id never to be given again).
void fill(const Sandbox& s) {
  s.ok({"customer", "add", "Ann Lee", "--email", "ann@example.org"});
  s.log("Printer jam on floor 3", {"-c", "ann@example.org"});
  s.log("VPN drops every hour", {"-p", "P2"});
  s.log("Обновить драйвер принтера");
  s.ok({"note", "1", "-m", "Checked the tray"});
  s.ok({"take", "2"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "Cleared the jam"});
  s.ok({"rate", "1", "--score", "5"});
  s.ok({"link", "2", "--to", "3"});
  s.ok({"kb", "add", "Clearing a printer jam", "-m", "Open tray 2 and pull the sheet out."});
  s.ok({"kb", "edit", "1", "--body", "Open tray 2, then pull the sheet out slowly."});
  s.ok({"kb", "publish", "1"});
  s.ok({"kb", "add", "Принтер не печатает", "-m", "Проверьте очередь печати."});
  s.ok({"kb", "publish", "2"});
}

// The head hash `desk audit verify` prints for `store`.
std::string head_of(const Sandbox& s, const std::string& store) {
  return s.ok({"--db", store, "audit", "verify", "--format", "json"}).json()["head"];
}

std::string export_of(const Sandbox& s, const std::string& store) {
  return s.ok({"--db", store, "export"}).out;
}

}  // namespace

TEST_CASE(
    "store copy: a new file holds every row, verifies to the same head, goes on from the same "
    "ids") {
  Sandbox s;
  fill(s);
  std::string from = location(s);
  std::string head = head_of(s, from);
  Result r = s.ok({"store", "copy", from, "copy.db"});
  CHECK(r.out ==
        "Copied '" + from +
            "' to 'copy.db': 3 tickets, 14 events, 1 customers, 2 articles, 0 mail messages\n"
            "The copy's audit chain verifies: 14 events, head " +
            head + " at event 14\n");
  CHECK(r.err == "");
  CHECK(head_of(s, "copy.db") == head);
  CHECK(export_of(s, "copy.db") == export_of(s, from));
  for (const char* words : {"printer", "ПРИНТЕР", "tray"})
    CHECK(s.ok({"--db", "copy.db", "kb", "search", words}).out ==
          s.ok({"kb", "search", words}).out);
  CHECK(s.ok({"--db", "copy.db", "kb", "history", "1"}).out == s.ok({"kb", "history", "1"}).out);
  // Both go on from the same ids.
  CHECK(s.ok({"--db", "copy.db", "log", "-q", "Next"}).out == "4\n");
  CHECK(s.ok({"log", "-q", "Next"}).out == "4\n");
  // A self-contained file, and nothing left beside it.
  CHECK_FALSE(std::filesystem::exists(s.path("copy.db-wal")));
  for (const auto& e : std::filesystem::directory_iterator(s.dir()))
    CHECK(e.path().filename().string().front() != '.');
}

TEST_CASE("store copy: an existing file, the store itself and a missing store are refused") {
  Sandbox s;
  s.log("one");
  std::string from = location(s);
  s.write("taken.db", "not mine");
  Result taken = s.run({"store", "copy", from, "taken.db"});
  CHECK(taken.status == 1);
  CHECK(taken.err_line() == "desk: 'taken.db' already exists");
  CHECK(s.read("taken.db") == "not mine");
  Result self = s.run({"store", "copy", from, from});
  CHECK(self.status == 2);
  CHECK(self.err_line() == "desk: '" + from + "' is the store to copy");
  Result missing = s.run({"store", "copy", "nowhere.db", "copy.db"});
  CHECK(missing.status == 74);
  CHECK_FALSE(std::filesystem::exists(s.path("copy.db")));
  Result usage = s.run({"store", "copy", from});
  CHECK(usage.status == 2);
}

TEST_CASE("store copy: into PostgreSQL and back, the same store") {
  if (!on_postgres()) return;  // needs a server: the e2e-pg run
  Sandbox s;
  fill(s);
  std::string from = location(s);
  std::string head = head_of(s, from);
  s.ok({"store", "copy", from, "file.db"});
  // A second database on the server, empty, takes the file's copy.
  std::string name = "desk_copy_" + std::to_string(::getpid());
  REQUIRE(psql(pg_server(), "CREATE DATABASE " + name, s.dir()).status == 0);
  std::string uri = database_uri(name);
  Result r = s.ok({"store", "copy", "file.db", uri});
  CHECK(r.out.find("3 tickets, 14 events, 1 customers, 2 articles") != std::string::npos);
  CHECK(head_of(s, uri) == head);
  CHECK(export_of(s, uri) == export_of(s, from));
  // Identity columns go on after the copied rows: a new version, rating, ...
  s.ok({"--db", uri, "kb", "edit", "2", "--body", "Проверьте очередь печати ещё раз."});
  s.ok({"--db", uri, "resolve", "2", "--code", "fixed", "-m", "Replaced the router"});
  s.ok({"--db", uri, "rate", "2", "--score", "4"});
  CHECK(s.ok({"--db", uri, "log", "-q", "Next"}).out == "4\n");
  // A store that holds records is not copied over.
  std::string before = psql(uri, "SELECT count(*), max(id) FROM events", s.dir()).out;
  Result again = s.run({"store", "copy", "file.db", uri});
  CHECK(again.status == 1);
  CHECK(again.err_line() ==
        "desk: the database already holds a desk store with tickets or other records");
  CHECK(psql(uri, "SELECT count(*), max(id) FROM events", s.dir()).out == before);
  psql(pg_server(), "DROP DATABASE " + name + " WITH (FORCE)", s.dir());
}

TEST_CASE("store copy: backup and restore give back the same store on either backend") {
  Sandbox s;
  fill(s);
  std::string store = location(s);
  Result b = s.ok({"backup", "monday.db"});
  CHECK(b.out == "Backed up '" + store + "' to 'monday.db' (3 tickets, schema 9)\n");
  std::string monday = export_of(s, store);
  std::string head = head_of(s, store);
  CHECK(export_of(s, "monday.db") == monday);
  s.log("Tuesday's ticket");
  std::string tuesday = export_of(s, store);

  Result r = s.ok({"restore", "monday.db"});
  CHECK(r.out.find("Restored 'monday.db' into '" + store + "' (3 tickets, schema 9)\n") == 0);
  CHECK(export_of(s, store) == monday);
  CHECK(head_of(s, store) == head);
  // What the store held before is kept, and restoring it undoes the restore.
  std::string keep = on_postgres() ? "desk-store.20261124T103000Z.bak"
                                   : s.store().string() + ".20261124T103000Z.bak";
  CHECK(r.out.find("The store as it was is in '" + keep + "'") != std::string::npos);
  CHECK(export_of(s, keep) == tuesday);
  s.ok({"restore", keep});
  CHECK(export_of(s, store) == tuesday);
  CHECK(s.ok({"log", "-q", "Wednesday"}).out == "5\n");
}

TEST_CASE("store copy: a restore that is refused changes nothing") {
  Sandbox s;
  s.log("one");
  std::string before = s.dump_store();
  s.write("bad.db", "SQLite format 3 but not really");
  Result r = s.run({"restore", "bad.db"});
  CHECK(r.status == 74);
  CHECK(s.dump_store() == before);
}
