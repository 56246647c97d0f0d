// Reading desk.toml into a Config: toml++ → typed values, every error with
// file:line:column and what was expected (ConfigError, exit 78).
#pragma once

#include <filesystem>
#include <string_view>

#include "desk/config/model.hpp"

namespace desk::config {

// The starter's defaults alone; the store path is left for the caller.
Config defaults();
// `file` read over the defaults. Throws ConfigError.
Config load_file(const std::filesystem::path& file);
// `text` as if it were the file `name` (tests, `desk config check -`).
Config load_text(std::string_view text, const std::filesystem::path& name);

}  // namespace desk::config
