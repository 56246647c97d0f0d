#include "desk/store/open/open.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/core/location.hpp"
#include "desk/store/postgres/open.hpp"
#include "desk/store/sql/copy.hpp"
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

namespace fs = std::filesystem;

sql::SqlStore& as_sql(Store& s) {
  return dynamic_cast<sql::SqlStore&>(s);
}

std::string shown(const fs::path& location) {
  return util::quoted(shown_location(location.native()));
}

// A file desk makes for a moment and removes, whatever happens.
class ScratchFile {
 public:
  explicit ScratchFile(std::string_view what)
      : path_(fs::temp_directory_path() /
              fmt::format("desk-{}-{}-{}.db", what, ::getpid(), ++count_)) {}
  ~ScratchFile() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      fs::remove(path_.string() + suffix, ec);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const fs::path& path() const { return path_; }

 private:
  static inline int count_ = 0;
  fs::path path_;
};

// The rows copied into a PostgreSQL store, in its write transaction (taken
// here), after keeping what it held in the file `keep` when it held any.
// The transaction commits only when every row is in.
sql::CopiedRows copy_into_server(sql::SqlStore& from, sql::SqlStore& to, const fs::path* keep,
                                 bool* kept) {
  WriteTransaction tx(to);
  if (sql::holds_rows(to)) {
    if (!keep)
      throw Refused("the database already holds a desk store with tickets or other records",
                    "copy into a new database, or into one where 'desk init' made an "
                    "empty store; 'desk restore FILE' replaces a store's contents");
    sqlite::write_copy(to, *keep);
    *kept = true;
  }
  sql::CopiedRows rows = sql::copy_rows(from, to);
  tx.commit();
  return rows;
}

}  // namespace

FileInfo backup(const fs::path& store, const fs::path& to, std::chrono::milliseconds busy_timeout) {
  if (!is_server_location(store.native())) return sqlite::backup(store, to, busy_timeout);
  auto from = open(store, Access::read, busy_timeout);
  return sqlite::write_copy(as_sql(*from), to);
}

FileInfo inspect(const fs::path& file) {
  return sqlite::inspect(file);
}

Restored restore(const fs::path& store, const fs::path& from, const fs::path& keep,
                 std::chrono::milliseconds busy_timeout) {
  if (!is_server_location(store.native())) {
    std::error_code ec;
    bool held = fs::exists(store, ec) && fs::file_size(store, ec) > 0;
    return {sqlite::restore(store, from, keep, busy_timeout), held};
  }
  Restored out;
  out.info = inspect(from);
  ScratchFile migrated("restore");
  auto source = sqlite::open_current(from, migrated.path(), busy_timeout);
  auto target = open(store, Access::write, busy_timeout);
  copy_into_server(as_sql(*source), as_sql(*target), &keep, &out.kept);
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> copy(const fs::path& from, const fs::path& to,
                                                       std::chrono::milliseconds busy_timeout) {
  if (from == to)
    throw UsageError(fmt::format("{} is the store to copy", shown(to)),
                     "give the copy another place");
  auto source = open(from, Access::read, busy_timeout);
  sql::CopiedRows rows;
  if (!is_server_location(to.native())) {
    std::error_code ec;
    if (fs::exists(to, ec) && !(fs::is_regular_file(to, ec) && fs::file_size(to, ec) == 0))
      throw Refused(fmt::format("{} already exists", shown(to)),
                    "desk store copy makes a new store: give a new file name");
    sqlite::write_copy(as_sql(*source), to, &rows);
    return rows;
  }
  create(to);
  auto target = open(to, Access::write, busy_timeout);
  return copy_into_server(as_sql(*source), as_sql(*target), nullptr, nullptr);
}

}  // namespace desk::store
