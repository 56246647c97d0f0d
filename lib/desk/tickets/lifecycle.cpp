#include "desk/tickets/lifecycle.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk::tickets {

std::string_view step_verb(Step s) {
  switch (s) {
    case Step::allocate:
      return "allocate";
    case Step::start:
      return "start";
    case Step::pending:
      return "pending";
    case Step::resume:
      return "resume";
    case Step::escalate:
      return "escalate";
    case Step::resolve:
      return "resolve";
    case Step::close:
      return "close";
    case Step::reopen:
      return "reopen";
  }
  return "";
}

std::vector<Step> next_steps(model::Status status) {
  using S = Step;
  switch (status) {
    case model::Status::new_:
    case model::Status::assigned:
      return {S::allocate, S::start, S::pending, S::escalate, S::resolve};
    case model::Status::in_progress:
      return {S::allocate, S::pending, S::escalate, S::resolve};
    case model::Status::pending:
      return {S::resume, S::allocate, S::escalate, S::resolve};
    case model::Status::resolved:
      return {S::close, S::reopen};
    case model::Status::closed:
      break;
  }
  return {};
}

model::Status owned_status(const Ticket& t, std::string_view assignee) {
  if (t.status == model::Status::pending) return t.status;
  return assignee.empty() ? model::Status::new_ : model::Status::assigned;
}

namespace {

std::string_view participle(Step s) {
  switch (s) {
    case Step::allocate:
      return "allocated";
    case Step::start:
      return "started";
    case Step::pending:
      return "put on pending";
    case Step::resume:
      return "resumed";
    case Step::escalate:
      return "escalated";
    case Step::resolve:
      return "resolved";
    case Step::close:
      return "closed";
    case Step::reopen:
      return "reopened";
  }
  return "";
}

}  // namespace

void require_step(const Ticket& t, Step s) {
  auto steps = next_steps(t.status);
  if (std::find(steps.begin(), steps.end(), s) != steps.end()) return;
  std::vector<std::string> next;
  for (Step n : steps) next.push_back(fmt::format("desk {} {}", step_verb(n), t.id));
  std::string hint = next.empty() ? fmt::format("a {} ticket is final", t.status)
                                  : fmt::format("a {} ticket can go on with: {}", t.status,
                                                util::join(next, ", "));
  throw Refused(fmt::format("ticket {} is {}; it cannot be {}", t.id, t.status, participle(s)),
                hint);
}

}  // namespace desk::tickets
