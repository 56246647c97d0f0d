// Hooks: commands desk.toml names for events (logged, allocated, escalated,
// pending, resolved, closed, reopened, ...). Each runs after the change is
// committed, with {"event": ..., "ticket": ...} as JSON on standard input,
// like Taskwarrior's hooks. A hook that fails or hangs never undoes the
// change: the failure is returned, reported and recorded in the history.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::hooks {

struct Job {
  std::string command;
  std::string kind;  // the hook's name: the event kind, or "pending"
  std::int64_t ticket = 0;
  std::string payload;  // the JSON written to the hook's standard input
};

struct Failure {
  Job job;
  std::string why;  // "exit 3", "timed out after 10 s", "killed by signal 9"
};

// The jobs `events` call for, with the tickets as they are now.
std::vector<Job> jobs_for(work::Session& s, const std::vector<model::Event>& events);

// Runs each job through /bin/sh in the configuration file's directory, its
// standard output sent to desk's standard error (desk's standard output is
// for results), each bounded by [hooks].timeout.
std::vector<Failure> run(const config::Config& c, const std::vector<Job>& jobs);

// Records each failure as a "hook-failed" event on its ticket.
void record_failures(work::Session& s, const std::vector<Failure>& failures);

}  // namespace desk::hooks
