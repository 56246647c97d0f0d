// A store's location: a file (SQLite) or a PostgreSQL connection URI. A URI
// is never a path: it is not made absolute nor looked for on disk.
#pragma once

#include <string>
#include <string_view>

namespace desk {

inline bool is_server_location(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

// The location without a password, for messages and desk.toml (desk never
// writes one down): postgresql://desk:secret@host/db is shown as
// postgresql://desk@host/db. A path is shown as it is.
std::string shown_location(std::string_view location);

}  // namespace desk
