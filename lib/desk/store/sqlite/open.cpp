// Opening and creating stores: pragmas, schema versions, migrations and the
// translation of SQLite's errors into desk's. The pragmas are set here and
// nowhere else.
#include "desk/store/sqlite/open.hpp"

#include <cstdlib>
#include <sqlite3.h>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/sqlite/migrations.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::sqlite {

namespace fs = std::filesystem;

namespace {

int latest_version() {
  const auto& all = migrations();
  return all.empty() ? 0 : all.back().version;
}

// For developers' tests only, never documented for users:
// DESK_TEST_MAX_PAGE_COUNT=N caps a write connection's file at N pages (or
// at its current size, when that is larger), so that a test can make the
// disk "full" even as root, whom file modes do not stop. See
// tests/e2e/test_safety.cpp.
void test_page_limit(SQLite::Database& db) {
  const char* v = std::getenv("DESK_TEST_MAX_PAGE_COUNT");
  if (v == nullptr || *v == '\0') return;
  if (auto pages = util::parse_int(v)) db.exec(fmt::format("PRAGMA max_page_count = {}", *pages));
}

// Durable commits (FULL: a ticket acknowledged is on disk), concurrent readers
// beside one writer (WAL), enforced references.
void set_pragmas(SQLite::Database& db, Access access) {
  db.exec("PRAGMA foreign_keys = ON");
  // 4 MiB of page cache. Lists, exports and reports read each page about
  // once, so a bigger cache only holds more memory: with 64 MiB, listing
  // 100k tickets held 85 MB, with 8 MiB 34 MB, with 4 MiB 25 MB, at the
  // same speed, as were reports, export and show (issue 18). A reader's
  // sort keeps as much in memory before it spills to a file.
  db.exec("PRAGMA cache_size = -4096");

  if (access == Access::write) {
    // A writer's statement journals and sorts stay in memory: spilling them
    // to a temporary file cost more system time than the queries
    // themselves. A reader's sort of more than the page cache holds goes
    // to a temporary file, SQLite's default, so that listing 300,000 open
    // tickets in priority order does not hold them all in memory (issue 18).
    db.exec("PRAGMA temp_store = MEMORY");
    db.exec("PRAGMA synchronous = FULL");
    test_page_limit(db);
  }
}

}  // namespace

// A bulk import's page cache: 32 MiB. More is slower: importing 100,000
// tickets took 7.3 s with 256 MiB, 5.2 s with 32 MiB and 5.0 s with 8 MiB
// (bench/README.md), as SQLite writes pages out while the other thread
// parses, instead of all at the commit.
void set_bulk_pragmas(SQLite::Database& db) {
  db.exec("PRAGMA defer_foreign_keys = ON");  // until the transaction ends
  db.exec("PRAGMA cache_size = -32768");      // KiB
}

namespace {

int user_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

bool has_foreign_tables(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")
             .getInt() > 0;
}

// Runs every pending migration in one transaction. Another process may have
// migrated while we waited for the lock, so the version is read again inside.
void migrate(SQLite::Database& db, const fs::path& path) {
  if (user_version(db) == 0) {
    // 16 KiB pages, for a new file only (SQLite keeps an existing file's).
    // On the 1M-ticket bench store an export took 4.9 s instead of 5.6 s
    // and the 90-day reports 15% less time, for 0.6 ms more per single
    // write (5.0 ms against 4.4 ms a note; bench/README.md).
    db.exec("PRAGMA page_size = 16384");
    db.exec("PRAGMA journal_mode = WAL");
  }
  db.exec("BEGIN IMMEDIATE");
  try {
    int version = user_version(db);
    // Another process may have written the file since it was recognised.
    if (version == 0 && has_foreign_tables(db))
      throw StoreError(
          fmt::format("{} is a SQLite database but not a desk store", util::quoted(path.string())),
          "point --db or $DESK_DB at a desk store, or run 'desk init' elsewhere");
    SqlConnection sql(db.getHandle());
    for (const auto& m : migrations()) {
      if (m.version <= version) continue;
      db.exec(m.sql);
      after_migration(m.version, sql);
      db.exec(fmt::format("PRAGMA user_version = {}", m.version));
    }
    db.exec("COMMIT");
  } catch (...) {
    db.exec("ROLLBACK");
    throw;
  }
  // A migration can write hundreds of megabytes (0005 on a big store): fold
  // them into the database now, or every read-only command after this one
  // searches the write-ahead log for each page it reads, and each one that
  // opens the store first reads the whole log. Waits for readers elsewhere
  // up to the busy timeout; what is left is checkpointed by later writers.
  try {
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  } catch (const SQLite::Exception&) {
  }
}

[[noreturn]] void translate_open(const SQLite::Exception& e, const fs::path& path) {
  int code = e.getErrorCode() & 0xff;
  std::string file = util::quoted(path.string());
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    throw StoreBusy(fmt::format("the store {} is busy", file),
                    "another desk command is writing; try again");
  // Not even its first page reads: 'desk doctor' could not open it either.
  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    throw StoreCorrupt(fmt::format("the store {} is corrupt or not a desk store", file),
                       "point --db or $DESK_DB at a desk store, or restore a backup with "
                       "'desk restore FILE'");
  throw StoreError(fmt::format("cannot open the store {}: {}", file, e.getErrorStr()),
                   "check the path and its permissions");
}

}  // namespace

int current_schema_version() {
  return latest_version();
}

void configure_sqlite() {
  // Before SQLite initialises: no memory statistics, which take a lock on
  // every allocation and which desk never reads.
  static const bool done = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)done;
}

std::unique_ptr<Store> open(const fs::path& path, Access access,
                            std::chrono::milliseconds busy_timeout) {
  require_store_file(path);
  if (access == Access::write) require_writable(path);
  try {
    // First a connection that cannot change the file: what is not a desk
    // store is refused as it was found.
    auto db = open_database(path, Access::read, busy_timeout);
    Holds holds = recognise(*db, path);
    if (holds == Holds::nothing) throw empty_store(path);
    if (holds == Holds::older_store) {
      if (access == Access::read) require_writable(path);
      SQLite::Database rw(path.string(), SQLite::OPEN_READWRITE);
      wait_when_busy(rw, busy_timeout);
      migrate(rw, path);
    }
    if (access == Access::write) db = open_database(path, Access::write, busy_timeout);
    set_pragmas(*db, access);
    register_erasure_functions(*db);
    return std::make_unique<SqliteStore>(path, std::move(db), busy_timeout);
  } catch (const SQLite::Exception& e) {
    translate_open(e, path);
  }
}

namespace {

// Whether `path` is free for a new store: missing, an empty file, or a
// SQLite database with nothing in it (made with its own page size, say).
bool free_for_store(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return true;
  if (!fs::is_regular_file(path, ec)) return false;
  if (fs::file_size(path, ec) == 0) return true;
  try {
    auto db = open_database(path, Access::read, std::chrono::milliseconds(0));
    return recognise(*db, path) == Holds::nothing;
  } catch (const SQLite::Exception&) {
    return false;
  } catch (const StoreError&) {
    return false;
  }
}

}  // namespace

bool create(const fs::path& path) {
  if (!free_for_store(path)) return false;
  std::error_code ec;
  bool existed = fs::exists(path, ec);
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  try {
    configure_sqlite();
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);

    migrate(db, path);
  } catch (const SQLite::Exception& e) {
    if (!existed) fs::remove(path, ec);
    translate_open(e, path);
  }
  return true;
}

std::unique_ptr<SqliteStore> open_in_memory() {
  try {
    configure_sqlite();
    auto db = std::make_unique<SQLite::Database>(":memory:",
                                                 SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(*db, ":memory:");
    db->exec("PRAGMA temp_store = MEMORY");
    return std::make_unique<SqliteStore>(":memory:", std::move(db), std::chrono::milliseconds(0));
  } catch (const SQLite::Exception& e) {
    translate_open(e, ":memory:");
  }
}

SqliteStore::SqliteStore(fs::path path, std::unique_ptr<SQLite::Database> db,
                         std::chrono::milliseconds busy_timeout)
    : SqlStore(std::make_unique<SqlConnection>(std::move(db))),
      path_(std::move(path)),
      db_(static_cast<SqlConnection&>(sql()).database()),
      busy_timeout_(busy_timeout) {}

void SqliteStore::translate_current() const {
  try {
    throw;
  } catch (const SQLite::Exception& e) {
    translate(e);
  }
}

void SqliteStore::translate(const SQLite::Exception& e) const {
  int code = e.getErrorCode() & 0xff;
  std::string where = util::quoted(path_.string());
  switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw StoreBusy(
          fmt::format("the store {} stayed busy for {} s", where, busy_timeout_.count() / 1000.0),
          "another desk command held it; try again, or raise [desk].busy_timeout");
    case SQLITE_READONLY:
      throw StoreError(fmt::format("cannot write to the store {}: it is read-only", where),
                       "check the permissions of the file and of its directory");
    case SQLITE_FULL:
      throw StoreError(fmt::format("cannot write to the store {}: the disk is full", where),
                       "nothing was changed; free some space and try again");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      throw StoreCorrupt(fmt::format("the store {} is corrupt", where),
                         "run 'desk doctor' to see what is damaged, or restore a backup with "
                         "'desk restore FILE'");
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      throw StoreError(fmt::format("I/O error on the store {}: {}", where, e.getErrorStr()));
    case SQLITE_CONSTRAINT:
      throw DataError(fmt::format("the store refused a change: {}", e.what()));
    default:
      throw StoreError(fmt::format("store error on {}: {}", where, e.what()));
  }
}

void SqliteStore::begin_write() {
  guarded([&] { db_.exec("BEGIN IMMEDIATE"); });
}

void SqliteStore::commit() {
  guarded([&] { db_.exec("COMMIT"); });
}

// A read transaction (WAL keeps its snapshot while others write). Inside a
// write transaction it is a savepoint and changes nothing.
void SqliteStore::begin_snapshot() {
  guarded([&] { db_.exec("SAVEPOINT desk_snapshot"); });
}

void SqliteStore::end_snapshot() noexcept {
  try {
    db_.exec("RELEASE desk_snapshot");
  } catch (...) {
    // Only reads happened; nothing to lose.
  }
}

void SqliteStore::rollback() noexcept {
  try {
    if (!sqlite3_get_autocommit(db_.getHandle())) db_.exec("ROLLBACK");
  } catch (...) {
    // The transaction is gone either way; a failed rollback leaves the
    // journal for SQLite to recover on the next open.
  }
}

}  // namespace desk::store::sqlite
