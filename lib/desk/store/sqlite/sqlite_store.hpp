// SqliteStore: the SQLite implementation of Store, over the SQL written once
// in store/sql/. Internal to store/sqlite/;
// the rest of desk sees only store.hpp, through store/open/.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "desk/audit/chain.hpp"
#include "desk/core/error.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/kb_store.hpp"
#include "desk/store/mail_store.hpp"
#include "desk/store/sql/sql_store.hpp"
#include "desk/store/sql/statement.hpp"
#include "desk/store/sqlite/sql_connection.hpp"
#include "desk/store/store.hpp"

namespace desk::store::sqlite {

class SqliteStore final : public sql::SqlStore {
 public:
  SqliteStore(std::filesystem::path path, std::unique_ptr<SQLite::Database> db,
              std::chrono::milliseconds busy_timeout);

  void begin_write() override;
  void commit() override;
  void rollback() noexcept override;
  void begin_snapshot() override;
  void end_snapshot() noexcept override;

  void defer_references() override;
  std::vector<Problem> check_integrity(bool quick) override;
  std::vector<Problem> check_references() override;

  KbStore& kb() override;        // kb_sql.cpp
  AuditStore& audit() override;  // audit_sql.cpp

  const std::filesystem::path& path() const override { return path_; }
  SQLite::Database& db() { return db_; }

 private:
  [[noreturn]] void translate_current() const override;
  [[noreturn]] void translate(const SQLite::Exception& e) const;

  std::filesystem::path path_;
  SQLite::Database& db_;  // the connection's
  std::chrono::milliseconds busy_timeout_;
  std::unique_ptr<KbStore> kb_;
  std::unique_ptr<AuditStore> audit_;
};

// A store of desk's schema in memory, with references not enforced: what
// kb_mirror.hpp fills with a part of another store.
std::unique_ptr<SqliteStore> open_in_memory();

// Process-wide SQLite settings, applied once before the first connection.
void configure_sqlite();
// Makes `db` wait up to `timeout` for another connection's lock, polling
// every few milliseconds (SQLite's own wait sleeps up to 100 ms between
// tries, and a waiter that sleeps that long loses the lock to newcomers).
void wait_when_busy(SQLite::Database& db, std::chrono::milliseconds timeout);

// What desk checks before SQLite touches a store file, so that what it
// refuses it leaves exactly as it found it (open_file.cpp).
// StoreError unless `path` is a regular file that is not empty.
void require_store_file(const std::filesystem::path& path);
StoreError empty_store(const std::filesystem::path& path);
// StoreError naming what is read-only (the file, its -wal or -shm, or its
// directory when they are to be made) unless this process may write the
// store: SQLite would fail only after making files with modes of its choice.
void require_writable(const std::filesystem::path& path);
// A connection to a store file. A reader that could not write the file or
// its directory, where no write-ahead log is, reads the file as immutable
// (makes no -wal or -shm beside it).
std::unique_ptr<SQLite::Database> open_database(const std::filesystem::path& path, Access access,
                                                std::chrono::milliseconds busy_timeout);
// What an open file holds, read without changing it; StoreError for a
// foreign database or one from a newer desk.
enum class Holds { nothing, older_store, store };
Holds recognise(SQLite::Database& db, const std::filesystem::path& path);

// Work a migration needs beyond its SQL (migrate_steps.cpp), run inside the
// migration's transaction right after the SQL of `version`.
void after_migration(int version, sql::Connection& db);

// For a bulk import in this connection's transaction (open.cpp, where
// pragmas live): references checked at commit, and a page cache large
// enough that a big transaction does not spill to the WAL page by page.
void set_bulk_pragmas(SQLite::Database& db);

// Registers desk's SQL functions on a connection: desk_scrub and
// desk_mentions, erasure's matching in SQL (audit_sql.cpp).
void register_erasure_functions(SQLite::Database& db);

}  // namespace desk::store::sqlite
