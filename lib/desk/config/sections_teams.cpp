// [teams.*], [technicians.*] and [[routing]].
#include <algorithm>
#include <regex>

#include <fmt/format.h>

#include "desk/config/sections.hpp"
#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk::config {

namespace {

const std::vector<std::string> kStrategies = {"round-robin", "least-loaded", "skills"};

// Names become command arguments and filter values: keep them plain.
void check_name(const toml::node& n, const std::string& name, std::string_view what,
                const Reader& r) {
  if (name.empty() || name.find_first_of(", \t:") != std::string::npos)
    r.fail(n, fmt::format("{} name {} must be one word without spaces, commas or colons", what,
                          util::quoted(name)));
}

template <typename Map>
std::vector<std::string> keys_of(const Map& m) {
  std::vector<std::string> out;
  for (const auto& [k, v] : m) out.push_back(k);
  return out;
}

}  // namespace

void read_teams(Config& c, const toml::table& t, const Reader& r) {
  c.teams.clear();
  for (const auto& [key, node] : t) {
    std::string name(key.str());
    std::string label = fmt::format("[teams.{}]", name);
    const auto& tt = r.table(node, label);
    check_name(node, name, "team", r);
    r.only_keys(tt, label,
                {"tier", "members", "manager", "escalates_to", "strategy", "supplier", "contact",
                 "ref_format", "calendar"});
    Team team;
    team.name = name;
    team.where = r.where(node);
    if (const auto* n = tt.get("tier")) {
      team.tier = static_cast<int>(r.integer(*n, "tier"));
      if (team.tier < 1 || team.tier > 9) r.fail(*n, "tier must be between 1 and 9");
    }
    if (const auto* n = tt.get("members")) team.members = r.strings(*n, "members");
    if (const auto* n = tt.get("manager")) team.manager = r.string(*n, "manager");
    if (const auto* n = tt.get("escalates_to")) team.escalates_to = r.located(*n, "escalates_to");
    if (const auto* n = tt.get("strategy")) {
      team.strategy = r.string(*n, "strategy");
      r.one_of(*n, team.strategy, kStrategies, "strategy");
    }
    if (const auto* n = tt.get("supplier")) team.supplier = r.boolean(*n, "supplier");
    if (const auto* n = tt.get("calendar")) team.calendar = r.located(*n, "calendar");
    if (const auto* n = tt.get("contact")) team.contact = r.string(*n, "contact");
    if (const auto* n = tt.get("ref_format")) {
      team.ref_format = r.string(*n, "ref_format");
      try {
        std::regex check(team.ref_format);
      } catch (const std::regex_error& e) {
        r.fail(*n, fmt::format("ref_format is not a valid regular expression: {}", e.what()));
      }
    }
    for (const auto& m : team.members) check_name(node, m, "member", r);
    c.teams[name] = std::move(team);
  }
}

void read_technicians(Config& c, const toml::table& t, const Reader& r) {
  c.technicians.clear();
  for (const auto& [key, node] : t) {
    std::string id(key.str());
    std::string label = fmt::format("[technicians.{}]", id);
    const auto& tt = r.table(node, label);
    check_name(node, id, "technician", r);
    r.only_keys(tt, label, {"name", "email", "skills", "capacity", "away", "calendar"});
    Technician tech;
    tech.id = id;
    tech.name = id;
    if (const auto* n = tt.get("name")) tech.name = r.string(*n, "name");
    if (const auto* n = tt.get("email")) tech.email = r.string(*n, "email");
    if (const auto* n = tt.get("skills")) tech.skills = r.strings(*n, "skills");
    if (const auto* n = tt.get("capacity")) {
      tech.capacity = static_cast<int>(r.integer(*n, "capacity"));
      if (tech.capacity < 0 || tech.capacity > 100000) r.fail(*n, "capacity must be 0 or more");
    }
    if (const auto* n = tt.get("away")) tech.away = r.boolean(*n, "away");
    if (const auto* n = tt.get("calendar")) tech.calendar = r.located(*n, "calendar");
    c.technicians[id] = std::move(tech);
  }
}

void read_routing(Config& c, const toml::node& n, const Reader& r) {
  const auto* rules = n.as_array();
  if (rules == nullptr) r.fail(n, "routing must be written as [[routing]] tables");
  c.routing.clear();
  for (const auto& item : *rules) {
    const auto& rt = r.table(item, "[[routing]]");
    r.only_keys(rt, "[[routing]]", {"match", "team"});
    RoutingRule rule;
    if (const auto* m = rt.get("match"))
      rule.match =
          r.match(*m, "match",
                  {"type", "category", "channel", "priority", "service", "customer_tier", "tag"});
    const auto* team = rt.get("team");
    if (team == nullptr) r.fail(item, "[[routing]] needs a team");
    rule.team = r.located(*team, "team");
    c.routing.push_back(std::move(rule));
  }
}

void validate_teams(Config& c) {
  std::vector<std::string> teams = keys_of(c.teams);
  for (auto& [id, tech] : c.technicians) tech.teams.clear();
  for (auto& [name, team] : c.teams) {
    if (!team.escalates_to.value.empty()) {
      if (!c.teams.count(team.escalates_to.value))
        unknown(team.escalates_to.where, "team", team.escalates_to.value, teams);
      if (team.escalates_to.value == name)
        throw ConfigError(fmt::format("{}: team {} escalates to itself", team.escalates_to.where,
                                      util::quoted(name)));
    }
    // A member nobody described under [technicians] is a technician with defaults.
    for (const auto& member : team.members) {
      auto& tech = c.technicians[member];
      if (tech.id.empty()) {
        tech.id = member;
        tech.name = member;
      }
      tech.teams.push_back(name);
    }
    if (c.technicians.count(name))
      throw ConfigError(
          fmt::format("{}: {} names both a team and a technician", team.where, util::quoted(name)),
          "allocation targets must be unambiguous: rename one of them");
  }
  for (const auto& rule : c.routing) {
    if (!c.teams.count(rule.team.value)) unknown(rule.team.where, "team", rule.team.value, teams);
    check_match(c, rule.match, rule.team.where);
  }
}

void validate_shifts(const Config& c) {
  std::vector<std::string> calendars = keys_of(c.calendars);
  auto check = [&](const Located& name) {
    if (!name.value.empty() && !c.calendars.count(name.value))
      unknown(name.where, "calendar", name.value, calendars);
  };
  for (const auto& [name, team] : c.teams) check(team.calendar);
  for (const auto& [id, tech] : c.technicians) check(tech.calendar);
}

std::string Config::shift_calendar(std::string_view id) const {
  const Technician* tech = technician(id);
  if (tech == nullptr) return {};
  if (!tech->calendar.value.empty()) return tech->calendar.value;
  for (const auto& name : tech->teams)
    if (const Team* t = team(name); t && !t->calendar.value.empty()) return t->calendar.value;
  return {};
}

const Technician* Config::technician(std::string_view id) const {
  auto it = technicians.find(std::string(id));
  return it == technicians.end() ? nullptr : &it->second;
}

const Team* Config::team(std::string_view name) const {
  auto it = teams.find(std::string(name));
  return it == teams.end() ? nullptr : &it->second;
}

}  // namespace desk::config
