#include "desk_toml.hpp"

#include <fmt/format.h>

namespace bench {

namespace {

struct Tech {
  const char* id;
  const char* name;
  const char* skills;
  bool away;
};

const Tech kTechs[] = {
    {"alice", "Alice Smith", R"("hardware", "access")", false},
    {"bob", "Bob Okafor", R"("software", "account")", false},
    {"chen", "陈伟", R"("software", "network")", false},
    {"dmitri", "Дмитрий Иванов", R"("account", "access")", false},
    {"eva", "Eva Nováková", R"("hardware", "other")", true},
    {"farah", "Farah Haddad", R"("network", "hardware")", false},
    {"gustavo", "Gustavo Peña", R"("software", "hardware")", false},
    {"hana", "佐藤 花", R"("access", "account", "software")", false},
    {"ivan", "Ivan Horvat", R"("network")", false},
    {"jun", "Jun Park", R"("network", "hardware")", false},
};

constexpr const char* kBody = R"toml(
[desk]
store = "desk.db"
timezone = "Europe/London"
default_sla = "standard"
busy_timeout = "10s"

[tickets]
types = ["incident", "service-request", "access-request", "information-request", "complaint"]
channels = ["phone", "email", "chat", "portal", "walk-in", "bot"]
categories = ["hardware", "software", "network", "access", "account", "other"]
resolution_codes = ["fixed", "workaround", "information-given", "no-fault-found", "duplicate", "cancelled"]
close_after = "5d"

[priority]
impact = ["high", "medium", "low"]
urgency = ["high", "medium", "low"]
matrix = [["P1", "P2", "P3"],
          ["P2", "P3", "P4"],
          ["P3", "P4", "P5"]]

[calendars.office]
timezone = "Europe/London"
mon = ["09:00-17:00"]
tue = ["09:00-17:00"]
wed = ["09:00-17:00"]
thu = ["09:00-17:00"]
fri = ["09:00-17:00"]
sat = []
sun = []
holidays = [{holidays}]

[sla.standard]
calendar = "office"
response = {{ P1 = "15m", P2 = "1h", P3 = "4h", P4 = "1d", P5 = "2d" }}
resolve = {{ P1 = "4h", P2 = "8h", P3 = "3d", P4 = "5d", P5 = "10d" }}
pause_on = ["pending"]
warn_at = 75

[sla.complaints]
calendar = "office"
response = {{ P1 = "15m", P2 = "30m", P3 = "2h", P4 = "4h", P5 = "1d" }}
resolve = {{ P1 = "4h", P2 = "1d", P3 = "2d", P4 = "3d", P5 = "5d" }}
pause_on = ["pending"]
warn_at = 60

# Complaints get their own policy once desk reads [[sla_rule]]:
# [[sla_rule]]
# match = {{ type = "complaint" }}
# sla = "complaints"

[teams.service-desk]
tier = 1
members = ["alice", "bob", "chen", "dmitri", "eva"]
manager = "margaret"
escalates_to = "second-line"
strategy = "least-loaded"

[teams.second-line]
tier = 2
members = ["farah", "gustavo", "hana"]
manager = "olu"
escalates_to = "infrastructure"
strategy = "skills"

[teams.infrastructure]
tier = 3
members = ["ivan", "jun"]
manager = "olu"
strategy = "round-robin"

[teams.acme-networks]
supplier = true
contact = "support@acme-networks.example"
ref_format = "ACME-[0-9]{{6}}"

[teams.papyrus-print]
supplier = true
contact = "service@papyrus-print.example"
ref_format = "PP/[0-9]{{5}}"
{technicians}
[[routing]]
match = {{ category = "network", type = "incident" }}
team = "infrastructure"

[[routing]]
match = {{ category = "hardware", type = "service-request" }}
team = "second-line"
)toml";

}  // namespace

const std::map<std::string, int>& base_capacities() {
  static const std::map<std::string, int> base = {
      {"alice", 25}, {"bob", 25},     {"chen", 20}, {"dmitri", 20}, {"eva", 20},
      {"farah", 15}, {"gustavo", 15}, {"hana", 15}, {"ivan", 12},   {"jun", 12}};
  return base;
}

const std::vector<std::string>& holidays() {
  static const std::vector<std::string> days = {"01-01",      "12-25",      "12-26",
                                                "2026-05-04", "2026-05-25", "2026-08-31",
                                                "2027-03-26", "2027-03-29"};
  return days;
}

std::string desk_toml(const TomlSettings& s) {
  std::string techs;
  for (const auto& t : kTechs) {
    auto it = s.capacities.find(t.id);
    int capacity = it != s.capacities.end() ? it->second : base_capacities().at(t.id);
    techs += fmt::format(
        "\n[technicians.{}]\nname = \"{}\"\nemail = \"{}@desk.example\"\nskills = [{}]\n"
        "capacity = {}\n",
        t.id, t.name, t.id, t.skills, capacity);
    if (t.away) techs += "away = true\n";
  }
  std::string days;
  for (const auto& d : holidays()) days += (days.empty() ? "\"" : ", \"") + d + "\"";
  return s.heading + fmt::format(fmt::runtime(kBody), fmt::arg("holidays", days),
                                 fmt::arg("technicians", techs));
}

}  // namespace bench
