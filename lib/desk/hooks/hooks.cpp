#include "desk/hooks/hooks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "desk/model/serialize.hpp"
#include "desk/util/process.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::hooks {

namespace {

std::vector<std::string> hook_names(const model::Event& e) {
  std::vector<std::string> names = {std::string(util::name(e.kind))};
  if (const auto* c = e.change("status"); c && c->to == "pending") names.push_back("pending");
  return names;
}

std::string run_one(const config::Config& c, const Job& job) {
  util::Program p;
  p.argv = {"/bin/sh", "-c", job.command};
  p.input = job.payload;
  // Assigned once: GCC 12 warns falsely (-Wrestrict) on `p.dir = "."` here.
  std::string dir = c.file.parent_path().string();
  p.dir = dir.empty() ? std::string(".") : std::move(dir);
  p.env = {{"DESK_HOOK", job.kind}, {"DESK_TICKET", std::to_string(job.ticket)}};
  if (!c.file.empty()) p.env.emplace_back("DESK_CONFIG", c.file.string());
  p.timeout_seconds = c.hooks.timeout_seconds;
  return util::run_program(p);
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
    e.kind = model::EventKind::hook_failed;
    e.at = std::max(s.now, t.updated_at);
    e.extra["hook"] = f.job.command;
    e.extra["for"] = f.job.kind;
    e.extra["why"] = f.why;
    work::record(s, t, std::move(e));
  }
}

}  // namespace desk::hooks
