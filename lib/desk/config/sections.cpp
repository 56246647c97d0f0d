#include "desk/config/sections.hpp"

#include <fmt/format.h>

namespace desk::config {

const std::vector<std::string_view> kSections = {"desk",    "tickets",  "priority", "calendars",
                                                 "sla",     "sla_rule", "teams",    "technicians",
                                                 "routing", "hooks"};

void read_section(Config& c, std::string_view name, const toml::node& n, const Reader& r) {
  std::string label = fmt::format("[{}]", name);
  if (name == "routing") return read_routing(c, n, r);
  // [[sla_rule]] is an array of tables, as desk.toml(5) and the starter's
  // comment show it; what the rules say is for the service-level code.
  if (name == "sla_rule") {
    if (!n.is_array_of_tables()) r.fail(n, "sla_rule must be written as [[sla_rule]] tables");
    return;
  }
  const toml::table& t = r.table(n, label);
  if (name == "desk") return read_desk(c, t, r);
  if (name == "tickets") return read_tickets(c, t, r);
  if (name == "priority") return read_priority(c, t, r);
  if (name == "teams") return read_teams(c, t, r);
  if (name == "technicians") return read_technicians(c, t, r);
  if (name == "hooks") return read_hooks(c, t, r);
}

void validate(Config& c) {
  validate_teams(c);
}

}  // namespace desk::config
