// What only a PostgreSQL store does: refusing a database that holds other
// tables, history kept append-only by the server, the write lock shared by
// every machine, a password never shown. Run by the "e2e-pg" tests, against
// the throwaway server; on SQLite these are disabled (tests/CMakeLists.txt).
#include <chrono>
#include <thread>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

// psql on the sandbox's own database.
Result psql(const Sandbox& s, const std::string& sql) {
  return e2e::psql(s.database(), sql, s.dir());
}

// desk's write lock (pg_store.hpp's kWriteLock: "desk" in ASCII).
constexpr const char* kWriteLock = "1684370283";

}  // namespace

TEST_CASE("postgres: init makes the schema in an empty database, and keeps it the second time") {
  REQUIRE(on_postgres());
  Sandbox s(false);
  Result r = s.run({"init"});
  CHECK(r.status == 0);
  CHECK(r.out.find("Created store " + s.database() + "\n") != std::string::npos);
  CHECK(psql(s, "SELECT version FROM desk_schema").out == "9\n");
  Result again = s.run({"init"});
  CHECK(again.status == 0);
  CHECK(again.out.find("Kept existing store " + s.database() + "\n") != std::string::npos);
  // desk.toml names the database, and the tickets go there.
  CHECK(s.read("desk.toml").find("store = \"" + s.database() + "\"") != std::string::npos);
  s.log("Printer jammed");
  CHECK(psql(s, "SELECT title FROM tickets").out == "Printer jammed\n");
}

TEST_CASE("postgres: a database that holds other tables is refused, and left as it was") {
  REQUIRE(on_postgres());
  Sandbox s(false);
  REQUIRE(psql(s, "CREATE TABLE payroll (name text); INSERT INTO payroll VALUES ('ann')").status ==
          0);
  for (auto args : {std::vector<std::string>{"init"}, {"list"}, {"log", "x", "-m", ""}}) {
    Result r = s.run(args);
    CHECK(r.status == 74);
    CHECK(r.err_line() ==
          "desk: the database '" + s.database() + "' holds tables but no desk store");
  }
  CHECK(psql(s,
             "SELECT string_agg(table_name, ',') FROM information_schema.tables "
             "WHERE table_schema = current_schema()")
            .out == "payroll\n");
}

TEST_CASE("postgres: an empty database is no store until desk init") {
  REQUIRE(on_postgres());
  Sandbox s(false);
  Result r = s.run({"list"});
  CHECK(r.status == 74);
  CHECK(r.err_line() == "desk: there is no desk store in the database '" + s.database() + "'");
  CHECK(r.err.find("hint: run 'desk init' to make one") != std::string::npos);
}

TEST_CASE("postgres: a store from a newer desk is refused and left untouched") {
  REQUIRE(on_postgres());
  Sandbox s;
  s.log("old");
  REQUIRE(psql(s, "UPDATE desk_schema SET version = 999").status == 0);
  std::string before = s.dump_store();
  for (auto args : {std::vector<std::string>{"list"}, {"log", "x", "-m", ""}, {"show", "1"}}) {
    Result r = s.run(args);
    CHECK(r.status == 74);
    CHECK(r.err_line() == "desk: the store '" + s.database() +
                              "' was written by a newer desk (schema 999, this desk knows 9)");
  }
  CHECK(s.dump_store() == before);
}

TEST_CASE("postgres: the server keeps history append-only") {
  REQUIRE(on_postgres());
  Sandbox s;
  s.log("kept");
  std::string before = s.dump_store();
  Result update = psql(s, "UPDATE events SET actor = 'mallory'");
  CHECK(update.status != 0);
  CHECK(update.err.find("events are append-only: UPDATE refused") != std::string::npos);
  Result del = psql(s, "DELETE FROM events");
  CHECK(del.status != 0);
  CHECK(del.err.find("events are append-only: DELETE refused") != std::string::npos);
  CHECK(s.dump_store() == before);
  CHECK(s.ok({"audit", "verify"}).status == 0);
}

TEST_CASE(
    "postgres: a writer waits busy_timeout for another's lock, then exits 75 changing nothing") {
  REQUIRE(on_postgres());
  Sandbox s;
  s.configure("[desk]\nbusy_timeout = \"1s\"\n");
  s.log("waiting");
  std::string before = s.dump_store();
  // Another machine's desk, holding the write lock for a while.
  std::thread holder([&] {
    psql(s, std::string("SELECT pg_advisory_lock(") + kWriteLock + "); SELECT pg_sleep(4)");
  });
  for (int i = 0; i < 100; ++i) {
    if (psql(s, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted").out ==
        "1\n")
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  auto start = std::chrono::steady_clock::now();
  Result r = s.run({"note", "1", "-m", "blocked"});
  double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  holder.join();
  CHECK(r.status == 75);
  CHECK(r.err_line() == "desk: the store '" + s.database() + "' stayed busy for 1 s");
  CHECK(waited >= 1.0);
  CHECK(s.dump_store() == before);
  CHECK(s.ok({"note", "1", "-m", "after", "-q"}).status == 0);
}

TEST_CASE("postgres: a password in the URI is never shown nor written down") {
  REQUIRE(on_postgres());
  Sandbox s(false);
  // The test server trusts the socket, so any password opens it.
  std::string uri = s.database();
  std::string with_password = uri + "&password=s3cret";
  Result r = s.run({"--db", with_password, "init"});
  CHECK(r.status == 0);
  CHECK(r.out.find("s3cret") == std::string::npos);
  CHECK(s.read("desk.toml").find("s3cret") == std::string::npos);
  Result bad = s.run({"--db", with_password, "show", "99"});
  CHECK(bad.status == 1);
  CHECK(bad.err.find("s3cret") == std::string::npos);
}

TEST_CASE("postgres: its schema holds SQLite's tables and columns, at the same version") {
  REQUIRE(on_postgres());
  Sandbox s;
  // A SQLite store of the same desk, beside it.
  s.ok({"--db", "twin.db", "init"});
  Result lite = run_program(
      {"sqlite3", "twin.db",
       "SELECT m.name || '.' || p.name FROM sqlite_schema m, pragma_table_info(m.name) p "
       "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' AND m.name NOT LIKE 'kb_words%' "
       "AND m.name NOT LIKE 'kb_trigram%' ORDER BY 1"},
      "", s.dir(), {});
  REQUIRE(lite.status == 0);
  Result pg = psql(s,
                   "SELECT table_name || '.' || column_name FROM information_schema.columns "
                   "WHERE table_schema = current_schema() AND table_name <> 'desk_schema' "
                   "ORDER BY table_name || '.' || column_name COLLATE \"C\"");
  REQUIRE(pg.status == 0);
  CHECK(pg.out == lite.out);
  CHECK(lite.out.find("tickets.timeline\n") != std::string::npos);  // the lists are not empty
  Result version = run_program({"sqlite3", "twin.db", "PRAGMA user_version"}, "", s.dir(), {});
  CHECK(psql(s, "SELECT version FROM desk_schema").out == version.out);
}
