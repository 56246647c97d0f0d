// The roles desk.toml's [roles] gives people: technician, lead, manager or
// admin, each including the ones before it. What each role may do is
// work/roles.hpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace desk::model {

enum class Role { technician = 0, lead = 1, manager = 2, admin = 3 };

const std::vector<std::string>& role_names();  // lowest first
std::string_view role_name(Role r);

}  // namespace desk::model
