#include <thread>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

std::string sql(const Sandbox& s, const std::string& file, const std::string& query) {
  return run_program({"sqlite3", file, query}, "", s.dir(), {}).out;
}

}  // namespace

TEST_CASE("backup: a consistent, self-contained copy, written atomically") {
  Sandbox s;
  s.log("one");
  s.log("two");
  Result r = s.ok({"backup", "copy.db"});
  CHECK(r.out == "Backed up '" + s.store().string() + "' to 'copy.db' (2 tickets, schema 5)\n");
  CHECK(r.err == "");
  CHECK(std::filesystem::exists(s.path("copy.db")));
  CHECK_FALSE(std::filesystem::exists(s.path("copy.db-wal")));
  CHECK(sql(s, "copy.db", "PRAGMA integrity_check") == "ok\n");
  CHECK(sql(s, "copy.db", "SELECT count(*) FROM events") == "2\n");
  CHECK(s.ok({"--db", "copy.db", "list", "-q"}).out == "1\n2\n");
  // Again over the same file: replaced, and nothing left beside it.
  s.log("three");
  CHECK(s.ok({"backup", "copy.db", "-q"}).out == "");
  CHECK(sql(s, "copy.db", "SELECT count(*) FROM tickets") == "3\n");
  // No temporary file left beside it.
  for (const auto& e : std::filesystem::directory_iterator(s.dir()))
    CHECK(e.path().filename().string().front() != '.');

  Result self = s.run({"backup", "desk.db"});
  CHECK(self.status == 2);
  CHECK(self.err_line() == "desk: 'desk.db' is the store itself");
  Result nowhere = s.run({"backup", "no/such/dir/copy.db"});
  CHECK(nowhere.status == 74);
}

TEST_CASE("backup: while four writers keep logging, each copy is whole and consistent") {
  Sandbox s;
  std::vector<std::thread> writers;
  std::vector<int> failures(4, 0);
  for (int w = 0; w < 4; ++w)
    writers.emplace_back([&, w] {
      for (int i = 0; i < 15; ++i)
        if (s.run({"log", "-q", "w" + std::to_string(w), "-m", ""}).status != 0) ++failures[w];
    });
  std::vector<std::string> copies;
  for (int i = 0; i < 5; ++i) {
    std::string name = "copy" + std::to_string(i) + ".db";
    CHECK(s.run({"backup", name, "-q"}).status == 0);
    copies.push_back(name);
  }
  for (auto& t : writers) t.join();
  for (int f : failures) CHECK(f == 0);
  for (const auto& c : copies) {
    CAPTURE(c);
    CHECK(sql(s, c, "PRAGMA integrity_check") == "ok\n");
    // Every ticket in a copy has its logged event, and no event lacks its ticket.
    CHECK(sql(s, c,
              "SELECT (SELECT count(*) FROM tickets) = (SELECT count(*) FROM events WHERE "
              "kind = 'logged')") == "1\n");
    CHECK(s.run({"--db", c, "doctor", "-q"}).status == 0);
  }
}
