// Roles: who may change policy-level things. desk.toml's [roles] maps people
// to technician, lead, manager or admin, each role including the ones before
// it; without a [roles] section everyone is an admin.
//
// This keeps honest people inside their remit; it is not security. Anyone
// with write access to the store file can change it with any SQLite tool,
// whatever their role: the audit chain (`desk audit verify`) is what reveals
// such a change afterwards.
#pragma once

#include <string>
#include <vector>

#include "desk/config/model.hpp"
#include "desk/model/role.hpp"

namespace desk::work {

using model::Role;

// What needs more than a technician, and the role each needs.
enum class Power {
  reopen_others,     // lead: reopening (discarding) another technician's resolution
  merge_customers,   // lead
  change_catalogue,  // manager: catalog add, edit, retire, import
  forget,            // admin: erasing a customer's personal data
  purge,             // admin: applying retention
};

Role role_needed(Power p);
std::string_view power_text(Power p);  // "change the service catalogue"
Role role_of(const config::Config& c, const std::string& actor);

// PermissionDenied (exit 77) unless the actor's role allows `p`.
void require(const config::Config& c, const std::string& actor, Power p);

}  // namespace desk::work
