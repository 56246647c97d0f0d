#include <fstream>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

std::string sql(const Sandbox& s, const std::string& file, const std::string& query) {
  return run_program({"sqlite3", file, query}, "", s.dir(), {}).out;
}

// Overwrites `n` bytes of `file` at `offset` with garbage.
void scribble(const Sandbox& s, const std::string& file, std::size_t offset, std::size_t n) {
  std::fstream f(s.path(file), std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(offset));
  for (std::size_t i = 0; i < n; ++i) f.put(static_cast<char>(0xA5 ^ (i * 7)));
}

}  // namespace

TEST_CASE("restore: puts a backup in the store's place and keeps the old store to undo it") {
  Sandbox s;
  s.log("one");
  s.ok({"backup", "monday.db"});
  s.log("two");
  Result r = s.ok({"restore", "monday.db"});
  std::string kept = s.store().string() + ".20261124T103000Z.bak";
  CHECK(r.out == "Restored 'monday.db' into '" + s.store().string() +
                     "' (1 tickets, schema 9)\nThe store as it was is in '" + kept +
                     "'; 'desk restore " + kept + "' undoes this\n");
  CHECK(s.ok({"list", "-q"}).out == "1\n");
  CHECK(sql(s, "desk.db", "PRAGMA journal_mode") == "wal\n");
  CHECK(s.ok({"doctor"}).status == 0);
  // Undo.
  s.ok({"restore", kept, "-q"});
  CHECK(s.ok({"list", "-q"}).out == "1\n2\n");
  s.log("three");  // the restored store takes writes as before
  CHECK(s.ok({"list", "-q"}).out == "1\n2\n3\n");
}

TEST_CASE("restore --check: says what a backup holds and changes nothing") {
  Sandbox s;
  s.log("one");
  s.ok({"backup", "b.db"});
  std::string before = s.dump_store();
  Result r = s.ok({"restore", "--check", "b.db"});
  CHECK(r.out == "'b.db' is a sound desk store (1 tickets, schema 9)\n");
  CHECK(s.dump_store() == before);
}

TEST_CASE(
    "restore: refuses a corrupt file, another database and a newer schema, touching nothing") {
  Sandbox s;
  for (int i = 0; i < 40; ++i) s.log("ticket " + std::to_string(i), {"-m", std::string(300, 'x')});
  s.ok({"backup", "good.db"});
  s.log("after the backup");
  std::string before = s.dump_store();
  auto refused = [&](const std::string& file, const std::string& err) {
    CAPTURE(file);
    Result r = s.run({"restore", file});
    CHECK(r.status == 74);
    CHECK(r.err_line().rfind(err, 0) == 0);
    CHECK(s.dump_store() == before);
  };

  run_program({"cp", "good.db", "pages.db"}, "", s.dir(), {});
  // Every page but the first (the schema): the tables' pages are garbage.
  scribble(s, "pages.db", 4096, std::filesystem::file_size(s.path("pages.db")) - 4096);
  refused("pages.db", "desk: 'pages.db' is corrupt");

  run_program({"cp", "good.db", "header.db"}, "", s.dir(), {});
  scribble(s, "header.db", 0, 100);  // not even a SQLite file now
  refused("header.db", "desk: 'header.db' is corrupt or not a SQLite database");

  run_program({"sqlite3", "other.db", "CREATE TABLE t (x); INSERT INTO t VALUES (1)"}, "", s.dir(),
              {});
  refused("other.db", "desk: 'other.db' is not a desk store");

  run_program({"cp", "good.db", "newer.db"}, "", s.dir(), {});
  run_program({"sqlite3", "newer.db", "PRAGMA user_version = 999"}, "", s.dir(), {});
  refused("newer.db", "desk: 'newer.db' was written by a newer desk (schema 999, this desk knows");

  s.write("text.db", "just text, not a database\n");
  refused("text.db", "desk: 'text.db' is corrupt or not a SQLite database");
  refused("missing.db", "desk: no file 'missing.db'");
  Result self = s.run({"restore", "desk.db"});
  CHECK(self.status == 2);
}

TEST_CASE("restore: a killed restore's temporary files are removed by the next one") {
  Sandbox s;
  s.fill(300, 20000);
  s.ok({"backup", "good.db"});
  // Killed while it keeps a copy of the store as it was.
  Result killed = run_program({"sh", "-c",
                               "\"$DESK\" --now=2026-11-24T10:30:00Z restore good.db & p=$!; "
                               "until ls -a | grep -q '^\\.desk\\.db\\..*bak'; do sleep 0.001; "
                               "done; kill -9 $p; wait $p; echo $?"},
                              "", s.dir(), {{"DESK", desk_binary()}});
  REQUIRE(killed.out == "137\n");
  std::vector<std::string> left;
  for (const auto& e : std::filesystem::directory_iterator(s.dir()))
    if (e.path().filename().string().front() == '.') left.push_back(e.path().filename().string());
  REQUIRE_FALSE(left.empty());
  for (const auto& name : left) run_program({"touch", "-d", "2 hours ago", name}, "", s.dir(), {});
  s.now = "2026-11-24T11:00:00Z";
  s.ok({"restore", "good.db", "-q"});
  for (const auto& e : std::filesystem::directory_iterator(s.dir()))
    CHECK(e.path().filename().string().front() != '.');
  CHECK(sql(s, "desk.db", "SELECT count(*) FROM tickets") == "300\n");
}
