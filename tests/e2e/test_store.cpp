#include <sys/stat.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("store: a missing store is an I/O error naming the path") {
  Sandbox s(false);
  Result r = s.run({"--db", "nowhere.db", "list"});
  CHECK(r.status == 74);
  CHECK(r.err_line() == "desk: no store at '" + (s.dir() / "nowhere.db").string() + "'");
  CHECK(r.err.find("hint: run 'desk init'") != std::string::npos);
}

TEST_CASE("store: a store from a newer desk is refused and left untouched") {
  Sandbox s;
  s.log("old");
  {
    SQLite::Database db(s.store().string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 999");
  }
  std::string before = s.dump_store();
  for (auto args : {std::vector<std::string>{"list"}, {"log", "x", "-m", ""}, {"show", "1"}}) {
    Result r = s.run(args);
    CHECK(r.status == 74);
    CHECK(r.err_line().find("was written by a newer desk (schema 999") != std::string::npos);
  }
  CHECK(s.dump_store() == before);
}

TEST_CASE("store: a corrupt or foreign file is refused") {
  Sandbox s(false);
  s.write("junk.db", std::string(8192, 'x'));
  Result r = s.run({"--db", "junk.db", "list"});
  CHECK(r.status == 74);
  CHECK(r.err_line() ==
        "desk: the store '" + (s.dir() / "junk.db").string() + "' is corrupt or not a desk store");
  {
    SQLite::Database db(s.path("other.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE photos (id INTEGER)");
  }
  Result f = s.run({"--db", "other.db", "log", "x", "-m", ""});
  CHECK(f.status == 74);
  CHECK(f.err_line() == "desk: '" + (s.dir() / "other.db").string() +
                            "' is a SQLite database but not a desk store");
}

TEST_CASE("store: WAL mode, 16 KiB pages and the schema version are in place") {
  Sandbox s;
  SQLite::Database db(s.store().string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db.execAndGet("PRAGMA page_size").getInt() == 16384);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() >= 1);
}

TEST_CASE("store: a store made with 4 KiB pages keeps them and works") {
  Sandbox s;
  std::filesystem::remove(s.store());
  {
    SQLite::Database db(s.store().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA page_size = 4096");
    db.exec("VACUUM");
  }
  s.log("one");
  CHECK(s.ok({"list", "-q"}).out == "1\n");
  SQLite::Database db(s.store().string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA page_size").getInt() == 4096);
}

TEST_CASE("store: a read-only store can be read but not written (exit 74)") {
  Sandbox s;
  s.log("one");
  if (geteuid() == 0) {
    // root ignores file permissions; a read-only open shows the same path.
    Result r = s.run({"list", "-q"});
    CHECK(r.out == "1\n");
    return;
  }
  chmod(s.store().c_str(), 0444);
  CHECK(s.ok({"list", "-q"}).out == "1\n");
  Result w = s.run({"log", "two", "-m", ""});
  CHECK(w.status == 74);
  chmod(s.store().c_str(), 0644);
}
