#include <fstream>
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
  CHECK(r.out == "Backed up '" + s.store().string() + "' to 'copy.db' (2 tickets, schema 9)\n");
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

namespace {

// Overwrites `n` bytes of `file` at `offset` with garbage.
void scribble(const Sandbox& s, const std::string& file, std::size_t offset, std::size_t n) {
  std::fstream f(s.path(file), std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(offset));
  for (std::size_t i = 0; i < n; ++i) f.put(static_cast<char>(0xA5 ^ (i * 7)));
}

std::vector<std::string> hidden_files(const Sandbox& s) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(s.dir()))
    if (e.path().filename().string().front() == '.') out.push_back(e.path().filename().string());
  return out;
}

}  // namespace

TEST_CASE("backup: a corrupt store is refused (74), named, and the last good backup stays") {
  Sandbox s;
  for (int i = 0; i < 60; ++i) s.log("ticket " + std::to_string(i), {"-m", std::string(900, 'x')});
  s.ok({"backup", "weekly.db"});
  std::string good = s.read("weekly.db");
  // The last pages hold tickets and events: garbage there, the schema intact.
  auto size = std::filesystem::file_size(s.store());
  scribble(s, "desk.db", size - 3 * 16384, 3 * 16384);
  Result r = s.run({"backup", "weekly.db"});
  CHECK(r.status == 74);
  CHECK(r.err_line().rfind("desk: the store '" + s.store().string() + "' is corrupt: ", 0) == 0);
  CHECK(r.err.find("hint: nothing was backed up and 'weekly.db' is as it was; 'desk doctor' says "
                   "what is damaged, 'desk restore' puts a good backup back") != std::string::npos);
  CHECK(s.read("weekly.db") == good);
  CHECK(hidden_files(s).empty());
  // desk doctor on that store gives advice other than running desk doctor.
  Result doctor = s.run({"doctor"});
  CHECK(doctor.err.find("run 'desk doctor'") == std::string::npos);
}

TEST_CASE("backup: a killed backup's temporary files are removed by the next one") {
  Sandbox s;
  // Large enough that the copy is still running when the kill comes.
  s.fill(300, 20000);
  Result killed = run_program({"sh", "-c",
                               "\"$DESK\" backup copy.db & p=$!; "
                               "until ls -a | grep -q '^\\.copy\\.db\\.'; do sleep 0.001; done; "
                               "kill -9 $p; wait $p; echo $?"},
                              "", s.dir(), {{"DESK", desk_binary()}});
  REQUIRE(killed.out == "137\n");
  std::vector<std::string> left = hidden_files(s);
  REQUIRE_FALSE(left.empty());
  // Files of another program that look alike, and a live desk's, stay.
  s.write(".copy.db.Ab12Cd", "rsync's");
  for (const auto& name : left) run_program({"touch", "-d", "2 hours ago", name}, "", s.dir(), {});
  run_program({"touch", "-d", "2 hours ago", ".copy.db.Ab12Cd"}, "", s.dir(), {});
  s.ok({"backup", "copy.db", "-q"});
  CHECK(hidden_files(s) == std::vector<std::string>{".copy.db.Ab12Cd"});
  CHECK(run_program({"sqlite3", "copy.db", "SELECT count(*) FROM tickets"}, "", s.dir(), {}).out ==
        "300\n");
}

TEST_CASE("backup: a temporary file in use by a running desk is never removed") {
  Sandbox s;
  s.log("one");
  // What a running backup holds: a locked temporary file of desk's kind.
  s.write(".copy.db.desk-tmp-AbCdEf", "in use");
  run_program({"touch", "-d", "2 hours ago", ".copy.db.desk-tmp-AbCdEf"}, "", s.dir(), {});
  Result r = run_program({"sh", "-c",
                          "flock .copy.db.desk-tmp-AbCdEf sh -c '\"$DESK\" backup copy.db -q; "
                          "echo $?'"},
                         "", s.dir(), {{"DESK", desk_binary()}});
  CHECK(r.out == "0\n");
  CHECK(s.read(".copy.db.desk-tmp-AbCdEf") == "in use");
}
