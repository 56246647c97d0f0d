#include "desk/store/open/open.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/core/location.hpp"
#include "desk/store/postgres/open.hpp"
#include "desk/store/sqlite/backup.hpp"
#include "desk/store/sqlite/open.hpp"
#include "desk/util/strings.hpp"

namespace desk::store {

std::unique_ptr<Store> open(const std::filesystem::path& location, Access access,
                            std::chrono::milliseconds busy_timeout) {
  if (is_server_location(location.native()))
    return postgres::open(location.native(), access, busy_timeout);
  return sqlite::open(location, access, busy_timeout);
}

bool create(const std::filesystem::path& location) {
  if (is_server_location(location.native())) return postgres::create(location.native());
  return sqlite::create(location);
}

namespace {

// backup and restore copy SQLite files; a server's store is not one yet.
void require_file_store(const std::filesystem::path& store, const char* what) {
  if (is_server_location(store.native()))
    throw StoreError(fmt::format("desk {} of a PostgreSQL store is not available yet ({})", what,
                                 util::quoted(shown_location(store.native()))),
                     "use pg_dump and pg_restore meanwhile");
}

}  // namespace

FileInfo backup(const std::filesystem::path& store, const std::filesystem::path& to,
                std::chrono::milliseconds busy_timeout) {
  require_file_store(store, "backup");
  return sqlite::backup(store, to, busy_timeout);
}

FileInfo inspect(const std::filesystem::path& file) {
  return sqlite::inspect(file);
}

FileInfo restore(const std::filesystem::path& store, const std::filesystem::path& from,
                 const std::filesystem::path& keep, std::chrono::milliseconds busy_timeout) {
  require_file_store(store, "restore");
  return sqlite::restore(store, from, keep, busy_timeout);
}

}  // namespace desk::store
