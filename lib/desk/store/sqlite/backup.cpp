#include "desk/store/sqlite/backup.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/sqlite/open.hpp"
#include "desk/store/store.hpp"

namespace desk::store::sqlite {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

// A temporary file beside `target`, removed unless kept.
class TempFile {
 public:
  explicit TempFile(const fs::path& target) {
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    path_ = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    int fd = mkstemp(path_.data());
    if (fd < 0)
      throw StoreError(fmt::format("cannot write '{}': {}", target.string(), std::strerror(errno)));
    close(fd);
  }
  ~TempFile() {
    if (keep_) return;
    std::error_code ec;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path_ + suffix, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

  // fsync, rename over `target`, fsync the directory.
  void commit(const fs::path& target) {
    sync_file(path_, target);
    if (std::rename(path_.c_str(), target.c_str()) != 0)
      throw StoreError(fmt::format("cannot write '{}': {}", target.string(), std::strerror(errno)));
    keep_ = true;
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
      fsync(fd);
      close(fd);
    }
  }

 private:
  static void sync_file(const std::string& path, const fs::path& target) {
    int fd = ::open(path.c_str(), O_RDWR);
    bool ok = fd >= 0 && fchmod(fd, 0644) == 0 && fsync(fd) == 0;
    int err = errno;
    if (fd >= 0) close(fd);
    if (!ok)
      throw StoreError(fmt::format("cannot write '{}': {}", target.string(), std::strerror(err)));
  }

  std::string path_;
  bool keep_ = false;
};

[[noreturn]] void fail(int code, const fs::path& path, const std::string& doing,
                       const std::string& detail) {
  int primary = code & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    throw StoreBusy(fmt::format("the store '{}' stayed busy while {}", path.string(), doing),
                    "another desk command held it; try again");
  if (primary == SQLITE_FULL)
    throw StoreError(fmt::format("cannot finish {}: the disk is full", doing),
                     "free some space and try again; nothing was replaced");
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
    throw StoreError(fmt::format("'{}' is corrupt or not a SQLite database", path.string()));
  throw StoreError(fmt::format("{} failed on '{}': {}", doing, path.string(), detail));
}

// Copies every page of `from` into `to` in one step, waiting for locks up
// to `timeout`.
void copy_pages(SQLite::Database& from, SQLite::Database& to, const fs::path& from_path,
                const fs::path& to_path, const std::string& doing,
                std::chrono::milliseconds timeout) {
  sqlite3_backup* b = sqlite3_backup_init(to.getHandle(), "main", from.getHandle(), "main");
  if (b == nullptr)
    fail(sqlite3_extended_errcode(to.getHandle()), to_path, doing, sqlite3_errmsg(to.getHandle()));
  auto deadline = Clock::now() + timeout;
  int rc = SQLITE_OK;
  while (true) {
    rc = sqlite3_backup_step(b, -1);
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    break;
  }
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) {
    // Say which side failed: a corrupt source, or a destination we cannot write.
    int src = sqlite3_extended_errcode(from.getHandle()) & 0xff;
    bool source = src == SQLITE_CORRUPT || src == SQLITE_NOTADB;
    fail(rc, source ? from_path : to_path, doing,
         sqlite3_errmsg(source ? from.getHandle() : to.getHandle()));
  }
}

FileInfo info_of(SQLite::Database& db) {
  FileInfo info;
  info.schema = db.execAndGet("PRAGMA user_version").getInt();
  info.tickets = db.execAndGet("SELECT count(*) FROM tickets").getInt64();
  return info;
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

}  // namespace

FileInfo backup(const fs::path& store, const fs::path& to, std::chrono::milliseconds busy_timeout) {
  std::error_code ec;
  if (!fs::exists(store, ec))
    throw StoreError(fmt::format("no store at '{}'", store.string()),
                     "run 'desk init' to create one, or point --db or $DESK_DB at it");
  if (same_file(store, to))
    throw UsageError(fmt::format("'{}' is the store itself", to.string()),
                     "give the backup another file name");
  if (fs::is_directory(to, ec))
    throw UsageError(fmt::format("'{}' is a directory", to.string()),
                     "give the backup's file name, such as desk-$(date +%F).db");
  TempFile temp(to);
  FileInfo info;
  try {
    SQLite::Database src(store.string(), SQLite::OPEN_READONLY,
                         static_cast<int>(busy_timeout.count()));
    {
      SQLite::Database dest(temp.path(), SQLite::OPEN_READWRITE);
      copy_pages(src, dest, store, to, "making the backup", busy_timeout);
      // A self-contained file: no -wal beside it to copy along.
      dest.exec("PRAGMA journal_mode = DELETE");
      info = info_of(dest);
    }
  } catch (const SQLite::Exception& e) {
    fail(e.getExtendedErrorCode(), store, "making the backup", e.getErrorStr());
  }
  temp.commit(to);
  return info;
}

FileInfo inspect(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) throw StoreError(fmt::format("no file '{}'", file.string()));
  if (!fs::is_regular_file(file, ec))
    throw StoreError(fmt::format("'{}' is not a regular file", file.string()));
  try {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    std::string first;
    SQLite::Statement check(db, "PRAGMA integrity_check(1)");
    if (check.executeStep()) first = check.getColumn(0).getString();
    std::replace(first.begin(), first.end(), '\n', ' ');
    if (first != "ok")
      throw StoreError(fmt::format("'{}' is corrupt: {}", file.string(), first),
                       "nothing was changed; try an older backup");
    int version = db.execAndGet("PRAGMA user_version").getInt();
    bool has_tables =
        db.execAndGet(
              "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('tickets', "
              "'events')")
            .getInt() == 2;
    if (version == 0 || !has_tables)
      throw StoreError(fmt::format("'{}' is not a desk store", file.string()),
                       "nothing was changed; give a file made by 'desk backup'");
    if (version > current_schema_version())
      throw StoreError(
          fmt::format("'{}' was written by a newer desk (schema {}, this desk knows {})",
                      file.string(), version, current_schema_version()),
          "nothing was changed; upgrade desk first");
    SQLite::Statement refs(db, "PRAGMA foreign_key_check");
    if (refs.executeStep())
      throw StoreError(
          fmt::format("'{}' is inconsistent: a row of '{}' refers to a missing row of '{}'",
                      file.string(), refs.getColumn(0).getString(), refs.getColumn(2).getString()),
          "nothing was changed; try an older backup");
    return info_of(db);
  } catch (const SQLite::Exception& e) {
    int code = e.getErrorCode() & 0xff;
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
      throw StoreError(fmt::format("'{}' is corrupt or not a SQLite database", file.string()),
                       "nothing was changed; give a file made by 'desk backup'");
    throw StoreError(fmt::format("cannot read '{}': {}", file.string(), e.getErrorStr()));
  }
}

FileInfo restore(const fs::path& store, const fs::path& from, const fs::path& keep,
                 std::chrono::milliseconds busy_timeout) {
  if (same_file(store, from))
    throw UsageError(fmt::format("'{}' is the store itself", from.string()),
                     "give a backup made by 'desk backup'");
  FileInfo info = inspect(from);
  std::error_code ec;
  bool exists = fs::exists(store, ec);
  bool damaged = false;
  if (exists) {
    try {
      backup(store, keep, busy_timeout);
    } catch (const StoreError&) {
      // Too damaged to copy page by page: keep its bytes as they are.
      damaged = true;
      fs::copy_file(store, keep, fs::copy_options::overwrite_existing, ec);
      if (ec)
        throw StoreError(
            fmt::format("cannot keep the current store as '{}': {}", keep.string(), ec.message()),
            "nothing was changed");
    }
  }
  if (!exists && store.has_parent_path()) fs::create_directories(store.parent_path(), ec);
  try {
    SQLite::Database src(from.string(), SQLite::OPEN_READONLY);
    if (!damaged) {
      try {
        SQLite::Database dest(store.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                              static_cast<int>(busy_timeout.count()));
        copy_pages(src, dest, from, store, "restoring", busy_timeout);
        if (!exists) dest.exec("PRAGMA journal_mode = WAL");
        return info;
      } catch (const StoreError& e) {
        if (std::string(e.what()).find("corrupt") == std::string::npos) throw;
        damaged = true;
      }
    }
    // The damaged store cannot take a transaction: put a whole copy in its place.
    TempFile temp(store);
    {
      SQLite::Database dest(temp.path(), SQLite::OPEN_READWRITE);
      copy_pages(src, dest, from, store, "restoring", busy_timeout);
      dest.exec("PRAGMA journal_mode = WAL");
    }
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(store.string() + suffix, ec);
    temp.commit(store);
    return info;
  } catch (const SQLite::Exception& e) {
    fail(e.getExtendedErrorCode(), store, "restoring", e.getErrorStr());
  }
}

}  // namespace desk::store::sqlite
