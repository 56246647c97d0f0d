// PgStore: the PostgreSQL implementation of Store, over the SQL written once
// in store/sql/. Internal to store/postgres/; the rest of desk sees only
// store.hpp, through store/open/.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "desk/store/kb_store.hpp"
#include "desk/store/postgres/connection.hpp"
#include "desk/store/postgres/sql_connection.hpp"
#include "desk/store/sql/sql_store.hpp"

namespace desk::store::postgres {

class PgStore final : public sql::SqlStore {
 public:
  // `location` is what the user gave (the URI), for messages.
  PgStore(std::string location, std::unique_ptr<Connection> db,
          std::chrono::milliseconds busy_timeout);

  void begin_write() override;
  void commit() override;
  void rollback() noexcept override;
  void begin_snapshot() override;
  void end_snapshot() noexcept override;

  void defer_references() override;
  void remove_every_row() override;
  void after_copy() override;
  std::vector<Problem> check_integrity(bool quick) override;
  std::vector<Problem> check_references() override;

  KbStore& kb() override;
  AuditStore& audit() override;

  const std::filesystem::path& path() const override { return location_; }

 private:
  [[noreturn]] void translate_current() const override;

  Connection& db_;  // the SqlConnection's
  std::filesystem::path location_;
  std::chrono::milliseconds busy_timeout_;
  bool snapshot_is_transaction_ = false;
  std::unique_ptr<AuditStore> audit_;
  std::unique_ptr<KbStore> kb_;
};

// The transaction-scoped advisory lock every write takes, as SQLite's BEGIN
// IMMEDIATE does: one writer at a time, so ids, events and the audit chain
// stay one linear history. Its key spells "desk".
inline constexpr std::int64_t kWriteLock = 0x6465736b;

// Takes the write lock in an open transaction, waiting at most `timeout`.
void lock_for_writing(Connection& db, std::chrono::milliseconds timeout);

}  // namespace desk::store::postgres
