#include "harness.hpp"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

extern char** environ;

namespace e2e {

namespace fs = std::filesystem;

namespace {

// Set when any assertion of the current test case fails, so the sandbox
// knows to keep its directory.
bool g_failed = false;

struct KeepOnFailure : doctest::IReporter {
  explicit KeepOnFailure(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats&) override {}
  void test_case_start(const doctest::TestCaseData&) override { g_failed = false; }
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override { g_failed = true; }
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData& ad) override {
    if (ad.m_failed) g_failed = true;
  }
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

REGISTER_LISTENER("keep-on-failure", 1, KeepOnFailure);

std::vector<std::string> scrubbed_environment(const fs::path& dir,
                                              const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> vars;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    auto eq = kv.find('=');
    if (eq == std::string::npos) continue;
    std::string k = kv.substr(0, eq);
    if (k.rfind("DESK_", 0) == 0 || k.rfind("XDG_", 0) == 0 || k == "NO_COLOR" || k == "TZ" ||
        k.rfind("LC_", 0) == 0 || k == "LANG" || k == "HOME" || k == "EDITOR" || k == "VISUAL" ||
        k == "COLUMNS" || k == "PAGER" || k == "LESS")
      continue;
    vars[k] = kv.substr(eq + 1);
  }
  vars["HOME"] = (dir / "home").string();
  vars["XDG_CONFIG_HOME"] = (dir / "home" / ".config").string();
  vars["XDG_DATA_HOME"] = (dir / "home" / ".local" / "share").string();
  vars["TZ"] = "UTC";
  vars["LC_ALL"] = "C.UTF-8";
  vars["EDITOR"] = "false";
  vars["DESK_USER"] = "tester";
  vars["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=1";
  vars["UBSAN_OPTIONS"] = "halt_on_error=1:print_stacktrace=1";
  for (const auto& [k, v] : extra) {
    if (v == "<unset>")
      vars.erase(k);
    else
      vars[k] = v;
  }
  std::vector<std::string> out;
  for (const auto& [k, v] : vars) out.push_back(k + "=" + v);
  return out;
}

}  // namespace

std::string desk_binary() {
  return DESK_BINARY;
}
fs::path source_dir() {
  return DESK_SOURCE_DIR;
}

std::string Result::err_line() const {
  return err.substr(0, err.find('\n'));
}

Json Result::json() const {
  Json j = Json::parse(out, nullptr, false);
  if (j.is_discarded()) FAIL_CHECK("stdout is not JSON: " << out);
  return j;
}

std::vector<Json> Result::jsonl() const {
  std::vector<Json> rows;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    Json j = Json::parse(line, nullptr, false);
    if (j.is_discarded()) FAIL_CHECK("not a JSON line: " << line);
    rows.push_back(j);
  }
  return rows;
}

Result run_program(const std::vector<std::string>& argv, const std::string& input,
                   const fs::path& cwd, const std::map<std::string, std::string>& env) {
  int in[2], out[2], err[2];
  // Close-on-exec: a child another thread spawns meanwhile must not hold
  // this one's pipes open (its stdin would never see end of file).
  if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC))
    throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]})
    posix_spawn_file_actions_addclose(&actions, fd);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  std::vector<std::string> envs = scrubbed_environment(cwd, env);
  std::vector<char*> cargv, cenv;
  for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  for (const auto& e : envs) cenv.push_back(const_cast<char*>(e.c_str()));
  cenv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, cargv[0], &actions, nullptr, cargv.data(), cenv.data());
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  if (rc != 0)
    throw std::runtime_error(std::string("cannot run ") + argv[0] + ": " + std::strerror(rc));

  // Feed stdin and drain both outputs together, so no pipe can fill up.
  Result r;
  std::size_t written = 0;
  int in_fd = in[1];
  if (input.empty()) {
    close(in_fd);
    in_fd = -1;
  } else {
    fcntl(in_fd, F_SETFL, O_NONBLOCK);
  }
  signal(SIGPIPE, SIG_IGN);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  bool out_open = true, err_open = true;
  char buf[65536];
  while (out_open || err_open) {
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out[0], POLLIN, 0});
    if (err_open) fds.push_back({err[0], POLLIN, 0});
    if (in_fd >= 0) fds.push_back({in_fd, POLLOUT, 0});
    poll(fds.data(), fds.size(), 1000);
    for (const auto& p : fds) {
      if (p.revents == 0) continue;
      if (p.fd == in_fd) {
        ssize_t n = write(in_fd, input.data() + written, input.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (n < 0 || written == input.size()) {
          close(in_fd);
          in_fd = -1;
        }
        continue;
      }
      ssize_t n = read(p.fd, buf, sizeof buf);
      if (n <= 0) {
        (p.fd == out[0] ? out_open : err_open) = false;
        continue;
      }
      (p.fd == out[0] ? r.out : r.err).append(buf, static_cast<std::size_t>(n));
    }
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      break;
    }
  }
  if (in_fd >= 0) close(in_fd);
  close(out[0]);
  close(err[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) r.status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

const std::string& pg_server() {
  static const std::string uri = [] {
    const char* v = std::getenv("DESK_TEST_PG");
    return std::string(v ? v : "");
  }();
  return uri;
}

std::string database_uri(const std::string& name) {
  std::string uri = pg_server();
  auto start = uri.find("://");
  start = uri.find('/', start == std::string::npos ? 0 : start + 3);
  auto end = uri.find('?', start);
  return uri.substr(0, start + 1) + name + (end == std::string::npos ? "" : uri.substr(end));
}

Result psql(const std::string& database, const std::string& sql, const fs::path& cwd) {
  return run_program({"psql", "-X", "-q", "-A", "-t", "-F", "|", "-P", "null=NULL", "-v",
                      "ON_ERROR_STOP=1", database, "-c", sql},
                     "", cwd, {});
}

Sandbox::Sandbox(bool init) {
  std::string pattern = (fs::temp_directory_path() / "desk-e2e-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  fs::create_directories(dir_ / "home");
  if (on_postgres()) {
    static std::atomic<int> made = 0;
    database_name_ = "desk_e2e_" + std::to_string(getpid()) + "_" + std::to_string(made++);
    Result r = psql(pg_server(), "CREATE DATABASE " + database_name_, dir_);
    if (r.status != 0) throw std::runtime_error("cannot make a test database: " + r.err);
    database_ = database_uri(database_name_);
    env["DESK_DB"] = database_;
  }
  if (init) ok({"init"});
}

Sandbox::~Sandbox() {
  if (g_failed) {
    std::cerr << "e2e: kept the sandbox " << dir_
              << (database_.empty() ? "" : " and the database " + database_) << '\n';
    return;
  }
  std::error_code ec;
  fs::remove_all(dir_, ec);
  if (!database_name_.empty())
    psql(pg_server(), "DROP DATABASE " + database_name_ + " WITH (FORCE)",
         fs::temp_directory_path());
}

Result Sandbox::run(const std::vector<std::string>& args, const std::string& input) const {
  return run_with(args, input, {});
}

Result Sandbox::run_with(const std::vector<std::string>& args, const std::string& input,
                         const std::map<std::string, std::string>& extra) const {
  std::vector<std::string> argv = {desk_binary()};
  if (now && !now->empty()) argv.push_back("--now=" + *now);
  argv.insert(argv.end(), args.begin(), args.end());
  std::map<std::string, std::string> vars = env;
  // LeakSanitizer's scan at exit reads all of desk's data, 45 MB of it
  // UBSan's records of its checks: 90 of the 210 ms a sanitized desk run
  // takes. So it checks the first run after the sandbox's init and every
  // third one from there, the runs of scripts (run_program) and every unit
  // test and fuzz target; the others skip it.
  static std::atomic<int> runs = 0;  // tests run desk from several threads
  if (runs++ % 3 != 1) vars["ASAN_OPTIONS"] = "detect_leaks=0:abort_on_error=1";
  for (const auto& [k, v] : extra) vars[k] = v;
  Result r = run_program(argv, input, dir_, vars);
  if (r.signal != 0) FAIL_CHECK("desk died by signal " << r.signal << "\nstderr:\n" << r.err);
  return r;
}

Result Sandbox::ok(const std::vector<std::string>& args, const std::string& input) const {
  Result r = run(args, input);
  std::string joined;
  for (const auto& a : args) joined += a + " ";
  INFO("desk " << joined << "\nstdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.status == 0);
  return r;
}

long long Sandbox::log(const std::string& title, const std::vector<std::string>& more) const {
  std::vector<std::string> args = {"log", "-q", title};
  args.insert(args.end(), more.begin(), more.end());
  bool message = false;
  for (const auto& a : more) message = message || a == "-m" || a == "--message";
  if (!message) args.insert(args.end(), {"-m", ""});
  Result r = ok(args);
  return std::stoll(r.out.empty() ? "0" : r.out);
}

void Sandbox::fill(int n, std::size_t bytes) const {
  std::string rows;
  for (int i = 0; i < n; ++i)
    rows += Json({{"title", "t" + std::to_string(i)}, {"description", std::string(bytes, 'y')}})
                .dump() +
            "\n";
  ok({"import", "-", "-q"}, rows);
}

void Sandbox::write(const std::string& relative, const std::string& text) const {
  fs::path p = dir_ / relative;
  if (p.has_parent_path()) fs::create_directories(p.parent_path());
  std::ofstream f(p, std::ios::binary);
  f << text;
}

std::string Sandbox::read(const std::string& relative) const {
  std::ifstream f(dir_ / relative, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

void Sandbox::configure(const std::string& toml) const {
  write("desk.toml", toml);
}

std::string Sandbox::location() const {
  return on_postgres() ? database_ : store().string();
}

Result Sandbox::sql(const std::string& statements) const {
  if (on_postgres()) return psql(database_, statements, dir_);
  return run_program(
      {"sqlite3", "-bail", "-batch", "-nullvalue", "NULL", store().string(), statements}, "", dir_,
      {});
}

std::string Sandbox::sql_ok(const std::string& statements) const {
  Result r = sql(statements);
  INFO("SQL: " << statements << "\nstderr: " << r.err);
  CHECK(r.status == 0);
  return r.out;
}

std::string Sandbox::dump_store() const {
  std::string out;
  if (on_postgres()) {
    // The same shape from psql: every table of the store, every row.
    auto query = [&](const std::string& sql) {
      Result r = psql(database_, sql, dir_);
      if (r.status != 0) throw std::runtime_error("psql: " + r.err);
      return r.out;
    };
    std::istringstream tables(query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        "ORDER BY 1"));
    for (std::string name; std::getline(tables, name);)
      out += "## " + name + "\n" + query("SELECT * FROM \"" + name + "\" ORDER BY 1");
    return out;
  }
  SQLite::Database db(store().string(), SQLite::OPEN_READONLY);
  out += "user_version=" + db.execAndGet("PRAGMA user_version").getString() + "\n";
  SQLite::Statement tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  while (tables.executeStep()) {
    std::string name = tables.getColumn(0).getString();
    out += "## " + name + "\n";
    SQLite::Statement rows(db, "SELECT * FROM \"" + name + "\" ORDER BY 1");
    while (rows.executeStep()) {
      for (int i = 0; i < rows.getColumnCount(); ++i) {
        auto c = rows.getColumn(i);
        out += (i ? "|" : "") + (c.isNull() ? std::string("NULL") : c.getString());
      }
      out += "\n";
    }
  }
  return out;
}

struct WriteLock::Holder {
  std::optional<SQLite::Database> db;  // SQLite
  std::string uri, name;               // PostgreSQL
  fs::path dir;
  std::thread session;
};

WriteLock::WriteLock(const Sandbox& s) : holder_(std::make_unique<Holder>()) {
  if (!on_postgres()) {
    holder_->db.emplace(s.store().string(), SQLite::OPEN_READWRITE);
    holder_->db->exec("BEGIN IMMEDIATE");
    return;
  }
  static std::atomic<int> made = 0;
  holder_->uri = s.database();
  holder_->dir = s.dir();
  holder_->name = "desk-e2e-lock-" + std::to_string(getpid()) + "-" + std::to_string(made++);
  holder_->session = std::thread([h = holder_.get()] {
    run_program(
        {"psql", "-X", "-q", h->uri, "-c",
         std::string("SELECT pg_advisory_lock(") + kPgWriteLock + "); SELECT pg_sleep(600)"},
        "", h->dir, {{"PGAPPNAME", h->name}});
  });
  // Held once the server says so.
  std::string held =
      "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
      "WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = '" +
      holder_->name + "'";
  for (int i = 0; i < 400 && psql(holder_->uri, held, holder_->dir).out != "1\n"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
}

void WriteLock::release() {
  if (holder_->db) {
    holder_->db->exec("ROLLBACK");
    holder_->db.reset();
  }
  if (holder_->session.joinable()) {
    psql(holder_->uri,
         "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" +
             holder_->name + "'",
         holder_->dir);
    holder_->session.join();
  }
}

WriteLock::~WriteLock() {
  release();
}

}  // namespace e2e
