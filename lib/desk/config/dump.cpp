#include "desk/config/dump.hpp"

#include <sstream>

#include <toml++/toml.h>

#include "desk/config/sections.hpp"

namespace desk::config {

namespace {

toml::array array(const std::vector<std::string>& v) {
  toml::array a;
  for (const auto& s : v) a.push_back(s);
  return a;
}

toml::table match_table(const Match& m) {
  toml::table t;
  for (const auto& [k, v] : m.fields) {
    if (v.size() == 1)
      t.insert(k, v.front());
    else
      t.insert(k, array(v));
  }
  return t;
}

}  // namespace

std::string duration_text(std::int64_t s) {
  if (s % 86400 == 0 && s) return std::to_string(s / 86400) + "d";
  if (s % 3600 == 0 && s) return std::to_string(s / 3600) + "h";
  if (s % 60 == 0 && s) return std::to_string(s / 60) + "m";
  return std::to_string(s) + "s";
}

void dump_core(const Config& c, toml::table& root) {
  root.insert("desk", toml::table{{"store", c.store.string()},
                                  {"timezone", c.timezone},
                                  {"default_sla", c.default_sla},
                                  {"busy_timeout", duration_text(c.busy_timeout_ms / 1000)}});
  if (c.pager_command.empty())
    root["desk"].as_table()->insert("pager", c.pager);
  else
    root["desk"].as_table()->insert("pager", c.pager_command);
  root.insert("tickets",
              toml::table{{"types", array(c.tickets.types)},
                          {"channels", array(c.tickets.channels)},
                          {"categories", array(c.tickets.categories)},
                          {"resolution_codes", array(c.tickets.resolution_codes)},
                          {"incident_types", array(c.tickets.incident_types)},
                          {"close_after", duration_text(c.tickets.close_after_seconds)}});
  if (!c.imports.resolution_code.value.empty())
    root.insert("import", toml::table{{"resolution_code", c.imports.resolution_code.value}});
  toml::array matrix;
  for (const auto& row : c.priority.matrix) matrix.push_back(array(row));
  root.insert("priority", toml::table{{"impact", array(c.priority.impact)},
                                      {"urgency", array(c.priority.urgency)},
                                      {"matrix", matrix},
                                      {"levels", array(c.priority.levels)}});
  toml::table teams;
  for (const auto& [name, t] : c.teams) {
    toml::table tt{{"tier", t.tier}, {"members", array(t.members)}, {"strategy", t.strategy}};
    if (!t.manager.empty()) tt.insert("manager", t.manager);
    if (!t.escalates_to.value.empty()) tt.insert("escalates_to", t.escalates_to.value);
    if (t.supplier) tt.insert("supplier", true);
    if (!t.contact.empty()) tt.insert("contact", t.contact);
    if (!t.ref_format.empty()) tt.insert("ref_format", t.ref_format);
    if (!t.calendar.value.empty()) tt.insert("calendar", t.calendar.value);
    teams.insert(name, tt);
  }
  root.insert("teams", teams);
  toml::table techs;
  for (const auto& [id, t] : c.technicians) {
    toml::table tt{
        {"name", t.name}, {"skills", array(t.skills)}, {"capacity", t.capacity}, {"away", t.away}};
    if (!t.email.empty()) tt.insert("email", t.email);
    if (!t.calendar.value.empty()) tt.insert("calendar", t.calendar.value);
    techs.insert(id, tt);
  }
  if (!techs.empty()) root.insert("technicians", techs);
  toml::array routing;
  for (const auto& r : c.routing)
    routing.push_back(toml::table{{"match", match_table(r.match)}, {"team", r.team.value}});
  if (!routing.empty()) root.insert("routing", routing);
  toml::table hooks{{"timeout", duration_text(c.hooks.timeout_seconds)}};
  for (const auto& [event, commands] : c.hooks.on) hooks.insert(event, array(commands));
  root.insert("hooks", hooks);
}

std::string to_toml(const Config& c) {
  toml::table root;
  dump_core(c, root);
  dump_sla(c, root);
  dump_compliance(c, root);
  dump_mail(c, root);
  dump_limits(c, root);
  dump_planning(c, root);
  std::ostringstream out;
  out << toml::toml_formatter(root) << '\n';
  return out.str();
}

}  // namespace desk::config
