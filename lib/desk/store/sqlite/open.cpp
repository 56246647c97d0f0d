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
  // Sorts and statement journals stay in memory: spilling them to a
  // temporary file cost more system time than the queries themselves.
  db.exec("PRAGMA temp_store = MEMORY");
  db.exec("PRAGMA cache_size = -65536");  // 64 MiB: a million-ticket report rereads little

  if (access == Access::write) {
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
    if (version == 0 && has_foreign_tables(db))
      throw StoreError(fmt::format("'{}' is a SQLite database but not a desk store", path.string()),
                       "point --db or $DESK_DB at a desk store, or run 'desk init' elsewhere");
    for (const auto& m : migrations()) {
      if (m.version <= version) continue;
      db.exec(m.sql);
      after_migration(m.version, db);
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

void check_version(SQLite::Database& db, const fs::path& path) {
  int version = user_version(db);
  if (version > latest_version())
    throw StoreError(
        fmt::format("the store '{}' was written by a newer desk (schema {}, this desk knows {})",
                    path.string(), version, latest_version()),
        "upgrade desk; the store was not modified");
}

[[noreturn]] void translate_open(const SQLite::Exception& e, const fs::path& path) {
  int code = e.getErrorCode() & 0xff;
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    throw StoreBusy(fmt::format("the store '{}' is busy", path.string()),
                    "another desk command is writing; try again");
  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    throw StoreError(fmt::format("the store '{}' is corrupt or not a desk store", path.string()),
                     "run 'desk doctor', or restore a backup with 'desk restore'");
  throw StoreError(fmt::format("cannot open the store '{}': {}", path.string(), e.getErrorStr()),
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
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw StoreError(fmt::format("no store at '{}'", path.string()),
                     "run 'desk init' to create one, or point --db or $DESK_DB at it");
  if (fs::is_directory(path, ec))
    throw StoreError(fmt::format("the store '{}' is a directory", path.string()));
  try {
    configure_sqlite();
    // Each connection is used by one thread: no mutexes (SQLite's multi-thread mode).
    int flags = (access == Access::write ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY) |
                SQLite::OPEN_NOMUTEX;
    auto db = std::make_unique<SQLite::Database>(path.string(), flags,
                                                 static_cast<int>(busy_timeout.count()));
    check_version(*db, path);
    if (user_version(*db) < latest_version()) {
      if (access == Access::read) {
        // Migrate through a writable connection, then read as asked.
        SQLite::Database rw(path.string(), SQLite::OPEN_READWRITE,
                            static_cast<int>(busy_timeout.count()));
        migrate(rw, path);
      } else {
        migrate(*db, path);
      }
    }
    set_pragmas(*db, access);
    register_functions(*db);
    return std::make_unique<SqliteStore>(path, std::move(db), busy_timeout);
  } catch (const SQLite::Exception& e) {
    translate_open(e, path);
  }
}

bool create(const fs::path& path) {
  std::error_code ec;
  if (fs::exists(path, ec)) return false;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  try {
    configure_sqlite();
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);

    migrate(db, path);
  } catch (const SQLite::Exception& e) {
    fs::remove(path, ec);
    translate_open(e, path);
  }
  return true;
}

SqliteStore::SqliteStore(fs::path path, std::unique_ptr<SQLite::Database> db,
                         std::chrono::milliseconds busy_timeout)
    : path_(std::move(path)), db_(std::move(db)), busy_timeout_(busy_timeout) {}

void SqliteStore::reset_statements() {
  for (auto& [sql, st] : statements_) st->reset();
}

SQLite::Statement& SqliteStore::statement(const char* sql) {
  auto& slot = statements_[sql];
  if (!slot) {
    slot = std::make_unique<SQLite::Statement>(*db_, sql);
  } else {
    slot->reset();
    slot->clearBindings();
  }
  return *slot;
}

void SqliteStore::translate(const SQLite::Exception& e) const {
  int code = e.getErrorCode() & 0xff;
  std::string where = path_.string();
  switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw StoreBusy(
          fmt::format("the store '{}' stayed busy for {} s", where, busy_timeout_.count() / 1000.0),
          "another desk command held it; try again, or raise [desk].busy_timeout");
    case SQLITE_READONLY:
      throw StoreError(fmt::format("cannot write to the store '{}': it is read-only", where),
                       "check the permissions of the file and of its directory");
    case SQLITE_FULL:
      throw StoreError(fmt::format("cannot write to the store '{}': the disk is full", where),
                       "nothing was changed; free some space and try again");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      throw StoreError(fmt::format("the store '{}' is corrupt", where),
                       "run 'desk doctor', or restore a backup with 'desk restore'");
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      throw StoreError(fmt::format("I/O error on the store '{}': {}", where, e.getErrorStr()));
    case SQLITE_CONSTRAINT:
      throw DataError(fmt::format("the store refused a change: {}", e.what()));
    default:
      throw StoreError(fmt::format("store error on '{}': {}", where, e.what()));
  }
}

void SqliteStore::begin_write() {
  guarded([&] { db_->exec("BEGIN IMMEDIATE"); });
}

void SqliteStore::commit() {
  guarded([&] { db_->exec("COMMIT"); });
}

void SqliteStore::rollback() noexcept {
  try {
    if (!sqlite3_get_autocommit(db_->getHandle())) db_->exec("ROLLBACK");
  } catch (...) {
    // The transaction is gone either way; a failed rollback leaves the
    // journal for SQLite to recover on the next open.
  }
}

namespace {

// desk_contains(haystack, needle): needle appears in haystack, ignoring case
// and accents.
void contains_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
  auto text = [](sqlite3_value* v) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v)))
             : std::string_view();
  };
  std::string hay = util::fold(text(argv[0]));
  std::string needle = util::fold(text(argv[1]));
  sqlite3_result_int(ctx, hay.find(needle) != std::string::npos ? 1 : 0);
}

}  // namespace

void register_functions(SQLite::Database& db) {
  sqlite3_create_function(db.getHandle(), "desk_contains", 2,
                          SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                          contains_function, nullptr, nullptr);
  register_erasure_functions(db);
}

}  // namespace desk::store::sqlite
