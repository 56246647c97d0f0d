// desk resolve, close, reopen and link.
#include <fmt/format.h>

#include "desk/catalog/fulfilment.hpp"
#include "desk/compliance/roles.hpp"
#include "desk/core/error.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/tickets/lifecycle.hpp"
#include "desk/tickets/record.hpp"
#include "desk/tickets/validate.hpp"
#include "desk/util/strings.hpp"

namespace desk::tickets {

std::vector<Event> resolve(Session& s, std::int64_t id, const ResolveRequest& r) {
  std::string code = r.code.empty() && r.duplicate_of ? "duplicate" : r.code;
  if (code.empty())
    throw UsageError(
        "a resolution needs a code",
        fmt::format("give --code: {}", util::join(s.config.tickets.resolution_codes, ", ")));
  require_one_of("resolution code", code, s.config.tickets.resolution_codes);
  if (util::trim(r.resolution).empty())
    throw UsageError("a resolution needs its text", "say what fixed it with -m TEXT");
  if (code == "duplicate" && r.duplicate_of == 0)
    throw UsageError("a duplicate needs the ticket it duplicates", "give --duplicate-of ID");
  Ticket t = require_ticket(s, id);
  require_step(t, Step::resolve);
  bool complaint = t.type == catalog::kComplaint;
  if (complaint) {
    if (r.outcome.empty() || util::trim(r.root_cause).empty() || util::trim(r.action).empty())
      throw UsageError(
          fmt::format("resolving complaint {} needs its outcome, root cause and action", id),
          "give --outcome upheld|partly-upheld|not-upheld, --root-cause TEXT and --action TEXT");
    require_one_of("outcome", r.outcome, catalog::outcomes());
  } else if (!r.outcome.empty() || !r.root_cause.empty() || !r.action.empty()) {
    throw UsageError(fmt::format("ticket {} is not a complaint", id),
                     "--outcome, --root-cause and --action are for complaints");
  }
  if (r.duplicate_of == id) throw DataError(fmt::format("ticket {} cannot duplicate itself", id));
  if (r.duplicate_of) require_ticket(s, r.duplicate_of);

  Event e;
  e.kind = "resolved";
  e.at = event_time(s, r.at, t.updated_at);
  change(e, t, "status", "resolved");
  change(e, t, "pending_reason", "");
  change(e, t, "resolution_code", code);
  change(e, t, "resolution", r.resolution);
  change(e, t, "workaround", r.workaround);
  if (complaint) {
    change(e, t, "outcome", r.outcome);
    change(e, t, "root_cause", r.root_cause);
    change(e, t, "action", r.action);
  }
  if (r.duplicate_of) change(e, t, "duplicate_of", r.duplicate_of);
  if (r.article) e.extra["article"] = r.article;

  std::vector<Event> out;
  out.push_back(record(s, t, std::move(e)));
  if (r.duplicate_of)
    if (auto linked = link(s, id, r.duplicate_of, "duplicate-of", out.back().at))
      out.push_back(*linked);
  return out;
}

Event close_ticket(Session& s, std::int64_t id, std::optional<Instant> at) {
  Ticket t = require_ticket(s, id);
  require_step(t, Step::close);
  Event e;
  e.kind = "closed";
  e.at = event_time(s, at, t.updated_at);
  change(e, t, "status", "closed");
  return record(s, t, std::move(e));
}

std::vector<Ticket> due_for_closing(Session& s) {
  model::Query q;
  q.statuses = {"resolved"};
  q.resolved_until = s.now - Seconds{s.config.tickets.close_after_seconds};  // more than N ago
  std::vector<Ticket> out;
  s.store.each_ticket(q, s.ordering(), [&](const Ticket& t) {
    out.push_back(t);
    return true;
  });
  return out;
}

Event reopen(Session& s, std::int64_t id, const std::string& reason, std::optional<Instant> at) {
  if (util::trim(reason).empty())
    throw UsageError("reopening needs a reason", "say why with -m REASON");
  Ticket t = require_ticket(s, id);
  require_step(t, Step::reopen);
  // Reopening discards the resolution: someone else's needs a lead.
  std::string resolver;
  for (const auto& past : s.store.ticket_events(id))
    if (past.kind == "resolved") resolver = past.actor;
  if (!resolver.empty() && resolver != s.actor)
    compliance::require(s.config, s.actor, compliance::Power::reopen_others);
  Event e;
  e.kind = "reopened";
  e.at = event_time(s, at, t.updated_at);
  e.text = reason;
  change(e, t, "status", t.assignee.empty() ? "new" : "assigned");
  change(e, t, "resolution_code", "");
  change(e, t, "resolution", "");
  change(e, t, "workaround", "");
  change(e, t, "outcome", "");
  change(e, t, "root_cause", "");
  change(e, t, "action", "");
  change(e, t, "duplicate_of", Json());
  return record(s, t, std::move(e));
}

std::optional<Event> link(Session& s, std::int64_t id, std::int64_t other, const std::string& kind,
                          std::optional<Instant> at) {
  require_one_of("link kind", kind, model::kLinkKinds);
  if (id == other) throw DataError(fmt::format("ticket {} cannot be linked to itself", id));
  Ticket t = require_ticket(s, id);
  require_ticket(s, other);
  Instant when = event_time(s, at, t.created_at);
  if (!s.store.add_link({id, other, kind, when, s.actor})) return std::nullopt;
  Event e;
  e.kind = "linked";
  e.at = when;
  e.extra["link"] = kind;
  e.extra["to"] = other;
  return record(s, t, std::move(e));
}

}  // namespace desk::tickets
