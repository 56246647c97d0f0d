// Files desk writes where a user says (--output FILE, desk backup FILE):
// a regular file is replaced atomically, a device or pipe is written into,
// and nothing else is ever replaced (desk(1) FILES WRITTEN). Every target
// here is inside the sandbox: a test of /dev/null itself could destroy the
// machine's /dev/null if the code under test were wrong.
#include <sys/stat.h>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

Result sh(const Sandbox& s, const std::string& script) {
  return run_program({"sh", "-c", script}, "", s.dir(), {{"DESK", desk_binary()}});
}

bool is_symlink(const Sandbox& s, const std::string& name) {
  return fs::is_symlink(fs::symlink_status(s.path(name)));
}

unsigned mode_of(const Sandbox& s, const std::string& name) {
  struct stat st {};
  stat(s.path(name).c_str(), &st);
  return st.st_mode & 0777;
}

std::vector<std::string> hidden_files(const Sandbox& s) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(s.dir()))
    if (e.path().filename().string().front() == '.') out.push_back(e.path().filename().string());
  return out;
}

}  // namespace

TEST_CASE("output: -o through a link to a character device writes into it and keeps the link") {
  Sandbox s;
  s.log("one");
  fs::create_symlink("/dev/null", s.path("null"));
  Result r = s.run({"report", "backlog", "-o", "null"});
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(is_symlink(s, "null"));
  CHECK(fs::is_character_file(s.path("null")));
  CHECK(hidden_files(s).empty());

  // A full device: the write error is the command's, and nothing is replaced.
  fs::create_symlink("/dev/full", s.path("full"));
  Result full = s.run({"report", "backlog", "-o", "full"});
  CHECK(full.status == 74);
  CHECK(full.err_line() == "desk: cannot write 'full': No space left on device");
  CHECK(is_symlink(s, "full"));
  CHECK(fs::is_character_file(s.path("full")));
}

TEST_CASE("output: -o into a FIFO writes into the pipe, and /dev/stdout is standard output") {
  Sandbox s;
  s.log("one");
  REQUIRE(mkfifo(s.path("pipe").c_str(), 0600) == 0);
  Result r = sh(
      s,
      "cat pipe > got & \"$DESK\" --now=2026-11-24T10:30:00Z customer add Ann "
      "--email ann@example.org -q >/dev/null && \"$DESK\" customer export ann@example.org -o pipe; "
      "echo \"status $?\"; wait");
  CHECK(r.out == "status 0\n");
  CHECK(fs::is_fifo(fs::symlink_status(s.path("pipe"))));
  CHECK(Json::parse(s.read("got"))["customer"]["name"] == "Ann");

  // /dev/stdout is a link into /proc: written into, never replaced (a test
  // through a link of its own, so that a wrong desk cannot touch /dev).
  fs::create_symlink("/proc/self/fd/1", s.path("stdout"));
  Result out = s.run({"customer", "export", "ann@example.org", "-o", "stdout"});
  CHECK(out.status == 0);
  CHECK(Json::parse(out.out)["customer"]["email"] == "ann@example.org");
  CHECK(is_symlink(s, "stdout"));
}

TEST_CASE("output: a link to a regular file replaces the file and keeps the link") {
  Sandbox s;
  s.log("one");
  s.write("real.txt", "the previous text\n");
  fs::create_symlink("real.txt", s.path("link.txt"));
  s.ok({"report", "backlog", "-o", "link.txt"});
  CHECK(is_symlink(s, "link.txt"));
  CHECK(s.read("real.txt").find("the previous text") == std::string::npos);
  CHECK(s.read("real.txt").find("Backlog") != std::string::npos);
}

TEST_CASE("output: a directory is refused by name, with a file name to give instead") {
  Sandbox s;
  fs::create_directory(s.path("reports"));
  for (std::string dir : {"reports", "reports/"}) {
    CAPTURE(dir);
    Result r = s.run({"report", "backlog", "-o", dir});
    CHECK(r.status == 2);
    CHECK(r.err_line() == "desk: '" + dir + "' is a directory");
    CHECK(r.err.find("hint: give the name of a file in it, such as '" +
                     (fs::path(dir) / "desk-output").string() + "'") != std::string::npos);
  }
  Result b = s.run({"backup", "reports/"});
  CHECK(b.status == 2);
  CHECK(b.err_line() == "desk: 'reports/' is a directory");
  s.write("file.txt", "x");
  Result slash = s.run({"report", "backlog", "-o", "file.txt/"});
  CHECK(slash.status == 2);
  CHECK(slash.err_line() == "desk: 'file.txt/' ends in '/' but is not a directory");
  CHECK(s.read("file.txt") == "x");
}

TEST_CASE("output: a replaced file keeps its mode, a new one follows the umask") {
  Sandbox s;
  s.log("one");
  s.write("private.txt", "old");
  fs::permissions(s.path("private.txt"), fs::perms::owner_read | fs::perms::owner_write);
  s.ok({"report", "backlog", "-o", "private.txt"});
  CHECK(mode_of(s, "private.txt") == 0600);
  Result r =
      sh(s, "umask 077 && \"$DESK\" backup new.db -q && \"$DESK\" report backlog -o new.txt");
  CHECK(r.status == 0);
  CHECK(mode_of(s, "new.db") == 0600);
  CHECK(mode_of(s, "new.txt") == 0600);
  Result open = sh(s, "umask 022 && \"$DESK\" report backlog -o open.txt");
  CHECK(open.status == 0);
  CHECK(mode_of(s, "open.txt") == 0644);
}

TEST_CASE("output: desk backup into a pipe streams a whole store, into a device link, no file") {
  Sandbox s;
  s.log("one");
  s.log("two");
  REQUIRE(mkfifo(s.path("pipe").c_str(), 0600) == 0);
  Result r = sh(s, "cat pipe > copy.db & \"$DESK\" backup pipe -q; echo \"status $?\"; wait");
  CHECK(r.out == "status 0\n");
  CHECK(fs::is_fifo(fs::symlink_status(s.path("pipe"))));
  CHECK(run_program({"sqlite3", "copy.db", "SELECT count(*) FROM tickets"}, "", s.dir(), {}).out ==
        "2\n");
  fs::create_symlink("/dev/null", s.path("null"));
  CHECK(s.run({"backup", "null", "-q"}).status == 0);
  CHECK(is_symlink(s, "null"));
  CHECK(fs::is_character_file(s.path("null")));
  CHECK(hidden_files(s).empty());
}
