// The store's statements (store/sql/statement.hpp) on SQLite's own C API.
// Errors throw SQLite::Exception, as SQLiteCpp's do, for SqliteStore::guarded
// to turn into desk's.
#pragma once

#include <memory>
#include <sqlite3.h>

#include <SQLiteCpp/Database.h>

#include "desk/store/sql/statement.hpp"

namespace desk::store::sqlite {

class SqlStatement final : public sql::EngineStatement {
 public:
  SqlStatement(sqlite3* db, std::string_view sql);

  void bind_null(int i) override;
  void bind_integer(int i, std::int64_t v) override;
  void bind_text(int i, std::string_view v) override;
  void bind_blob(int i, std::string_view bytes) override;
  void bind_real(int i, double v) override;

  bool step() override;
  std::int64_t run() override;
  void reset() override;
  void clear() override;

  bool null(int c) const override;
  std::int64_t integer(int c) const override;
  double real(int c) const override;
  std::string_view view(int c) const override;
  int columns() const override;
  std::string column_name(int c) const override;
  sql::Type type(int c) const override;

 private:
  void check(int rc) const;
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> st_;
  // After its last row, until reset: SQLite would run it again.
  bool done_ = false;
};

// A SQLite connection as a sql::Connection: the store's own, or one that
// its opener holds for a moment (migrations, backup).
class SqlConnection final : public sql::Connection {
 public:
  explicit SqlConnection(std::unique_ptr<SQLite::Database> owned);
  explicit SqlConnection(sqlite3* db) : db_(db) {}
  // Only for the store's own connection.
  SQLite::Database& database() { return *owned_; }
  // SQLite reads rows from the file as they are stepped: few or many alike.
  std::unique_ptr<sql::EngineStatement> prepare(std::string_view sql, sql::Rows rows) override;
  void exec(std::string_view sql) override;

 private:
  std::unique_ptr<SQLite::Database> owned_;
  sqlite3* db_;
};

}  // namespace desk::store::sqlite
