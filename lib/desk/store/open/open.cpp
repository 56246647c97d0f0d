#include "desk/store/open/open.hpp"

#include "desk/store/sqlite/backup.hpp"
#include "desk/store/sqlite/open.hpp"

namespace desk::store {

std::unique_ptr<Store> open(const std::filesystem::path& location, Access access,
                            std::chrono::milliseconds busy_timeout) {
  return sqlite::open(location, access, busy_timeout);
}

bool create(const std::filesystem::path& location) {
  return sqlite::create(location);
}

FileInfo backup(const std::filesystem::path& store, const std::filesystem::path& to,
                std::chrono::milliseconds busy_timeout) {
  return sqlite::backup(store, to, busy_timeout);
}

FileInfo inspect(const std::filesystem::path& file) {
  return sqlite::inspect(file);
}

FileInfo restore(const std::filesystem::path& store, const std::filesystem::path& from,
                 const std::filesystem::path& keep, std::chrono::milliseconds busy_timeout) {
  return sqlite::restore(store, from, keep, busy_timeout);
}

}  // namespace desk::store
