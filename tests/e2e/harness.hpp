// Runs the real desk binary in a sandbox: its own temporary directory (kept
// when the test fails), a scrubbed environment (HOME and XDG_* inside the
// sandbox, TZ=UTC, LC_ALL=C.UTF-8, no DESK_* or NO_COLOR, a non-interactive
// EDITOR) and a fixed clock. Every result carries the exit status, stdout
// and stderr, so a test can check all three.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace e2e {

using Json = nlohmann::ordered_json;

// 2026-11-24T10:30:00Z, a Tuesday: the sandbox's "now" unless a test says otherwise.
inline constexpr const char* kNow = "2026-11-24T10:30:00Z";

struct Result {
  int status = -1;  // the exit status; -1 when killed by a signal
  int signal = 0;   // the signal that killed it, if any (a sanitizer abort is SIGABRT)
  std::string out;
  std::string err;

  // The first line of stderr, for messages checked exactly.
  std::string err_line() const;
  Json json() const;  // stdout parsed as JSON (a test failure when it is not)
  std::vector<Json> jsonl() const;
};

class Sandbox {
 public:
  // Runs `desk init` in the sandbox unless `init` is false.
  explicit Sandbox(bool init = true);
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path path(const std::string& relative) const { return dir_ / relative; }

  // desk ARGS..., in the sandbox, with --now kNow first unless `now` is set
  // (an empty `now` adds no --now at all).
  Result run(const std::vector<std::string>& args, const std::string& input = "") const;
  Result run_with(const std::vector<std::string>& args, const std::string& input,
                  const std::map<std::string, std::string>& env) const;

  // run(), and a failed CHECK unless it exits 0; returns the result.
  Result ok(const std::vector<std::string>& args, const std::string& input = "") const;
  // desk log -q ...: the new ticket's id.
  long long log(const std::string& title, const std::vector<std::string>& more = {}) const;
  // `n` tickets titled t0, t1, ... with descriptions of `bytes` each, in one
  // desk import: a store large enough that copying it takes a while.
  void fill(int n, std::size_t bytes) const;

  void write(const std::string& relative, const std::string& text) const;
  std::string read(const std::string& relative) const;
  // Replaces desk.toml; `extra` is appended to the starter's text.
  void configure(const std::string& toml) const;

  // Every table's rows, in a stable order: compare before and after a
  // refused command to prove nothing changed.
  std::string dump_store() const;
  // Runs SQL on the sandbox's store, whichever backend holds it: sqlite3 on
  // the file, psql on the database (several statements run in one
  // transaction there). Rows one a line, fields joined by '|', NULL as NULL.
  // The SQL must mean the same to both engines; where they differ (blobs,
  // functions, PostgreSQL's append-only events), a test picks by on_postgres().
  Result sql(const std::string& statements) const;
  // sql(), and a failed CHECK unless it succeeds; returns its output.
  std::string sql_ok(const std::string& statements) const;
  // The SQLite store file (tests that read the file itself are SQLite's).
  std::filesystem::path store() const { return dir_ / "desk.db"; }
  // The PostgreSQL database of this sandbox, as a URI; empty on SQLite.
  const std::string& database() const { return database_; }
  // Where the store is, as desk names it in messages: the file's path, or
  // the database's URI.
  std::string location() const;

  std::optional<std::string> now = std::string(kNow);
  std::map<std::string, std::string> env;  // extra variables for every run

 private:
  std::filesystem::path dir_;
  std::string database_;       // its URI, on PostgreSQL
  std::string database_name_;  // its name
};

// desk's write lock on PostgreSQL (pg_store.hpp's kWriteLock: "desk" in ASCII).
inline constexpr const char* kPgWriteLock = "1684370283";

// Holds the sandbox store's write lock, as another desk in the middle of a
// write would, until release() or the end of its scope: on SQLite an open
// BEGIN IMMEDIATE, on PostgreSQL desk's advisory lock held by a psql session.
class WriteLock {
 public:
  explicit WriteLock(const Sandbox& s);
  ~WriteLock();
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;
  void release();

 private:
  struct Holder;
  std::unique_ptr<Holder> holder_;
};

// The PostgreSQL server the suite runs against instead of SQLite files when
// DESK_TEST_PG names one (the URI of a database there, as tests/pg/server
// prints): each sandbox gets a database of its own, named in DESK_DB.
// Empty when the suite runs on SQLite.
const std::string& pg_server();
inline bool on_postgres() {
  return !pg_server().empty();
}
// The server's URI with `name` as its database instead of the test one.
std::string database_uri(const std::string& name);

// The path of the desk binary under test.
std::string desk_binary();
// Source tree root (for examples/, man/, completions/).
std::filesystem::path source_dir();

// psql -c `sql` on `database` (a URI): rows one a line, fields joined by
// '|', NULL as NULL.
Result psql(const std::string& database, const std::string& sql, const std::filesystem::path& cwd);

// Runs any program (sqlite3, bash ...) with the sandbox environment.
Result run_program(const std::vector<std::string>& argv, const std::string& input,
                   const std::filesystem::path& cwd, const std::map<std::string, std::string>& env);

}  // namespace e2e
