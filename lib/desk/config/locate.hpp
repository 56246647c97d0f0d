// Where the configuration and the store are, in DESIGN.md's lookup order.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "desk/config/model.hpp"

namespace desk::config {

// --config FILE, $DESK_CONFIG, ./desk.toml, $XDG_CONFIG_HOME/desk/desk.toml
// (~/.config/...), /etc/desk/desk.toml. A file named by the flag or the
// variable must exist (ConfigError); the others are skipped when missing.
std::optional<std::filesystem::path> locate(const std::optional<std::string>& flag);

// $XDG_DATA_HOME/desk/desk.db (~/.local/share/desk/desk.db): the store when
// no configuration file names one.
std::filesystem::path default_store();

// The store named over the configuration's: --db, else $DESK_DB.
std::optional<std::string> store_override(const std::optional<std::string>& db_flag);

// A store location as given (in desk.toml, --db or $DESK_DB) made whole: a
// file's path absolute, relative to `dir`; a PostgreSQL URI as it is.
std::filesystem::path store_location(const std::filesystem::path& given,
                                     const std::filesystem::path& dir);

// The configuration in force: the located file over the defaults, or the
// defaults alone; then --db or $DESK_DB, when given, override the store.
Config resolve(const std::optional<std::string>& config_flag,
               const std::optional<std::string>& db_flag);

}  // namespace desk::config
