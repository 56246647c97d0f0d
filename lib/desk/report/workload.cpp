#include "desk/report/workload.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "desk/report/common.hpp"
#include "desk/report/figures.hpp"
#include "desk/tickets/absences.hpp"
#include "desk/util/strings.hpp"

namespace desk::report {

namespace {

using format::Column;
using format::Kind;

struct Load {
  std::int64_t open = 0;
  std::int64_t pending = 0;
  std::int64_t unassigned = 0;
  std::int64_t allocated = 0;
  std::int64_t resolved = 0;
};

// load_pct, room and state from open and capacity.
void capacity_fields(Json& row, std::int64_t open, std::optional<std::int64_t> capacity,
                     bool away) {
  row["capacity"] = number_or_null(capacity);
  if (!capacity) {
    row["load_pct"] = Json();
    row["room"] = Json();
    row["state"] = away ? Json("away") : Json();
    return;
  }
  row["load_pct"] = percent(open, *capacity);
  row["room"] = *capacity - open;
  if (away)
    row["state"] = "away";
  else if (open > *capacity)
    row["state"] = "overloaded";
  else if (open == *capacity)
    row["state"] = "full";
  else
    row["state"] = "has room";
}

format::Tone state_tone(const Json& v) {
  if (!v.is_string()) return format::Tone::plain;
  const auto& s = v.get_ref<const std::string&>();
  if (s == "overloaded") return format::Tone::red;
  if (s == "full") return format::Tone::yellow;
  if (s == "has room") return format::Tone::green;
  return format::Tone::dim;
}

// Most loaded first; no capacity last; then by name.
void by_load(std::vector<Json>& rows, const char* key) {
  std::stable_sort(rows.begin(), rows.end(), [&](const Json& a, const Json& b) {
    const Json& la = a["load_pct"];
    const Json& lb = b["load_pct"];
    if (la.is_null() != lb.is_null()) return lb.is_null();
    if (!la.is_null() && la.get<double>() != lb.get<double>())
      return la.get<double>() > lb.get<double>();
    return a[key].get<std::string>() < b[key].get<std::string>();
  });
}

std::vector<std::string> names_with(const std::vector<Json>& rows, const char* key,
                                    const char* state) {
  std::vector<std::string> out;
  for (const auto& r : rows)
    if (r["state"] == state) out.push_back(r[key].get<std::string>());
  return out;
}

// The workload's figures: each technician's and each team's load now, and
// what was allocated to and resolved by them in the period.
struct Workload {
  std::map<std::string, Load> techs, teams;

  // Allocations and resolutions in the period, by who held the ticket.
  void add_period(const std::vector<model::Mark>& marks, std::size_t n, Instant since,
                  Instant until) {
    auto in_period = [&](Instant t) { return t >= since && t < until; };
    std::string team, assignee;
    for (std::size_t i = 0; i < n; ++i) {
      const auto& m = marks[i];
      if (m.team) {
        team = *m.team;
        if (!team.empty() && in_period(m.at)) ++teams[team].allocated;
      }
      if (m.assignee) {
        assignee = *m.assignee;
        if (!assignee.empty() && in_period(m.at)) ++techs[assignee].allocated;
      }
      if (m.kind == model::EventKind::resolved && in_period(m.at)) {
        if (!assignee.empty()) ++techs[assignee].resolved;
        if (!team.empty()) ++teams[team].resolved;
      }
    }
  }

  // An open ticket's weight on whoever holds it now.
  void add_open(const History& h) {
    bool pending = h.status == model::Status::pending;
    if (!h.assignee.empty()) {
      Load& l = techs[h.assignee];
      ++l.open;
      if (pending) ++l.pending;
    }
    if (!h.team.empty()) {
      Load& l = teams[h.team];
      ++l.open;
      if (pending) ++l.pending;
      if (h.assignee.empty()) ++l.unassigned;
    }
  }
};

Workload count_workload(work::Session& s, const Period& period) {
  const auto& cfg = s.config;
  Instant until = known_until(period.until, s.now);
  Workload w;
  for (const auto& [id, tech] : cfg.technicians) w.techs[id];
  for (const auto& [name, team] : cfg.teams)
    if (!team.supplier) w.teams[name];
  store::ReportSelection sel;
  sel.open_since = period.since;
  sel.logged_until = known_until(Instant::max(), s.now);
  sel.titles = false;
  s.store.reports().each_ticket(
      sel, [&](const model::Ticket& row, const std::vector<model::Mark>& marks) {
        w.add_period(marks, marks_until(marks, s.now), period.since, until);
        History h = history_at(row, marks, s.now);
        if (h.open()) w.add_open(h);
        return true;
      });
  return w;
}

Column state_column() {
  Column state{"state", "STATE"};
  state.tone = state_tone;
  return state;
}

Section technicians_section(const Workload& w, const config::Config& cfg,
                            const tickets::Whereabouts& where, Instant now, const Zone& zone) {
  Section people{"technicians",
                 "Technicians",
                 {{"technician", "TECHNICIAN"},
                  {"teams", "TEAMS", Kind::list},
                  {"open", "OPEN", Kind::number},
                  {"pending", "PENDING", Kind::number},
                  {"allocated", "ALLOCATED", Kind::number},
                  {"resolved", "RESOLVED", Kind::number},
                  {"capacity", "CAPACITY", Kind::number},
                  {"load_pct", "LOAD %", Kind::number},
                  {"room", "ROOM", Kind::number},
                  state_column(),
                  {"on_shift", "ON SHIFT"},
                  {"back_at", "BACK", Kind::time}},
                 {},
                 Chart{Chart::Kind::bar, "technician", {{"load_pct", "load %"}}, "%"},
                 ""};
  for (const auto& [id, l] : w.techs) {
    const config::Technician* tech = cfg.technician(id);
    Json row = {{"technician", id},         {"teams", tech ? Json(tech->teams) : Json::array()},
                {"open", l.open},           {"pending", l.pending},
                {"allocated", l.allocated}, {"resolved", l.resolved}};
    capacity_fields(row, l.open, tech ? std::optional<std::int64_t>(tech->capacity) : std::nullopt,
                    where.away(id, now));
    // Inside their shift's hours now (always, without a shift calendar).
    row["on_shift"] = tech ? Json(where.on_shift(id, now)) : Json();
    // Back from a recorded absence; null when not away, or away until further notice.
    auto back = where.back(id, now);
    row["back_at"] = back ? Json(format_iso(*back, zone)) : Json();
    people.rows.push_back(std::move(row));
  }
  by_load(people.rows, "technician");
  auto over = names_with(people.rows, "technician", "overloaded");
  auto room = names_with(people.rows, "technician", "has room");
  people.note =
      fmt::format("Overloaded: {}. Room: {}.", over.empty() ? "nobody" : util::join(over, ", "),
                  room.empty() ? "nobody" : util::join(room, ", "));
  return people;
}

Section teams_section(const Workload& w, const config::Config& cfg,
                      const tickets::Whereabouts& where, Instant now) {
  Section groups{"teams",
                 "Teams",
                 {{"team", "TEAM"},
                  {"tier", "TIER", Kind::number},
                  {"open", "OPEN", Kind::number},
                  {"unassigned", "UNASSIGNED", Kind::number},
                  {"pending", "PENDING", Kind::number},
                  {"allocated", "ALLOCATED", Kind::number},
                  {"resolved", "RESOLVED", Kind::number},
                  {"capacity", "CAPACITY", Kind::number},
                  {"load_pct", "LOAD %", Kind::number},
                  {"room", "ROOM", Kind::number},
                  state_column()},
                 {},
                 Chart{Chart::Kind::bar, "team", {{"load_pct", "load %"}}, "%"},
                 ""};
  for (const auto& [name, l] : w.teams) {
    const config::Team* team = cfg.team(name);
    std::optional<std::int64_t> capacity;
    if (team) {
      capacity = 0;
      for (const auto& m : team->members)
        if (const auto* tech = cfg.technician(m); tech && !where.away(m, now))
          *capacity += tech->capacity;
    }
    Json row = {{"team", name},          {"tier", team ? Json(team->tier) : Json()},
                {"open", l.open},        {"unassigned", l.unassigned},
                {"pending", l.pending},  {"allocated", l.allocated},
                {"resolved", l.resolved}};
    capacity_fields(row, l.open, capacity, false);
    groups.rows.push_back(std::move(row));
  }
  by_load(groups.rows, "team");
  return groups;
}

}  // namespace

Report workload_report(work::Session& s, const Period& period) {
  Workload w = count_workload(s, period);
  Report r;
  r.key = "workload";
  r.title = "Workload";
  r.meta = period_meta(period, s.config.zone(), s.now);
  tickets::Whereabouts where(s);
  r.sections.push_back(technicians_section(w, s.config, where, s.now, s.config.zone()));
  r.sections.push_back(teams_section(w, s.config, where, s.now));
  return r;
}

}  // namespace desk::report
