#include "desk/model/role.hpp"

namespace desk::model {

const std::vector<std::string>& role_names() {
  static const std::vector<std::string> names = {"technician", "lead", "manager", "admin"};
  return names;
}

std::string_view role_name(Role r) {
  return role_names()[static_cast<std::size_t>(r)];
}

}  // namespace desk::model
