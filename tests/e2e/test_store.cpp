#include <chrono>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>

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
  s.sql_ok(on_postgres() ? "UPDATE desk_schema SET version = 999" : "PRAGMA user_version = 999");
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
  // An empty database is no store until desk init makes it one.
  CHECK(s.run({"log", "one", "-m", ""}).status == 74);
  CHECK(s.ok({"init"}).out.find("Created store " + s.store().string()) != std::string::npos);
  s.log("one");
  CHECK(s.ok({"list", "-q"}).out == "1\n");
  SQLite::Database db(s.store().string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA page_size").getInt() == 4096);
}

namespace {

std::string bytes_of(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

bool beside(const std::filesystem::path& store, const char* suffix) {
  return std::filesystem::exists(store.string() + suffix);
}

const std::vector<std::vector<std::string>> kEveryKind = {
    {"list"}, {"doctor"}, {"log", "x", "-m", ""}, {"report", "backlog"}, {"backup", "copy.db"}};

}  // namespace

TEST_CASE("store: a foreign SQLite file is refused and left as it was, byte for byte") {
  Sandbox s(false);
  run_program(
      {"sqlite3", "other.db", "CREATE TABLE photos (id INTEGER); INSERT INTO photos VALUES (1)"},
      "", s.dir(), {});
  // Another application's schema version: no migration may start from it.
  run_program(
      {"sqlite3", "versioned.db", "CREATE TABLE tickets (id INTEGER); PRAGMA user_version = 3"}, "",
      s.dir(), {});
  for (std::string name : {"other.db", "versioned.db"}) {
    std::filesystem::path file = s.dir() / name;
    std::string before = bytes_of(file);
    for (const auto& args : kEveryKind) {
      std::vector<std::string> argv = {"--db", name};
      argv.insert(argv.end(), args.begin(), args.end());
      CAPTURE(name);
      CAPTURE(args[0]);
      Result r = s.run(argv);
      CHECK(r.status == 74);
      CHECK(r.err_line() ==
            "desk: '" + file.string() + "' is a SQLite database but not a desk store");
    }
    CHECK(bytes_of(file) == before);
    CHECK(run_program({"sqlite3", name, "PRAGMA journal_mode"}, "", s.dir(), {}).out == "delete\n");
    CHECK_FALSE(beside(file, "-wal"));
    CHECK_FALSE(std::filesystem::exists(s.path("copy.db")));
  }
}

TEST_CASE("store: an empty file is no store, only desk init makes it one") {
  Sandbox s(false);
  s.write("empty.db", "");
  std::filesystem::path file = s.dir() / "empty.db";
  for (const auto& args : kEveryKind) {
    std::vector<std::string> argv = {"--db", "empty.db"};
    argv.insert(argv.end(), args.begin(), args.end());
    CAPTURE(args[0]);
    Result r = s.run(argv);
    CHECK(r.status == 74);
    CHECK(r.err_line() == "desk: the store '" + file.string() + "' is empty");
    CHECK(r.err.find("hint: run 'desk init' to create a store in it") != std::string::npos);
  }
  CHECK(std::filesystem::file_size(file) == 0);
  CHECK_FALSE(beside(file, "-wal"));
  CHECK_FALSE(beside(file, "-shm"));
  Result init = s.ok({"--db", "empty.db", "init"});
  CHECK(init.out.find("Created store " + file.string()) != std::string::npos);
  s.ok({"--db", "empty.db", "log", "first", "-m", ""});
  CHECK(s.ok({"--db", "empty.db", "list", "-q"}).out == "1\n");
}

namespace {

// desk as a user whom file modes stop: "nobody" when the tests run as root
// (as CI does; root ignores modes), else the user running them. The
// sandbox becomes that user's, as a store is its owner's.
struct Unprivileged {
  const Sandbox& s;
  explicit Unprivileged(const Sandbox& sb) : s(sb) {
    if (geteuid() == 0)
      REQUIRE(run_program({"chown", "-R", "nobody:nogroup", s.dir().string()}, "", s.dir(), {})
                  .status == 0);
  }
  ~Unprivileged() { chmod(s.dir().c_str(), 0755); }
  Result run(const std::vector<std::string>& args) const {
    std::vector<std::string> argv;
    if (geteuid() == 0) argv = {"setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"};
    argv.push_back(desk_binary());
    argv.push_back(std::string("--now=") + kNow);
    argv.insert(argv.end(), args.begin(), args.end());
    return run_program(argv, "", s.dir(), {});
  }
};

}  // namespace

TEST_CASE("store: a read-only store is read, refuses writes (74) and leaves no file behind") {
  Sandbox s;
  s.log("one");
  REQUIRE_FALSE(beside(s.store(), "-wal"));
  Unprivileged user(s);
  chmod(s.store().c_str(), 0444);
  Result w = user.run({"log", "two", "-m", ""});
  CHECK(w.status == 74);
  CHECK(w.err_line() ==
        "desk: cannot write to the store '" + s.store().string() + "': it is read-only");
  CHECK(user.run({"list", "-q"}).out == "1\n");
  CHECK(user.run({"doctor", "-q"}).status == 0);
  // Nothing made with the store's read-only mode is left to keep it
  // read-only once it is writable again.
  CHECK_FALSE(beside(s.store(), "-wal"));
  CHECK_FALSE(beside(s.store(), "-shm"));
  chmod(s.store().c_str(), 0644);
  Result again = user.run({"log", "two", "-m", ""});
  CHECK(again.status == 0);
  CHECK(again.err == "");
  CHECK(user.run({"list", "-q"}).out == "1\n2\n");
}

TEST_CASE("store: in a read-only directory, reading works and writing names the directory") {
  Sandbox s;
  s.log("one");
  Unprivileged user(s);
  chmod(s.dir().c_str(), 0555);
  Result list = user.run({"list", "-q"});
  CHECK(list.status == 0);
  CHECK(list.out == "1\n");
  Result doctor = user.run({"doctor"});
  CHECK(doctor.status == 0);
  CHECK(doctor.out ==
        "Checked '" + s.store().string() + "': 1 tickets, 1 events, no problems found\n");
  CHECK(user.run({"report", "backlog", "--format", "json"}).status == 0);
  Result w = user.run({"log", "two", "-m", ""});
  CHECK(w.status == 74);
  CHECK(w.err_line() == "desk: cannot write to the store '" + s.store().string() +
                            "': its directory '" + s.dir().string() + "' is read-only");
  CHECK_FALSE(beside(s.store(), "-wal"));
  chmod(s.dir().c_str(), 0755);
  CHECK(user.run({"log", "two", "-m", ""}).status == 0);
}

TEST_CASE("store: a read-only -shm left by another program is named") {
  Sandbox s;
  s.log("one");
  Unprivileged user(s);
  // As the sqlite3 shell leaves it after reading a read-only store.
  for (const char* suffix : {"-wal", "-shm"}) {
    std::string side = s.store().string() + suffix;
    s.write(side.substr(s.dir().string().size() + 1), "");
    if (geteuid() == 0) run_program({"chown", "nobody:nogroup", side}, "", s.dir(), {});
    chmod(side.c_str(), 0444);
  }
  Result w = user.run({"log", "two", "-m", ""});
  CHECK(w.status == 74);
  CHECK(w.err_line() == "desk: cannot write to the store '" + s.store().string() + "': '" +
                            s.store().string() + "-wal' beside it is read-only");
}

namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

TEST_CASE("store: a writer waits busy_timeout for another's lock, then exits 75 changing nothing") {
  Sandbox s;
  s.configure("[desk]\nbusy_timeout = \"1s\"\n");
  s.log("waiting");
  std::string before = s.dump_store();
  WriteLock lock(s);  // another desk's, or another program's
  auto start = std::chrono::steady_clock::now();
  Result r = s.run({"note", "1", "-m", "blocked"});
  double waited = seconds_since(start);
  CHECK(r.status == 75);
  CHECK(r.err_line() == "desk: the store '" + s.location() + "' stayed busy for 1 s");
  CHECK(waited >= 1.0);
  CHECK(waited < 30.0);
  lock.release();
  CHECK(s.dump_store() == before);
}

TEST_CASE("store: a writer that waits gets the lock as soon as it is let go") {
  Sandbox s;
  s.configure("[desk]\nbusy_timeout = \"60s\"\n");
  s.log("waiting");
  WriteLock lock(s);
  std::thread holder([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    lock.release();
  });
  auto start = std::chrono::steady_clock::now();
  Result r = s.run({"note", "1", "-m", "after the lock", "-q"});
  double waited = seconds_since(start);
  holder.join();
  CHECK(r.status == 0);
  CHECK(waited >= 1.5);
  CHECK(waited < 20.0);  // loose: a loaded machine starts desk slowly
  CHECK(s.ok({"show", "1"}).out.find("after the lock") != std::string::npos);
}
