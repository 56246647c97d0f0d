// Runs a program with an argv (never through a shell unless the argv says
// so), its input written to its standard input, bounded in time. Hooks run
// "/bin/sh -c COMMAND" with it; mail is handed to sendmail with it.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace desk::util {

struct Program {
  std::vector<std::string> argv;  // argv[0] is the program: a path, or a name found on PATH
  std::string input;              // written to its standard input, then closed
  std::string dir = ".";          // where it runs
  std::vector<std::pair<std::string, std::string>> env;  // added to desk's environment
  std::int64_t timeout_seconds = 10;
};

// How a program ended.
struct Ran {
  std::string why;     // "" when it exited 0, else as run_program says
  int exit_code = -1;  // its exit status when it exited, -1 when it did not
};

// Runs `p` in its own process group, its standard output sent to desk's
// standard error (desk's standard output is for results).
Ran run(const Program& p);

// run(p).why: "" when it exits 0, else why not: "exit 3", "exit 127
// (command not found?)", "timed out after 10 s" (then everything it started
// is stopped: its process group, and what left the group with setsid, which
// comes back to desk as the subreaper), "killed by signal 9", "cannot
// start: ...".
std::string run_program(const Program& p);

// This process, as "BOOT-ID PID": the same machine since its last boot and
// the process on it, so that another process can tell whether it still runs.
std::string process_token();

// Whether the process `token` names still runs: false when it ran on an
// earlier boot (or another machine: a store is local), or on this boot and
// has ended.
bool process_running(const std::string& token);

}  // namespace desk::util
