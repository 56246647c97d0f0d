#include "desk/util/process.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <sstream>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

namespace desk::util {

namespace {

// The kernel's id for this boot ("" where there is none to read).
std::string boot_id() {
  std::ifstream in("/proc/sys/kernel/random/boot_id");
  std::string id;
  std::getline(in, id);
  return id;
}

using Clock = std::chrono::steady_clock;

// desk's children in a process group other than desk's own: after a timed
// out program's group is killed, what it started in a session of its own
// (setsid, a daemon) has been handed to desk, the subreaper (run() below),
// and is found here. The pager is in desk's own group and is left alone.
std::vector<pid_t> escaped_children() {
  std::vector<pid_t> out;
  pid_t self = getpid(), group = getpgrp();
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "stat");
    std::string stat;
    std::getline(in, stat);
    // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses.
    auto paren = stat.rfind(')');
    if (paren == std::string::npos) continue;
    std::istringstream rest(stat.substr(paren + 1));
    char state = 0;
    long ppid = 0, pgrp = 0;
    if (!(rest >> state >> ppid >> pgrp)) continue;
    if (ppid == self && pgrp != group) out.push_back(static_cast<pid_t>(std::stol(name)));
  }
  return out;
}

// Kills whatever a timed-out program left running beyond its process group,
// and the groups of those, until nothing of it is left (bounded: a program
// could fork faster than this loop kills, but not for ever).
void kill_escaped() {
  for (int round = 0; round < 50; ++round) {
    auto left = escaped_children();
    if (left.empty()) return;
    for (pid_t p : left) {
      kill(-getpgid(p), SIGKILL);
      kill(p, SIGKILL);
    }
    for (pid_t p : left) waitpid(p, nullptr, 0);
  }
}

// Waits for `pid` until `deadline`; then terminates its process group and
// everything it started that left the group.
Ran wait_for(pid_t pid, Clock::time_point deadline, std::int64_t timeout) {
  int status = 0;
  while (true) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) return {"lost track of the program"};
    if (Clock::now() >= deadline) {
      kill(-pid, SIGTERM);
      auto grace = Clock::now() + std::chrono::seconds(1);
      while (waitpid(pid, &status, WNOHANG) == 0 && Clock::now() < grace) usleep(10'000);
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      kill_escaped();
      return {fmt::format("timed out after {} s", timeout)};
    }
    usleep(5'000);
  }
  if (WIFEXITED(status)) {
    int code = WEXITSTATUS(status);
    if (code == 0) return {"", 0};
    return {code == 127 ? "exit 127 (command not found?)" : fmt::format("exit {}", code), code};
  }
  if (WIFSIGNALED(status)) return {fmt::format("killed by signal {}", WTERMSIG(status))};
  return {"ended oddly"};
}

}  // namespace

std::string run_program(const Program& p) {
  return run(p).why;
}

Ran run(const Program& p) {
  if (p.argv.empty()) return {"cannot start: no program named"};
  // The argv is built before fork: the child only calls what is safe there.
  std::vector<char*> argv;
  for (const auto& a : p.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  // What the program starts in a session of its own (setsid) comes back to
  // desk when its parent ends, not to init, so that a timeout can end it too.
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  int in[2];
  if (pipe(in) != 0) return {fmt::format("cannot start: {}", std::strerror(errno))};
  pid_t pid = fork();
  if (pid < 0) {
    close(in[0]);
    close(in[1]);
    return {fmt::format("cannot start: {}", std::strerror(errno))};
  }
  if (pid == 0) {
    // The child: its own process group (so a timeout stops everything it
    // started), the input on stdin, stdout onto desk's stderr.
    setpgid(0, 0);
    signal(SIGPIPE, SIG_DFL);
    dup2(in[0], 0);
    close(in[0]);
    close(in[1]);
    dup2(2, 1);
    if (chdir(p.dir.c_str()) != 0) _exit(126);
    for (const auto& [name, value] : p.env) setenv(name.c_str(), value.c_str(), 1);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  setpgid(pid, pid);
  close(in[0]);
  auto deadline = Clock::now() + std::chrono::seconds(p.timeout_seconds);
  // Feed the input without blocking: a program that never reads must
  // still time out.
  fcntl(in[1], F_SETFL, O_NONBLOCK);
  std::size_t written = 0;
  auto old = signal(SIGPIPE, SIG_IGN);
  while (written < p.input.size() && Clock::now() < deadline) {
    ssize_t n = write(in[1], p.input.data() + written, p.input.size() - written);
    if (n > 0) {
      written += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno != EAGAIN && errno != EINTR) break;  // it closed its stdin
    pollfd fd{in[1], POLLOUT, 0};
    poll(&fd, 1, 50);
  }
  close(in[1]);
  signal(SIGPIPE, old);
  return wait_for(pid, deadline, p.timeout_seconds);
}

std::string process_token() {
  return fmt::format("{} {}", boot_id(), getpid());
}

bool process_running(const std::string& token) {
  auto space = token.rfind(' ');
  if (space == std::string::npos) return false;
  std::string boot = token.substr(0, space);
  if (boot != boot_id()) return false;  // an earlier boot: everything it ran has ended
  char* end = nullptr;
  long pid = std::strtol(token.c_str() + space + 1, &end, 10);
  if (pid <= 0 || *end != '\0') return false;
  return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

}  // namespace desk::util
