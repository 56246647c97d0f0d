// Before SQLite touches a store file: whether desk may write it, how to read
// it when it may not, and whether it is a desk store at all. Each check is
// made without changing the file, so that a foreign database, an empty file
// or a read-only store is refused exactly as it was found.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/sqlite/open.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::sqlite {

namespace fs = std::filesystem;

namespace {

// By this process's effective ids, as the kernel will judge the open: root
// passes unless the file is immutable (chattr +i) or the file system is
// mounted read-only.
bool writable(const fs::path& p) {
  return faccessat(AT_FDCWD, p.c_str(), W_OK, AT_EACCESS) == 0;
}

bool present(const fs::path& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0;
}

fs::path directory_of(const fs::path& p) {
  return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

fs::path beside(const fs::path& p, const char* suffix) {
  return fs::path(p.string() + suffix);
}

// A file name as SQLite reads it in a URI (file:...?immutable=1).
std::string uri_path(const fs::path& p) {
  std::string out;
  for (char c : fs::absolute(p).string()) {
    if (c == '%' || c == '?' || c == '#')
      out += fmt::format("%{:02x}", static_cast<unsigned char>(c));
    else
      out += c;
  }
  return out;
}

}  // namespace

void require_writable(const fs::path& path) {
  std::string store = util::quoted(path.string());
  if (!writable(path))
    throw StoreError(fmt::format("cannot write to the store {}: it is read-only", store),
                     "check the permissions of the file and of its directory; reading it works");
  bool sidecars_missing = false;
  for (const char* suffix : {"-wal", "-shm"}) {
    fs::path side = beside(path, suffix);
    if (!present(side)) {
      sidecars_missing = true;
    } else if (!writable(side)) {
      throw StoreError(
          fmt::format("cannot write to the store {}: {} beside it is read-only", store,
                      util::quoted(side.string())),
          "give it the store's permissions (chmod u+w); desk shares it with every reader");
    }
  }
  // SQLite makes the -wal and -shm files beside the store on the first
  // write; where it cannot, it fails only after making what it could.
  fs::path dir = directory_of(path);
  if (sidecars_missing && !writable(dir))
    throw StoreError(fmt::format("cannot write to the store {}: its directory {} is read-only",
                                 store, util::quoted(dir.string())),
                     "desk keeps a write-ahead log beside the store; make the directory writable");
}

std::unique_ptr<SQLite::Database> open_database(const fs::path& path, Access access,
                                                std::chrono::milliseconds busy_timeout) {
  configure_sqlite();
  // Each connection is used by one thread: no mutexes (SQLite's multi-thread mode).
  int timeout = static_cast<int>(busy_timeout.count());
  if (access == Access::write)
    return std::make_unique<SQLite::Database>(
        path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX, timeout);
  // A reader makes the -wal and -shm files when they are missing, with the
  // store's mode, and leaves them: on a read-only store they keep it
  // read-only after a chmod, and in a read-only directory it cannot make
  // them at all. When no write-ahead log is there, every change is in the
  // file itself, and a writer would need the rights this reader lacks: read
  // the file as it is, without the log (SQLite's immutable mode).
  bool sealed = !writable(path) || !writable(directory_of(path));
  if (sealed && !present(beside(path, "-wal")))
    return std::make_unique<SQLite::Database>(
        "file:" + uri_path(path) + "?immutable=1",
        SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX, timeout);
  return std::make_unique<SQLite::Database>(path.string(),
                                            SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX, timeout);
}

Holds recognise(SQLite::Database& db, const fs::path& path) {
  std::string file = util::quoted(path.string());
  int version = db.execAndGet("PRAGMA user_version").getInt();
  int latest = current_schema_version();
  if (version > latest)
    throw StoreError(
        fmt::format("the store {} was written by a newer desk (schema {}, this desk knows {})",
                    file, version, latest),
        "upgrade desk; the store was not modified");
  int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  if (version == 0 && objects == 0) return Holds::nothing;
  int desk_tables = db.execAndGet(
                          "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                          "name IN ('tickets', 'events')")
                        .getInt();
  if (version == 0 || desk_tables != 2)
    throw StoreError(fmt::format("{} is a SQLite database but not a desk store", file),
                     "point --db or $DESK_DB at a desk store, or run 'desk init' elsewhere; "
                     "the file was not modified");
  return version < latest ? Holds::older_store : Holds::store;
}

void require_store_file(const fs::path& path) {
  std::string file = util::quoted(path.string());
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw StoreError(fmt::format("no store at {}", file),
                     "run 'desk init' to create one, or point --db or $DESK_DB at it");
  if (S_ISDIR(st.st_mode)) throw StoreError(fmt::format("the store {} is a directory", file));
  if (!S_ISREG(st.st_mode))
    throw StoreError(fmt::format("the store {} is not a regular file", file),
                     "point --db or $DESK_DB at a store file");
  if (st.st_size == 0) throw empty_store(path);
}

StoreError empty_store(const fs::path& path) {
  return StoreError(
      fmt::format("the store {} is empty", util::quoted(path.string())),
      "run 'desk init' to create a store in it, or point --db or $DESK_DB at a store");
}

}  // namespace desk::store::sqlite
