// The ticket lifecycle: which steps each status allows, and the use cases
// that take those steps. Statuses: new → assigned → in-progress → pending →
// resolved → closed; a call resolved at first contact goes straight to
// resolved; reopen brings a resolved ticket back; closed is final.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::tickets {

using model::Event;
using model::Ticket;

enum class Step { allocate, start, pending, resume, escalate, resolve, close, reopen };

std::string_view step_verb(Step s);  // "allocate", "start", ...
std::vector<Step> next_steps(model::Status status);
// Refused (exit 1) naming the steps the ticket's status allows instead.
void require_step(const Ticket& t, Step s);
// The status `t` has once `assignee` owns it ("" for nobody): a pending
// ticket stays pending; otherwise a technician makes it assigned and nobody
// new. Allocation, escalation, reopening and import all follow it.
model::Status owned_status(const Ticket& t, std::string_view assignee);

struct StatusRequest {
  model::PendingReason reason = model::PendingReason::customer;  // pending: who it waits on
  std::string text;
  std::optional<Instant> at;
};

Event start_work(work::Session& s, std::int64_t id, const StatusRequest& r);
Event set_pending(work::Session& s, std::int64_t id, const StatusRequest& r);
Event resume_work(work::Session& s, std::int64_t id, const StatusRequest& r);

struct EscalateRequest {
  bool up = false;       // to the team the current team escalates to
  std::string to_team;   // functional: to a named team
  std::string supplier;  // functional: to a third party ...
  std::string ref;       // ... with its reference
  bool manager = false;  // hierarchical: the team's manager is told
  std::string reason;    // required
  std::optional<Instant> at;
  std::string rule;  // the [[escalation]] rule behind an automatic escalation
};

Event escalate(work::Session& s, std::int64_t id, const EscalateRequest& r);

struct ResolveRequest {
  std::string code;
  std::string resolution;
  std::string workaround;
  std::int64_t duplicate_of = 0;
  // Complaints only, and required for them: upheld | partly-upheld |
  // not-upheld, the root cause, and the action taken.
  std::string outcome;
  std::string root_cause;
  std::string action;
  std::optional<Instant> at;
  std::int64_t article = 0;  // the knowledge-base article that resolved it (recorded by the caller)
};

std::vector<Event> resolve(work::Session& s, std::int64_t id, const ResolveRequest& r);
Event close_ticket(work::Session& s, std::int64_t id, std::optional<Instant> at);
// Resolved tickets whose resolution is older than [tickets].close_after.
std::vector<Ticket> due_for_closing(work::Session& s);
Event reopen(work::Session& s, std::int64_t id, const std::string& reason,
             std::optional<Instant> at);
// The customer answering a resolved ticket reopens it (the email channel,
// within [mail].reopen_within): no role is needed, as it is the customer,
// not a colleague, who undoes the resolution.
Event reopen_by_customer(work::Session& s, std::int64_t id, const std::string& reason,
                         std::optional<Instant> at);

// Records that `id` relates to `other`; false when the link existed.
std::optional<Event> link(work::Session& s, std::int64_t id, std::int64_t other,
                          model::LinkKind kind, std::optional<Instant> at);

}  // namespace desk::tickets
