#include "desk/config/locate.hpp"

#include <cstdlib>

#include <fmt/format.h>

#include "desk/config/load.hpp"
#include "desk/core/error.hpp"
#include "desk/core/location.hpp"
#include "desk/util/strings.hpp"

namespace desk::config {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return std::nullopt;
  return std::string(v);
}

fs::path home() {
  return fs::path(env("HOME").value_or("."));
}

}  // namespace

std::optional<fs::path> locate(const std::optional<std::string>& flag) {
  auto named = flag ? flag : env("DESK_CONFIG");
  if (named) {
    std::error_code ec;
    if (!fs::is_regular_file(*named, ec))
      throw ConfigError(fmt::format("no configuration file {}", util::quoted(*named)),
                        "check the path given to --config or $DESK_CONFIG, or run 'desk init'");
    return fs::path(*named);
  }
  fs::path xdg = env("XDG_CONFIG_HOME") ? fs::path(*env("XDG_CONFIG_HOME")) : home() / ".config";
  for (const fs::path& candidate :
       {fs::path("desk.toml"), xdg / "desk" / "desk.toml", fs::path("/etc/desk/desk.toml")}) {
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

fs::path default_store() {
  fs::path data =
      env("XDG_DATA_HOME") ? fs::path(*env("XDG_DATA_HOME")) : home() / ".local" / "share";
  return data / "desk" / "desk.db";
}

std::optional<std::string> store_override(const std::optional<std::string>& db_flag) {
  return db_flag ? db_flag : env("DESK_DB");
}

fs::path store_location(const fs::path& given, const fs::path& dir) {
  if (is_server_location(given.native())) return given;
  return given.is_absolute() ? given.lexically_normal()
                             : fs::absolute(dir / given).lexically_normal();
}

Config resolve(const std::optional<std::string>& config_flag,
               const std::optional<std::string>& db_flag) {
  Config c;
  if (auto file = locate(config_flag)) {
    c = load_file(*file);
  } else {
    c = defaults();
    c.store = default_store();
  }
  if (auto db = store_override(db_flag)) c.store = store_location(*db, fs::current_path());
  return c;
}

}  // namespace desk::config
