#include "desk/tickets/allocation.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/tickets/absences.hpp"
#include "desk/tickets/lifecycle.hpp"
#include "desk/tickets/match.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::tickets {

namespace {

std::int64_t open_load(work::Session& s, const std::string& tech) {
  model::Query q;
  q.assignees = {tech};
  q.statuses.assign(model::kOpenStatuses.begin(), model::kOpenStatuses.end());
  return s.store.count_tickets(q, 0);
}

// Fills in the ticket's new owner; the status follows: a pending ticket stays
// pending, otherwise a technician makes it assigned and a team alone new.
void assign(Event& e, const Ticket& t, const config::Team* team, const std::string& tech) {
  if (team) {
    work::change(e, t, "team", team->name);
    work::change(e, t, "tier", team->tier);
  }
  work::change(e, t, "assignee", tech);
  work::change(e, t, "status", owned_status(t, tech));
}

// The team a technician works in for this ticket: the ticket's own team when
// they belong to it, else their first team.
const config::Team* team_for(const config::Config& c, const config::Technician& tech,
                             const Ticket& t) {
  if (std::find(tech.teams.begin(), tech.teams.end(), t.team) != tech.teams.end())
    return c.team(t.team);
  return tech.teams.empty() ? nullptr : c.team(tech.teams.front());
}

struct Choice {
  std::string tech;
  std::string reason;
};

// Picks a technician in `team` for `t`, or explains why nobody can take it.
class Chooser {
 public:
  explicit Chooser(work::Session& s) : s_(s), where_(s) {}

  // Away at `at`, by desk.toml or a recorded absence.
  bool away(const config::Technician& tech, Instant at) const { return where_.away(tech.id, at); }

  std::int64_t& load(const std::string& tech) {
    auto it = loads_.find(tech);
    if (it == loads_.end()) it = loads_.emplace(tech, open_load(s_, tech)).first;
    return it->second;
  }

  // At work now (on shift, not away) and below capacity.
  bool available(const config::Technician& tech) {
    return !away(tech, s_.now) && where_.on_shift(tech.id, s_.now) && load(tech.id) < tech.capacity;
  }

  std::optional<Choice> choose(const config::Team& team, const Ticket& t) {
    std::vector<const config::Technician*> eligible;
    for (const auto& m : team.members)
      if (const auto* tech = s_.config.technician(m); tech && available(*tech))
        eligible.push_back(tech);
    if (eligible.empty()) return std::nullopt;
    if (team.strategy == "round-robin") return round_robin(team, eligible);
    if (team.strategy == "skills") {
      std::vector<const config::Technician*> skilled;
      for (const auto* tech : eligible)
        if (!t.category.empty() &&
            std::find(tech->skills.begin(), tech->skills.end(), t.category) != tech->skills.end())
          skilled.push_back(tech);
      if (!skilled.empty()) {
        Choice c = least_loaded(skilled);
        c.reason = fmt::format("skills: {}; {}", t.category, c.reason);
        return c;
      }
      Choice c = least_loaded(eligible);
      c.reason =
          fmt::format("nobody free has the skill {}; {}",
                      util::quoted(t.category.empty() ? "(no category)" : t.category), c.reason);
      return c;
    }
    return least_loaded(eligible);
  }

 private:
  // Fewest open tickets; ties go to the member listed first.
  Choice least_loaded(const std::vector<const config::Technician*>& techs) {
    const config::Technician* best = techs.front();
    for (const auto* tech : techs)
      if (load(tech->id) < load(best->id)) best = tech;
    return {best->id, fmt::format("least loaded: {} open", load(best->id))};
  }

  // The next eligible member after the one who got the team's last ticket.
  Choice round_robin(const config::Team& team,
                     const std::vector<const config::Technician*>& eligible) {
    auto last = s_.store.round_robin_cursor(team.name);
    const auto& members = team.members;
    std::size_t start = 0;
    if (last) {
      auto it = std::find(members.begin(), members.end(), *last);
      if (it != members.end()) start = static_cast<std::size_t>(it - members.begin()) + 1;
    }
    for (std::size_t k = 0; k < members.size(); ++k) {
      const std::string& m = members[(start + k) % members.size()];
      for (const auto* tech : eligible)
        if (tech->id == m) {
          s_.store.set_round_robin_cursor(team.name, m);
          return {m, last ? fmt::format("round robin after {}", *last)
                          : std::string("round robin: first")};
        }
    }
    return {eligible.front()->id, "round robin"};
  }

  work::Session& s_;
  std::map<std::string, std::int64_t> loads_;
  Whereabouts where_;
};

std::vector<std::string> targets(const config::Config& c) {
  std::vector<std::string> out;
  for (const auto& [id, tech] : c.technicians) out.push_back(id);
  for (const auto& [name, team] : c.teams)
    if (!team.supplier) out.push_back(name);
  return out;
}

}  // namespace

std::string route(const config::Config& c, const Ticket& t) {
  if (const auto* team = c.team(t.team); team && !team->supplier) return team->name;
  for (const auto& rule : c.routing)
    if (matches(rule.match, t)) return rule.team.value;
  const config::Team* first = nullptr;
  for (const auto& [name, team] : c.teams)
    if (!team.supplier && (first == nullptr || team.tier < first->tier)) first = &team;
  return first ? first->name : std::string();
}

Event allocate(work::Session& s, std::int64_t id, const AllocateRequest& r) {
  const auto& cfg = s.config;
  Ticket t = work::require_ticket(s, id);
  work::require_one_of("technician or team", r.to, targets(cfg));
  require_step(t, Step::allocate);
  Event e;
  e.kind = model::EventKind::allocated;
  e.at = work::event_time(s, r.at, t.updated_at);
  e.text = r.reason;
  if (const auto* tech = cfg.technician(r.to)) {
    if (t.assignee == tech->id)
      throw Refused(fmt::format("ticket {} is already allocated to {}", id, tech->id));
    Chooser chooser(s);
    if (!r.force && chooser.away(*tech, e.at))
      throw Refused(fmt::format("{} is away", tech->id),
                    "allocate to someone else, or add --force");
    if (!r.force && chooser.load(tech->id) >= tech->capacity)
      throw Refused(fmt::format("{} is at capacity ({} open of {})", tech->id,
                                chooser.load(tech->id), tech->capacity),
                    "allocate to someone else, or add --force");
    assign(e, t, team_for(cfg, *tech, t), tech->id);
    e.extra["reason"] = fmt::format("allocated by {}", s.actor);
  } else {
    const config::Team* team = cfg.team(r.to);
    if (t.team == team->name && t.assignee.empty())
      throw Refused(fmt::format("ticket {} is already with team {}", id, util::quoted(team->name)));
    assign(e, t, team, "");
    e.extra["reason"] = fmt::format("allocated to the team by {}", s.actor);
  }
  return work::record(s, t, std::move(e));
}

AutoResult auto_allocate(work::Session& s, const AutoRequest& r) {
  const auto& cfg = s.config;
  if (!r.team.empty()) {
    std::vector<std::string> teams;
    for (const auto& [name, team] : cfg.teams)
      if (!team.supplier) teams.push_back(name);
    work::require_one_of("team", r.team, teams);
  }
  // Read first, then write: the transaction already holds the write lock,
  // so no other process can allocate these tickets meanwhile.
  model::Query q;
  q.statuses.assign(model::kOpenStatuses.begin(), model::kOpenStatuses.end());
  q.assignees = {"none"};
  q.sort = {{"priority", false}, {"created", false}};
  std::vector<Ticket> waiting;
  s.store.each_ticket(q, s.ordering(), [&](const Ticket& t) {
    waiting.push_back(t);
    return true;
  });

  AutoResult out;
  Chooser chooser(s);
  for (Ticket& t : waiting) {
    Decision d{t.id, t.title, t.priority, route(cfg, t), "", ""};
    if (!r.team.empty() && d.team != r.team) continue;
    const config::Team* team = cfg.team(d.team);
    std::optional<Choice> choice;
    if (team == nullptr)
      d.reason = "no team to route it to";
    else if (!(choice = chooser.choose(*team, t)))
      d.reason = "every member is away, off shift or at capacity";
    if (choice) {
      d.assignee = choice->tech;
      d.reason = choice->reason;
      ++chooser.load(choice->tech);
      if (!r.dry_run) {
        Event e;
        e.kind = model::EventKind::allocated;
        e.at = std::max(s.now, t.updated_at);
        assign(e, t, team, choice->tech);
        e.extra["reason"] = d.reason;
        e.extra["auto"] = true;
        out.events.push_back(work::record(s, t, std::move(e)));
      }
    }
    out.decisions.push_back(std::move(d));
  }
  return out;
}

}  // namespace desk::tickets
