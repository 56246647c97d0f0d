#include "desk/config/sections.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk::config {

const std::vector<std::string_view> kSections = {
    "desk",  "tickets",    "priority", "calendars",   "sla",     "sla_rule",
    "ola",   "escalation", "teams",    "technicians", "routing", "hooks",
    "roles", "retention",  "import",   "mail",        "limits",  "planning"};

void read_section(Config& c, std::string_view name, const toml::node& n, const Reader& r) {
  std::string label = fmt::format("[{}]", name);
  if (name == "routing") return read_routing(c, n, r);
  if (name == "sla_rule") return read_sla_rules(c, n, r);
  if (name == "escalation") return read_escalation(c, n, r);
  const toml::table& t = r.table(n, label);
  if (name == "desk") return read_desk(c, t, r);
  if (name == "tickets") return read_tickets(c, t, r);
  if (name == "priority") return read_priority(c, t, r);
  if (name == "teams") return read_teams(c, t, r);
  if (name == "technicians") return read_technicians(c, t, r);
  if (name == "hooks") return read_hooks(c, t, r);
  if (name == "calendars") return read_calendars(c, t, r);
  if (name == "sla") return read_sla(c, t, r);
  if (name == "ola") return read_ola(c, t, r);
  if (name == "roles") return read_roles(c, t, r);
  if (name == "retention") return read_retention(c, t, r);
  if (name == "import") return read_import(c, t, r);
  if (name == "mail") return read_mail(c, t, r);
  if (name == "limits") return read_limits(c, t, r);
  if (name == "planning") return read_planning(c, t, r);
}

[[noreturn]] void unknown(const std::string& where, std::string_view what, const std::string& name,
                          const std::vector<std::string>& known) {
  std::string hint =
      known.empty() ? std::string() : fmt::format("expected one of: {}", util::join(known, ", "));
  if (auto near = util::closest(name, known))
    hint = fmt::format("did you mean {}?", util::quoted(*near));
  throw ConfigError(fmt::format("{}: unknown {} {}", where, what, util::quoted(name)), hint);
}

namespace {

// The configured values a match field must take; nothing for open fields
// (service, customer, customer_tier, tag).
std::vector<std::string> vocabulary(const Config& c, const std::string& field) {
  if (field == "type") return c.tickets.types;
  if (field == "category") return c.tickets.categories;
  if (field == "channel") return c.tickets.channels;
  if (field == "priority") return c.priority.levels;
  if (field == "team") {
    std::vector<std::string> teams;
    for (const auto& [name, team] : c.teams) teams.push_back(name);
    return teams;
  }
  return {};
}

// The first field and value of `m` the configuration lacks.
std::optional<std::pair<std::string, std::string>> first_unknown(const Config& c, const Match& m) {
  for (const auto& [field, values] : m.fields) {
    auto allowed = vocabulary(c, field);
    if (allowed.empty()) continue;
    for (const auto& v : values)
      if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) return std::pair{field, v};
  }
  return std::nullopt;
}

}  // namespace

bool match_known(const Config& c, const Match& m) {
  return !first_unknown(c, m);
}

void check_match(const Config& c, const Match& m, const std::string& where) {
  if (auto bad = first_unknown(c, m))
    unknown(where, bad->first, bad->second, vocabulary(c, bad->first));
}

void validate(Config& c) {
  validate_teams(c);
  validate_sla(c);
  validate_shifts(c);
  validate_import(c);
  validate_mail(c);
}

}  // namespace desk::config
