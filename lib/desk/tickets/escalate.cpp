// desk escalate: functional (up a tier, to a team, to a supplier) and
// hierarchical (the team's manager is told and the ticket flagged).
#include <regex>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/tickets/lifecycle.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::tickets {

namespace {

std::vector<std::string> team_names(const config::Config& c, bool suppliers) {
  std::vector<std::string> out;
  for (const auto& [name, t] : c.teams)
    if (t.supplier == suppliers) out.push_back(name);
  return out;
}

// Moves the ticket into another team's queue: nobody there owns it yet.
void to_team(Event& e, const Ticket& t, const config::Team& team) {
  work::change(e, t, "team", team.name);
  work::change(e, t, "tier", team.tier);
  work::change(e, t, "assignee", "");
  work::change(e, t, "status", owned_status(t, ""));
}

}  // namespace

Event escalate(work::Session& s, std::int64_t id, const EscalateRequest& r) {
  const auto& cfg = s.config;
  int kinds = (r.up ? 1 : 0) + (!r.to_team.empty() ? 1 : 0) + (!r.supplier.empty() ? 1 : 0) +
              (r.manager ? 1 : 0);
  if (kinds != 1)
    throw UsageError("say where to escalate: one of --up, --to TEAM, --supplier NAME, --manager");
  if (util::trim(r.reason).empty())
    throw UsageError("an escalation needs a reason", "say why with -m REASON");
  Ticket t = work::require_ticket(s, id);
  require_step(t, Step::escalate);
  Event e;
  e.kind = model::EventKind::escalated;
  e.text = r.reason;
  const config::Team* current = cfg.team(t.team);
  if (r.up) {
    if (current == nullptr)
      throw Refused(fmt::format("ticket {} has no team to escalate from", id),
                    fmt::format("allocate it first, or use --to TEAM"));
    if (current->escalates_to.value.empty())
      throw Refused(fmt::format("team {} has nowhere to escalate to", util::quoted(current->name)),
                    "set escalates_to in its [teams] section, or use --to TEAM");
    const config::Team* next = cfg.team(current->escalates_to.value);
    to_team(e, t, *next);
    e.extra["escalation"] = "functional";
  } else if (!r.to_team.empty()) {
    work::require_one_of("team", r.to_team, team_names(cfg, false));
    if (r.to_team == t.team)
      throw Refused(fmt::format("ticket {} is already with {}", id, util::quoted(t.team)));
    to_team(e, t, *cfg.team(r.to_team));
    e.extra["escalation"] = "functional";
  } else if (!r.supplier.empty()) {
    work::require_one_of("supplier", r.supplier, team_names(cfg, true));
    const config::Team& supplier = *cfg.team(r.supplier);
    if (util::trim(r.ref).empty())
      throw UsageError("a supplier escalation needs the supplier's reference",
                       "give it with --ref REF");
    if (!supplier.ref_format.empty() && !std::regex_match(r.ref, std::regex(supplier.ref_format)))
      throw DataError(fmt::format("reference {} does not match {}'s format {}", util::quoted(r.ref),
                                  supplier.name, util::quoted(supplier.ref_format)));
    work::change(e, t, "supplier", supplier.name);
    work::change(e, t, "supplier_ref", r.ref);
    if (!supplier.contact.empty()) e.extra["contact"] = supplier.contact;
    e.extra["escalation"] = "supplier";
  } else {
    if (current == nullptr || current->manager.empty())
      throw Refused(fmt::format("ticket {} has no team manager to tell", id),
                    "set manager in the team's [teams] section");
    work::change(e, t, "flagged", true);
    e.extra["manager"] = current->manager;
    e.extra["escalation"] = "hierarchical";
  }
  work::change(e, t, "escalation_level", t.escalation_level + 1);
  if (!r.rule.empty()) e.extra["rule"] = r.rule;
  e.at = work::event_time(s, r.at, t.updated_at);
  return work::record(s, t, std::move(e));
}

}  // namespace desk::tickets
