#include "desk/hooks/hooks.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "desk/model/serialize.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::hooks {

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> hook_names(const model::Event& e) {
  std::vector<std::string> names = {e.kind};
  if (const auto* c = e.change("status"); c && c->to == "pending") names.push_back("pending");
  return names;
}

// Waits for `pid` until `deadline`; then terminates its process group.
std::string wait_for(pid_t pid, Clock::time_point deadline, std::int64_t timeout) {
  int status = 0;
  while (true) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) return "lost track of the hook";
    if (Clock::now() >= deadline) {
      kill(-pid, SIGTERM);
      auto grace = Clock::now() + std::chrono::seconds(1);
      while (waitpid(pid, &status, WNOHANG) == 0 && Clock::now() < grace) usleep(10'000);
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return fmt::format("timed out after {} s", timeout);
    }
    usleep(5'000);
  }
  if (WIFEXITED(status))
    return WEXITSTATUS(status) == 0 ? "" : fmt::format("exit {}", WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return fmt::format("killed by signal {}", WTERMSIG(status));
  return "ended oddly";
}

std::string run_one(const config::Config& c, const Job& job) {
  int in[2];
  if (pipe(in) != 0) return fmt::format("cannot start: {}", std::strerror(errno));
  std::string dir = c.file.empty() ? std::string(".") : c.file.parent_path().string();
  if (dir.empty()) dir = ".";
  pid_t pid = fork();
  if (pid < 0) {
    close(in[0]);
    close(in[1]);
    return fmt::format("cannot start: {}", std::strerror(errno));
  }
  if (pid == 0) {
    // The child: its own process group (so a timeout kills everything it
    // started), the payload on stdin, stdout onto desk's stderr.
    setpgid(0, 0);
    signal(SIGPIPE, SIG_DFL);
    dup2(in[0], 0);
    close(in[0]);
    close(in[1]);
    dup2(2, 1);
    if (chdir(dir.c_str()) != 0) _exit(126);
    setenv("DESK_HOOK", job.kind.c_str(), 1);
    setenv("DESK_TICKET", std::to_string(job.ticket).c_str(), 1);
    if (!c.file.empty()) setenv("DESK_CONFIG", c.file.c_str(), 1);
    execl("/bin/sh", "sh", "-c", job.command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  setpgid(pid, pid);
  close(in[0]);
  auto deadline = Clock::now() + std::chrono::seconds(c.hooks.timeout_seconds);
  // Feed the payload without blocking: a hook that never reads must still
  // time out.
  fcntl(in[1], F_SETFL, O_NONBLOCK);
  std::size_t written = 0;
  auto old = signal(SIGPIPE, SIG_IGN);
  while (written < job.payload.size() && Clock::now() < deadline) {
    ssize_t n = write(in[1], job.payload.data() + written, job.payload.size() - written);
    if (n > 0) {
      written += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno != EAGAIN && errno != EINTR) break;  // the hook closed its stdin
    pollfd p{in[1], POLLOUT, 0};
    poll(&p, 1, 50);
  }
  close(in[1]);
  signal(SIGPIPE, old);
  std::string why = wait_for(pid, deadline, c.hooks.timeout_seconds);
  if (why == "exit 127") why = "exit 127 (command not found?)";
  return why;
}

}  // namespace

std::vector<Job> jobs_for(work::Session& s, const std::vector<model::Event>& events) {
  std::vector<Job> jobs;
  if (s.config.hooks.on.empty()) return jobs;
  Zone zone = s.config.zone();
  for (const auto& e : events) {
    for (const auto& name : hook_names(e)) {
      auto it = s.config.hooks.on.find(name);
      if (it == s.config.hooks.on.end()) continue;
      model::Json payload = {
          {"hook", name},
          {"event", model::event_json(e, zone)},
          {"ticket", model::ticket_json(work::require_ticket(s, e.ticket_id), zone)}};
      std::string text = payload.dump(-1, ' ', false, model::Json::error_handler_t::replace) + "\n";
      for (const auto& command : it->second) jobs.push_back({command, name, e.ticket_id, text});
    }
  }
  return jobs;
}

std::vector<Failure> run(const config::Config& c, const std::vector<Job>& jobs) {
  std::vector<Failure> failures;
  for (const auto& job : jobs) {
    std::string why = run_one(c, job);
    if (!why.empty()) failures.push_back({job, why});
  }
  return failures;
}

void record_failures(work::Session& s, const std::vector<Failure>& failures) {
  for (const auto& f : failures) {
    model::Ticket t = work::require_ticket(s, f.job.ticket);
    model::Event e;
    e.kind = "hook-failed";
    e.at = std::max(s.now, t.updated_at);
    e.extra["hook"] = f.job.command;
    e.extra["for"] = f.job.kind;
    e.extra["why"] = f.why;
    work::record(s, t, std::move(e));
  }
}

}  // namespace desk::hooks
