// The store's statements (store/sql/statement.hpp) on PostgreSQL: the same
// SQL text, its ?N placeholders numbered $N, run through libpq. Values
// travel as text with no type, so the server gives each the type its use
// asks for, as SQLite would; blobs travel as bytes and come back as bytes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "desk/store/postgres/connection.hpp"
#include "desk/store/sql/statement.hpp"

namespace desk::store::postgres {

// `sql` with SQLite's placeholders (?N, and ? for one more than the highest
// before it) as PostgreSQL's $N, outside quoted text and names; `count` gets
// the highest number.
std::string numbered_placeholders(std::string_view sql, int& count);

class SqlStatement final : public sql::EngineStatement {
 public:
  SqlStatement(Connection& db, std::string_view sql);

  void bind_null(int i) override;
  void bind_integer(int i, std::int64_t v) override;
  void bind_text(int i, std::string_view v) override;
  void bind_blob(int i, std::string_view bytes) override;

  bool step() override;
  std::int64_t run() override;
  void reset() override;
  void clear() override;

  bool null(int c) const override;
  std::int64_t integer(int c) const override;
  double real(int c) const override;
  std::string_view view(int c) const override;

 private:
  Param& slot(int i);
  void execute();

  Connection& db_;
  std::string sql_;
  std::vector<Param> params_;
  std::optional<Result> result_;
  int row_ = -1;  // the current row of result_
  // Blob columns decoded from the server's hex, by column, for view().
  mutable std::vector<std::string> bytes_;
};

class SqlConnection final : public sql::Connection {
 public:
  // (Qualified: inside this class, Connection is sql::Connection.)
  explicit SqlConnection(postgres::Connection& db) : db_(db) {}
  std::unique_ptr<sql::EngineStatement> prepare(std::string_view sql) override;
  void exec(std::string_view sql) override;

 private:
  postgres::Connection& db_;
};

}  // namespace desk::store::postgres
