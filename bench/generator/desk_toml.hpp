// The desk.toml of a generated store: three tiers, two suppliers, ten
// technicians with skills, routing rules, a business calendar and SLA
// policies, in the shape DESIGN.md gives.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace bench {

struct TomlSettings {
  std::string heading;                    // a comment saying how the store was made
  std::map<std::string, int> capacities;  // by technician; missing: the base capacity
};

std::string desk_toml(const TomlSettings& s);
// The base capacity of each technician (what a small store gets).
const std::map<std::string, int>& base_capacities();
// The calendar's holidays, as desk.toml writes them.
const std::vector<std::string>& holidays();

}  // namespace bench
