// Nothing is ever lost or half-written: many writers at once, processes
// killed at random moments, a full disk and a read-only store.
#include <chrono>
#include <filesystem>
#include <optional>
#include <random>
#include <thread>
#include <unistd.h>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;
namespace fs = std::filesystem;

namespace test_safety {

namespace {

// Rows each crash test writes: fewer under the sanitizers (see CMakeLists).
#ifdef DESK_SANITIZED
constexpr int kCrashRows = 100;
#else
constexpr int kCrashRows = 1000;
#endif

std::string sql(const Sandbox& s, const std::string& file, const std::string& query) {
  return run_program({"sqlite3", file, query}, "", s.dir(), {}).out;
}

// Tickets in another tool's shape, one JSON line each.
std::string other_tool_rows(const std::string& prefix, int n) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += Json({{"external_id", prefix + std::to_string(i)},
                 {"title", "imported call " + std::to_string(i)},
                 {"created_at", "2026-11-20 09:00"},
                 {"customer", "c" + std::to_string(i % 50) + "@example.org"},
                 {"channel", "email"},
                 {"team", "desk"},
                 {"first_response_at", "2026-11-20 09:30"}})
               .dump() +
           "\n";
  return out;
}

constexpr const char* kDeskTeam = R"toml(
[desk]
# Under the harness's 120 s limit on one command, so that a writer starved
# of the lock says "busy" rather than being killed without a word.
busy_timeout = "90s"
[teams.desk]
tier = 1
members = ["t1", "t2", "t3", "t4"]
strategy = "least-loaded"
[technicians.t1]
capacity = 100000
[technicians.t2]
capacity = 100000
[technicians.t3]
capacity = 100000
[technicians.t4]
capacity = 100000
)toml";

// Runs `command` (desk's arguments, for sh) and SIGKILLs it after `ms`
// milliseconds unless it has finished (ms < 0: never); returns its exit
// status (137 when killed).
int run_and_kill(const Sandbox& s, const std::string& command, int ms) {
  std::string desk = "\"$DESK\" --now=2026-11-24T10:30:00Z " + command + " >/dev/null 2>&1";
  std::string script = ms < 0 ? desk + "; echo $?"
                              : desk + " & p=$!; sleep " + std::to_string(ms / 1000.0) +
                                    "; kill -9 $p 2>/dev/null; wait $p; echo $?";
  Result r = run_program({"sh", "-c", script}, "", s.dir(), {{"DESK", desk_binary()}});
  return std::stoi(r.out.empty() ? "-1" : r.out);
}

int elapsed_ms(std::chrono::steady_clock::time_point since) {
  return static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - since)
                              .count());
}

}  // namespace

TEST_CASE("safety: 8 processes doing 200 operations each lose nothing and never see a lock") {
  Sandbox s;
  s.configure(kDeskTeam);
  constexpr int kWorkers = 8, kOps = 200;
  struct Tally {
    std::vector<std::string> titles, notes, resolutions;
    std::vector<long long> allocated;
    std::vector<std::string> errors;
  };
  std::vector<Tally> tallies(kWorkers);
  std::vector<std::thread> workers;
  for (int w = 0; w < kWorkers; ++w)
    workers.emplace_back([&, w] {
      Tally& t = tallies[w];
      long long ticket = 0;
      // log, note, allocate, resolve: each ticket's life, 50 times over.
      for (int op = 0; op < kOps; ++op) {
        std::string tag = "w" + std::to_string(w) + "-" + std::to_string(op);
        Result r;
        switch (op % 4) {
          case 0:
            r = s.run({"log", "-q", "call " + tag, "-m", ""});
            if (r.status == 0) {
              ticket = std::stoll(r.out);
              t.titles.push_back("call " + tag);
            }
            break;
          case 1:
            r = s.run({"note", std::to_string(ticket), "-m", "note " + tag, "-q"});
            if (r.status == 0) t.notes.push_back("note " + tag);
            break;
          case 2:
            r = s.run(
                {"allocate", std::to_string(ticket), "--to", "t" + std::to_string(w % 4 + 1)});
            if (r.status == 0) t.allocated.push_back(ticket);
            break;
          case 3:
            r = s.run({"resolve", std::to_string(ticket), "--code", "fixed", "-m", "fix " + tag});
            if (r.status == 0) t.resolutions.push_back("fix " + tag);
            break;
        }
        if (r.status != 0)
          t.errors.push_back(tag + ": exit " + std::to_string(r.status) + ", signal " +
                             std::to_string(r.signal) + ": " + r.err);
      }
    });
  for (auto& t : workers) t.join();

  std::size_t logged = 0, noted = 0, allocated = 0, resolved = 0;
  for (const auto& t : tallies) {
    for (const auto& e : t.errors) {
      CAPTURE(e);
      CHECK(e.find("locked") == std::string::npos);
      CHECK(e.find("busy") == std::string::npos);
      CHECK(e.empty());  // shows each error, whatever it says
    }
    logged += t.titles.size();
    noted += t.notes.size();
    allocated += t.allocated.size();
    resolved += t.resolutions.size();
  }
  CHECK(logged == kWorkers * kOps / 4);
  // Each reported success is in the store exactly once.
  auto json = [](const std::string& path) {  // a field of an event's data
    return on_postgres() ? "(data::json #>> '{" + path + "}')"
                         : "json_extract(data, '$." + path + "')";
  };
  CHECK(s.sql_ok("SELECT count(*), count(DISTINCT title) FROM tickets") ==
        std::to_string(logged) + "|" + std::to_string(logged) + "\n");
  CHECK(s.sql_ok("SELECT count(*), count(DISTINCT " + json("text") +
                 ") FROM events WHERE kind = 'note'") ==
        std::to_string(noted) + "|" + std::to_string(noted) + "\n");
  CHECK(s.sql_ok("SELECT count(*), count(DISTINCT ticket_id) FROM events WHERE kind = "
                 "'allocated'") ==
        std::to_string(allocated) + "|" + std::to_string(allocated) + "\n");
  CHECK(s.sql_ok("SELECT count(*), count(DISTINCT " +
                 json(on_postgres() ? "changes,resolution,1" : "changes.resolution[1]") +
                 ") FROM events WHERE kind = 'resolved'") ==
        std::to_string(resolved) + "|" + std::to_string(resolved) + "\n");
  for (const auto& t : tallies)
    for (const auto& title : t.titles) {
      CAPTURE(title);
      CHECK(s.sql_ok("SELECT count(*) FROM tickets WHERE title = '" + title + "'") == "1\n");
    }
  Result doctor = s.run({"doctor"});
  CHECK(doctor.status == 0);
  CHECK(doctor.out.find("no problems found") != std::string::npos);
}

TEST_CASE("safety: a bulk import killed at random moments is wholly there or wholly absent") {
  Sandbox s;
  s.configure(kDeskTeam);
  s.log("before the import");
  constexpr int kRows = kCrashRows, kKills = 30;
  s.write("calls.jsonl", other_tool_rows("crash-", kRows));
  run_program({"cp", "desk.db", "pristine.db"}, "", s.dir(), {});

  // How long a whole import takes here, to spread the kills over it.
  run_program({"cp", "pristine.db", "timing.db"}, "", s.dir(), {});
  auto start = std::chrono::steady_clock::now();
  REQUIRE(run_and_kill(s, "--db timing.db import calls.jsonl", -1) == 0);
  int whole = std::max(50, elapsed_ms(start));

  std::mt19937 random(8);
  int killed = 0, absent = 0, present = 0;
  std::string count = "SELECT count(*) FROM tickets WHERE external_id LIKE 'crash-%'";
  // Until kKills runs were killed: a run that finished first (the machine got
  // quicker than the timing run) narrows the window the kills fall in.
  for (int i = 0; killed < kKills && i < 6 * kKills; ++i) {
    run_program({"sh", "-c", "rm -f t.db t.db-wal t.db-shm && cp pristine.db t.db"}, "", s.dir(),
                {});
    int at = static_cast<int>(random() % static_cast<unsigned>(whole + whole / 5));
    int status = run_and_kill(s, "--db t.db import calls.jsonl", at);
    CAPTURE(i);
    CAPTURE(at);
    CAPTURE(status);
    if (status == 137)
      ++killed;
    else
      whole = std::max(20, whole * 2 / 3);
    CHECK(sql(s, "t.db", "PRAGMA integrity_check") == "ok\n");
    std::string n = sql(s, "t.db", count);
    CHECK((n == "0\n" || n == std::to_string(kRows) + "\n"));
    (n == "0\n" ? absent : present) += 1;
    // Events too: every imported ticket has its three, or there are none
    // (customers added on the way have events of their own, not counted).
    CHECK(sql(s, "t.db", "SELECT count(*) FROM events WHERE ticket_id IS NOT NULL") ==
          (n == "0\n" ? "1\n" : std::to_string(1 + 3 * kRows) + "\n"));
    // Running it again completes it.
    CHECK(run_and_kill(s, "--db t.db import calls.jsonl", -1) == 0);
    CHECK(sql(s, "t.db", count) == std::to_string(kRows) + "\n");
  }
  MESSAGE("import: " << killed << " runs killed (" << absent << " absent, " << present
                     << " complete), a window of " << whole << " ms at the end");
  CHECK(killed == kKills);
  CHECK(s.run({"--db", "t.db", "doctor"}).status == 0);
}

TEST_CASE("safety: allocate --auto killed at random moments allocates all or none") {
  Sandbox s;
  s.configure(kDeskTeam);
  constexpr int kRows = kCrashRows, kKills = 25;
  // Unallocated tickets: logged without a team.
  std::string rows;
  for (int i = 0; i < kRows; ++i)
    rows += Json({{"external_id", "a-" + std::to_string(i)},
                  {"title", "waiting " + std::to_string(i)},
                  {"created_at", "2026-11-20 09:00"}})
                .dump() +
            "\n";
  s.ok({"import", "-", "-q", "--no-route"}, rows);
  run_program({"cp", "desk.db", "pristine.db"}, "", s.dir(), {});
  run_program({"cp", "pristine.db", "timing.db"}, "", s.dir(), {});
  auto start = std::chrono::steady_clock::now();
  REQUIRE(run_and_kill(s, "--db timing.db allocate --auto -q", -1) == 0);
  int whole = std::max(50, elapsed_ms(start));
  REQUIRE(sql(s, "timing.db", "SELECT count(*) FROM tickets WHERE assignee != ''") ==
          std::to_string(kRows) + "\n");

  std::mt19937 random(75);
  int killed = 0;
  for (int i = 0; killed < kKills && i < 6 * kKills; ++i) {  // as for the import above
    run_program({"sh", "-c", "rm -f t.db t.db-wal t.db-shm && cp pristine.db t.db"}, "", s.dir(),
                {});
    int at = static_cast<int>(random() % static_cast<unsigned>(whole + whole / 5));
    int status = run_and_kill(s, "--db t.db allocate --auto -q", at);
    CAPTURE(i);
    CAPTURE(at);
    if (status == 137)
      ++killed;
    else
      whole = std::max(20, whole * 2 / 3);
    CHECK(sql(s, "t.db", "PRAGMA integrity_check") == "ok\n");
    std::string n = sql(s, "t.db", "SELECT count(*) FROM tickets WHERE assignee != ''");
    CHECK((n == "0\n" || n == std::to_string(kRows) + "\n"));
    CHECK(sql(s, "t.db", "SELECT count(*) FROM events WHERE kind = 'allocated'") == n);
    CHECK(run_and_kill(s, "--db t.db allocate --auto -q", -1) == 0);
    CHECK(sql(s, "t.db",
              "SELECT count(*), count(DISTINCT ticket_id) FROM events WHERE kind = "
              "'allocated'") == std::to_string(kRows) + "|" + std::to_string(kRows) + "\n");
  }
  MESSAGE("allocate --auto: " << killed << " runs killed, a window of " << whole
                              << " ms at the end");
  CHECK(killed == kKills);
  CHECK(s.run({"--db", "t.db", "doctor"}).status == 0);
}

TEST_CASE("safety: a full disk is a clear error (74) and the store stays as it was") {
  Sandbox s;
  s.configure(kDeskTeam);
  s.log("one");
  std::string before = s.dump_store();
  // The store may not grow by a single page: as full as a disk can be.
  std::map<std::string, std::string> full = {{"DESK_TEST_MAX_PAGE_COUNT", "1"}};
  Result big = s.run_with({"import", "-"}, other_tool_rows("full-", 400), full);
  CHECK(big.status == 74);
  CHECK(big.err_line() ==
        "desk: cannot write to the store '" + s.store().string() + "': the disk is full");
  CHECK(big.err.find("hint: nothing was changed; free some space and try again") !=
        std::string::npos);
  CHECK(s.dump_store() == before);
  Result log = s.run_with({"log", "two", "-m", std::string(20000, 'x')}, "", full);
  CHECK(log.status == 74);
  CHECK(s.dump_store() == before);
  CHECK(sql(s, s.store().string(), "PRAGMA integrity_check") == "ok\n");
  // With room again, the same import goes through.
  CHECK(s.run({"import", "-", "-q"}, other_tool_rows("full-", 400)).status == 0);
}

TEST_CASE("safety: a read-only store is a clear error (74) and stays as it was") {
  Sandbox s;
  s.configure(kDeskTeam);
  s.log("one");
  std::string before = s.dump_store();
  // A file mode stops anyone but root; an immutable file (chattr, from
  // e2fsprogs in .ci/deps test) stops even root, where the file system and
  // the capabilities allow it (not in every container: then it is skipped).
  const bool root = geteuid() == 0;
  const auto mode = fs::status(s.store()).permissions();
  if (!root) {
    fs::permissions(s.store(), fs::perms::owner_read | fs::perms::group_read);
  } else if (Result i = run_program({"chattr", "+i", s.store().string()}, "", s.dir(), {});
             i.status != 0) {
    MESSAGE("chattr +i is not supported here (" << i.err << "): skipped");
    return;
  }
  Result r = s.run({"log", "two", "-m", ""});
  Result imp = s.run({"import", "-"}, other_tool_rows("ro-", 3));
  if (root)
    run_program({"chattr", "-i", s.store().string()}, "", s.dir(), {});
  else
    fs::permissions(s.store(), mode);
  CHECK(r.status == 74);
  CHECK(r.err_line() ==
        "desk: cannot write to the store '" + s.store().string() + "': it is read-only");
  CHECK(imp.status == 74);
  CHECK(s.dump_store() == before);
}

namespace {

// Runs `script` (sh) in a mount namespace of its own, where it may mount a
// small tmpfs: the mount, and everything on it, goes when the script ends.
// Root needs only the namespace; anyone else also maps themself to root in
// a user namespace. Returns nothing when the system allows neither.
std::optional<Result> in_mount_namespace(const Sandbox& s, const std::string& script) {
  std::vector<std::string> argv = {"unshare", "-m", "sh", "-c"};
  if (geteuid() != 0) argv.insert(argv.begin() + 1, "-r");
  auto probe = argv;
  probe.push_back("mkdir -p probe && mount -t tmpfs -o size=1m desk-test probe");
  if (run_program(probe, "", s.dir(), {}).status != 0) return std::nullopt;
  argv.push_back(script);
  return run_program(argv, "", s.dir(), {{"DESK", desk_binary()}});
}

// A store of a few megabytes: 20 customers with tickets whose descriptions
// fill pages; every 40th ticket closed in 2024 (for retention to purge).
void fill_store(const Sandbox& s, int tickets) {
  std::string rows;
  for (int i = 0; i < tickets; ++i) {
    std::string text;
    for (int k = 0; text.size() < 12000; ++k) text += std::to_string(i * 7919 + k * 104729) + " ";
    Json row = {{"title", "call " + std::to_string(i)},
                {"description", text},
                {"created_at", "2026-11-20 09:00"},
                {"customer", "c" + std::to_string(i % 20) + "@example.org"}};
    if (i % 40 == 1) {
      row["created_at"] = "2024-01-10 09:00";
      row["closed_at"] = "2024-01-12 09:00";
      row["resolution_code"] = "fixed";
    }
    rows += row.dump() + "\n";
  }
  s.ok({"import", "-", "-q"}, rows);
}

// The shell lines that put the store on a small file system with about
// `free_kib` KiB left: "small/desk.db".
std::string small_disk(int size_mib, int free_kib) {
  return "set -e\n"
         "mkdir -p small\n"
         "mount -t tmpfs -o size=" +
         std::to_string(size_mib) +
         "m desk-test small\n"
         "cp desk.db small/desk.db\n"
         "avail=$(df -k --output=avail small | tail -1)\n"
         "dd if=/dev/zero of=small/filler bs=1k count=$((avail - " +
         std::to_string(free_kib) +
         ")) 2>/dev/null\n"
         "set +e\n";
}

}  // namespace

TEST_CASE("safety: a forget whose compaction finds the disk full says it is committed (exit 4)") {
  Sandbox s;
  fill_store(s, 400);
  auto size = std::filesystem::file_size(s.store());
  REQUIRE(size > 3 * 4000 * 1024);
  // Room for the erasure, not for the copy of the whole file compaction makes.
  std::string script = small_disk(static_cast<int>(size / (1 << 20)) * 2 + 4, 4000) +
                       "\"$DESK\" --db small/desk.db customer forget c3@example.org\n"
                       "echo \"status $?\"\n"
                       "sqlite3 small/desk.db \"SELECT count(*) FROM customers WHERE email = "
                       "'c3@example.org'\"\n"
                       "rm small/filler\n"
                       "\"$DESK\" --db small/desk.db audit compact; echo \"compact $?\"\n";
  auto r = in_mount_namespace(s, script);
  if (!r) {
    MESSAGE("no mount namespace here (unshare -m): the full-disk forget is not tested");
    return;
  }
  std::string store = (s.dir() / "small" / "desk.db").string();
  CAPTURE(r->err);
  CHECK(r->out.find("Erased customer 4: 20 ticket(s) kept without their personal data") == 0);
  CHECK(r->out.find("status 4\n0\n") != std::string::npos);
  CHECK(r->err_line() ==
        "desk: erased customer 4: committed, but compacting the store failed: "
        "cannot write to the store '" +
            store + "': the disk is full");
  CHECK(r->err.find("hint: the change is in the store; erased data may remain in the file's free "
                    "pages until 'desk audit compact' succeeds") != std::string::npos);
  CHECK(r->err.find("nothing was changed") == std::string::npos);
  CHECK(r->out.find("Compacted the store: no erased data is left in the file\ncompact 0\n") !=
        std::string::npos);
}

TEST_CASE("safety: a purge whose compaction finds the disk full says it is committed (exit 4)") {
  Sandbox s;
  std::string toml = s.read("desk.toml");
  auto at = toml.find("closed_tickets = \"never\"");
  REQUIRE(at != std::string::npos);
  toml.replace(at, std::string("closed_tickets = \"never\"").size(), "closed_tickets = \"1y\"");
  s.configure(toml);
  fill_store(s, 400);
  auto size = std::filesystem::file_size(s.store());
  std::string script = small_disk(static_cast<int>(size / (1 << 20)) * 2 + 4, 4000) +
                       "\"$DESK\" --db small/desk.db purge\n"
                       "echo \"status $?\"\n"
                       "sqlite3 small/desk.db \"SELECT count(*) FROM tickets\"\n";
  auto r = in_mount_namespace(s, script);
  if (!r) {
    MESSAGE("no mount namespace here (unshare -m): the full-disk purge is not tested");
    return;
  }
  CAPTURE(r->err);
  CHECK(r->out.find("Removed 10 ticket(s) closed before") == 0);
  CHECK(r->out.find("status 4\n390\n") != std::string::npos);
  CHECK(r->err_line() ==
        "desk: removed 10 ticket(s) and erased 0 customer(s): committed, but compacting the store "
        "failed: cannot write to the store '" +
            (s.dir() / "small" / "desk.db").string() + "': the disk is full");
}

}  // namespace test_safety
