#include "desk/work/roles.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk::work {

Role role_needed(Power p) {
  switch (p) {
    case Power::reopen_others:
    case Power::merge_customers:
      return Role::lead;
    case Power::change_catalogue:
      return Role::manager;
    case Power::forget:
    case Power::purge:
      return Role::admin;
  }
  return Role::admin;
}

std::string_view power_text(Power p) {
  switch (p) {
    case Power::reopen_others:
      return "reopen a ticket someone else resolved";
    case Power::merge_customers:
      return "merge customers";
    case Power::change_catalogue:
      return "change the service catalogue";
    case Power::forget:
      return "erase a customer's personal data";
    case Power::purge:
      return "purge data under the retention policy";
  }
  return "do that";
}

Role role_of(const config::Config& c, const std::string& actor) {
  if (!c.roles.enforced) return Role::admin;
  auto it = c.roles.of.find(actor);
  const std::string& name = it == c.roles.of.end() ? c.roles.fallback : it->second;
  for (std::size_t i = 0; i < model::role_names().size(); ++i)
    if (model::role_names()[i] == name) return static_cast<Role>(i);
  return Role::technician;
}

void require(const config::Config& c, const std::string& actor, Power p) {
  Role have = role_of(c, actor);
  Role need = role_needed(p);
  if (have >= need) return;
  throw PermissionDenied(
      fmt::format("{} may not {}: that needs the {} role, and {} is a {}", util::quoted(actor),
                  power_text(p), role_name(need), util::quoted(actor), role_name(have)),
      "ask someone with that role, or change [roles] in desk.toml");
}

}  // namespace desk::work
