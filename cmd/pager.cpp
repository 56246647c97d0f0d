#include "pager.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace desk::cmd {

namespace {

pid_t pager_pid = -1;

// At exit: the output ends, and the reader gets the pager until they quit it.
void wait_for_pager() {
  std::cout.flush();
  std::fflush(stdout);
  close(STDOUT_FILENO);
  int status = 0;
  while (waitpid(pager_pid, &status, 0) < 0 && errno == EINTR) {
  }
}

const char* nonempty_env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (std::size_t at = 0; at <= dirs.size();) {
    std::size_t end = dirs.find(':', at);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(at, end - at);
    if (access(((dir.empty() ? "." : dir) + "/" + program).c_str(), X_OK) == 0) return true;
    at = end + 1;
  }
  return false;
}

// The pager's command line, or "" for none.
std::string pager_command(const config::Config& cfg) {
  if (!cfg.pager) return "";
  std::string command = "less";
  if (const char* v = std::getenv("DESK_PAGER"))
    command = v;  // set but empty: no pager
  else if (!cfg.pager_command.empty())
    command = cfg.pager_command;
  else if (const char* p = nonempty_env("PAGER"))
    command = p;
  if (command.find_first_not_of(" \t") == std::string::npos || command == "cat") return "";
  // Without less (a minimal system), the output is printed rather than lost.
  if (command == "less" && !on_path("less")) return "";
  return command;
}

}  // namespace

void start_pager(Env& env) {
  if (pager_pid > 0 || env.globals.no_pager || !env.stdout_tty) return;
  std::string command = pager_command(env.config());
  if (command.empty()) return;
  int fds[2];
  if (pipe(fds) != 0) return;  // no pager rather than no output
  std::cout.flush();
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return;
  }
  if (pid == 0) {
    dup2(fds[0], STDIN_FILENO);
    close(fds[0]);
    close(fds[1]);
    setenv("LESS", "FRX", 0);  // as git: short output printed, colours kept, screen not cleared
    setenv("LV", "-c", 0);
    // Through the shell, as git and man do: $PAGER may hold options.
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  dup2(fds[1], STDOUT_FILENO);
  close(fds[0]);
  close(fds[1]);
  pager_pid = pid;
  std::atexit(wait_for_pager);
}

}  // namespace desk::cmd
