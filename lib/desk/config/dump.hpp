// The effective configuration written back as TOML (`desk config show`):
// every default filled in, in the same shape a file takes, so the output is
// itself a valid desk.toml.
#pragma once

#include <string>

#include "desk/config/model.hpp"

namespace desk::config {

std::string to_toml(const Config& c);

}  // namespace desk::config
