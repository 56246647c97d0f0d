#include "desk/config/sections.hpp"

#include <fmt/format.h>

namespace desk::config {

const std::vector<std::string_view> kSections = {
    "desk",  "tickets",     "priority", "calendars", "sla",   "sla_rule",  "ola",    "escalation",
    "teams", "technicians", "routing",  "hooks",     "roles", "retention", "import", "mail"};

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
}

void validate(Config& c) {
  validate_teams(c);
  validate_sla(c);
  validate_import(c);
  validate_mail(c);
}

}  // namespace desk::config
