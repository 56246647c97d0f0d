// desk resolve, close, reopen and link.
#include <fmt/format.h>

#include "desk/catalog/fulfilment.hpp"
#include "desk/core/error.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/tickets/lifecycle.hpp"
#include "desk/tickets/links.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/record.hpp"
#include "desk/work/roles.hpp"
#include "desk/work/validate.hpp"

namespace desk::tickets {

std::vector<Event> resolve(work::Session& s, std::int64_t id, const ResolveRequest& r) {
  std::string code = r.code.empty() && r.duplicate_of ? "duplicate" : r.code;
  if (code.empty())
    throw UsageError(
        "a resolution needs a code",
        fmt::format("give --code: {}", util::join(s.config.tickets.resolution_codes, ", ")));
  code = work::one_of("resolution code", code, s.config.tickets.resolution_codes);
  if (util::trim(r.resolution).empty())
    throw UsageError("a resolution needs its text", "say what fixed it with -m TEXT");
  if (code == "duplicate" && r.duplicate_of == 0)
    throw UsageError("a duplicate needs the ticket it duplicates", "give --duplicate-of ID");
  Ticket t = work::require_ticket(s, id);
  require_step(t, Step::resolve);
  bool complaint = t.type == catalog::kComplaint;
  if (complaint) {
    if (r.outcome.empty() || util::trim(r.root_cause).empty() || util::trim(r.action).empty())
      throw UsageError(
          fmt::format("resolving complaint {} needs its outcome, root cause and action", id),
          "give --outcome upheld|partly-upheld|not-upheld, --root-cause TEXT and --action TEXT");
    work::require_one_of("outcome", r.outcome, catalog::outcomes());
  } else if (!r.outcome.empty() || !r.root_cause.empty() || !r.action.empty()) {
    throw UsageError(fmt::format("ticket {} is not a complaint", id),
                     "--outcome, --root-cause and --action are for complaints");
  }
  if (r.duplicate_of == id) throw DataError(fmt::format("ticket {} cannot duplicate itself", id));
  if (r.duplicate_of) {
    work::require_ticket(s, r.duplicate_of);
    require_no_cycle(s.store, id, r.duplicate_of, model::LinkKind::duplicate_of);
  }

  Event e;
  e.kind = model::EventKind::resolved;
  e.at = work::event_time(s, r.at, t.updated_at);
  work::change(e, t, "status", model::Status::resolved);
  work::change(e, t, "pending_reason", "");
  work::change(e, t, "resolution_code", code);
  work::change(e, t, "resolution", r.resolution);
  work::change(e, t, "workaround", r.workaround);
  if (complaint) {
    work::change(e, t, "outcome", r.outcome);
    work::change(e, t, "root_cause", r.root_cause);
    work::change(e, t, "action", r.action);
  }
  if (r.duplicate_of) work::change(e, t, "duplicate_of", r.duplicate_of);
  if (r.article) e.extra["article"] = r.article;

  std::vector<Event> out;
  out.push_back(work::record(s, t, std::move(e)));
  if (r.duplicate_of)
    if (auto linked = link(s, id, r.duplicate_of, model::LinkKind::duplicate_of, out.back().at))
      out.push_back(*linked);
  return out;
}

Event close_ticket(work::Session& s, std::int64_t id, std::optional<Instant> at) {
  Ticket t = work::require_ticket(s, id);
  require_step(t, Step::close);
  Event e;
  e.kind = model::EventKind::closed;
  e.at = work::event_time(s, at, t.updated_at);
  work::change(e, t, "status", model::Status::closed);
  return work::record(s, t, std::move(e));
}

std::vector<Ticket> due_for_closing(work::Session& s) {
  model::Query q;
  q.statuses = {model::Status::resolved};
  q.resolved_until = s.now - Seconds{s.config.tickets.close_after_seconds};  // more than N ago
  std::vector<Ticket> out;
  s.store.each_ticket(q, s.ordering(), [&](const Ticket& t) {
    out.push_back(t);
    return true;
  });
  return out;
}

namespace {

// The reopening itself, once who may do it is settled.
Event reopen_ticket(work::Session& s, Ticket& t, const std::string& reason,
                    std::optional<Instant> at) {
  Event e;
  e.kind = model::EventKind::reopened;
  e.at = work::event_time(s, at, t.updated_at);
  e.text = reason;
  work::change(e, t, "status", owned_status(t, t.assignee));
  work::change(e, t, "resolution_code", "");
  work::change(e, t, "resolution", "");
  work::change(e, t, "workaround", "");
  work::change(e, t, "outcome", "");
  work::change(e, t, "root_cause", "");
  work::change(e, t, "action", "");
  work::change(e, t, "duplicate_of", model::Json());
  return work::record(s, t, std::move(e));
}

}  // namespace

Event reopen(work::Session& s, std::int64_t id, const std::string& reason,
             std::optional<Instant> at) {
  if (util::trim(reason).empty())
    throw UsageError("reopening needs a reason", "say why with -m REASON");
  Ticket t = work::require_ticket(s, id);
  require_step(t, Step::reopen);
  // Reopening discards the resolution: someone else's needs a lead.
  std::string resolver;
  for (const auto& past : s.store.ticket_events(id))
    if (past.kind == model::EventKind::resolved) resolver = past.actor;
  if (!resolver.empty() && resolver != s.actor)
    work::require(s.config, s.actor, work::Power::reopen_others);
  return reopen_ticket(s, t, reason, at);
}

Event reopen_by_customer(work::Session& s, std::int64_t id, const std::string& reason,
                         std::optional<Instant> at) {
  Ticket t = work::require_ticket(s, id);
  require_step(t, Step::reopen);
  return reopen_ticket(s, t, reason, at);
}

std::optional<Event> link(work::Session& s, std::int64_t id, std::int64_t other,
                          model::LinkKind kind, std::optional<Instant> at) {
  if (id == other) throw DataError(fmt::format("ticket {} cannot be linked to itself", id));
  Ticket t = work::require_ticket(s, id);
  work::require_ticket(s, other);
  require_no_cycle(s.store, id, other, kind);
  Instant when = work::event_time(s, at, t.created_at);
  if (!s.store.add_link({id, other, kind, when, s.actor})) return std::nullopt;
  Event e;
  e.kind = model::EventKind::linked;
  e.at = when;
  e.extra["link"] = kind;
  e.extra["to"] = other;
  return work::record(s, t, std::move(e));
}

}  // namespace desk::tickets
