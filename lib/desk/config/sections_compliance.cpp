// [roles] and [retention].
#include <fmt/format.h>

#include "desk/config/sections.hpp"
#include "desk/model/role.hpp"
#include "desk/util/duration.hpp"
#include "desk/util/strings.hpp"

namespace desk::config {

namespace {

std::int64_t kept_for(const toml::node& n, const Reader& r, std::string_view what) {
  if (auto v = n.value<std::string>(); v && *v == "never") return 0;
  std::int64_t s = r.duration(n, what);
  if (s <= 0) r.fail(n, fmt::format("{} must be a duration such as \"7y\", or \"never\"", what));
  return s;
}

}  // namespace

void read_roles(Config& c, const toml::table& t, const Reader& r) {
  std::vector<std::string_view> keys = {"default"};
  for (const auto& name : model::role_names()) keys.push_back(name);
  r.only_keys(t, "[roles]", keys);
  Roles roles;
  roles.enforced = true;
  for (const auto& [key, node] : t) {
    std::string role(key.str());
    if (role == "default") {
      roles.fallback = r.string(node, "default");
      r.one_of(node, roles.fallback, model::role_names(), "role");
      continue;
    }
    for (const auto& person : r.strings(node, role)) {
      auto [it, fresh] = roles.of.emplace(person, role);
      if (!fresh)
        r.fail(
            node,
            fmt::format("{} is given two roles, {} and {}", util::quoted(person), it->second, role),
            "list each person under one role: the higher one includes the lower ones");
    }
  }
  c.roles = std::move(roles);
}

void read_retention(Config& c, const toml::table& t, const Reader& r) {
  r.only_keys(t, "[retention]", {"closed_tickets", "personal_data"});
  if (const auto* n = t.get("closed_tickets"))
    c.retention.closed_tickets_seconds = kept_for(*n, r, "closed_tickets");
  if (const auto* n = t.get("personal_data"))
    c.retention.personal_data_seconds = kept_for(*n, r, "personal_data");
}

namespace {

std::string kept_text(std::int64_t s) {
  if (s == 0) return "never";
  if (s % (365 * 86400) == 0) return std::to_string(s / (365 * 86400)) + "y";
  if (s % 86400 == 0) return std::to_string(s / 86400) + "d";
  return std::to_string(s) + "s";
}

}  // namespace

void dump_compliance(const Config& c, toml::table& root) {
  if (c.roles.enforced) {
    toml::table roles{{"default", c.roles.fallback}};
    for (const auto& name : model::role_names()) {
      toml::array people;
      for (const auto& [person, role] : c.roles.of)
        if (role == name) people.push_back(person);
      if (!people.empty()) roles.insert(name, people);
    }
    root.insert("roles", roles);
  }
  root.insert("retention",
              toml::table{{"closed_tickets", kept_text(c.retention.closed_tickets_seconds)},
                          {"personal_data", kept_text(c.retention.personal_data_seconds)}});
}

}  // namespace desk::config
