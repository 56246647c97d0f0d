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
// before it) as PostgreSQL's $N, outside quoted text and names; `used` gets
// whether each number from 1 to the highest is used (used[0] for ?1).
std::string numbered_placeholders(std::string_view sql, std::vector<bool>& used);

// `sql` with each `X COLLATE NOCASE` as `lower(X COLLATE "C")`, where X is
// the name, placeholder or parenthesised expression just before. SQLite's
// NOCASE folds A-Z alone and then compares bytes; PostgreSQL has no
// collation that does (an ICU one folds every script and sorts by Unicode's
// rules), but lower() under "C" folds A-Z alone, and "C" compares bytes. So
// both sides of a case-blind comparison carry COLLATE NOCASE in desk's SQL.
std::string case_blind(std::string_view sql);

class SqlStatement final : public sql::EngineStatement {
 public:
  SqlStatement(Connection& db, std::string_view sql, sql::Rows rows);
  ~SqlStatement() override;

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
  Param& slot(int i);
  void execute();
  // The cursor's next batch of rows into result_.
  void fetch();
  void close_cursor() noexcept;
  void end_reading() noexcept;

  Connection& db_;
  std::string sql_;
  std::vector<Param> params_;
  // pg_type oids: text for a placeholder the statement never uses, which
  // SQLite allows and PostgreSQL cannot give a type; 0 (infer) for others.
  std::vector<unsigned> types_;
  std::optional<Result> result_;
  int row_ = -1;  // the current row of result_
  // Rows::many: the open cursor's name ("" for none), whether it is read
  // in the connection's read-only transaction (declared outside desk's
  // own), the transaction it was declared in
  // (Connection::ended_transactions() then), and whether a batch came back
  // short (the cursor has no more).
  bool many_ = false;
  std::string cursor_;
  bool reading_ = false;
  std::uint64_t cursor_transaction_ = 0;
  bool last_batch_ = false;
  // The next batch, asked for ahead (Connection::send_ahead).
  std::optional<Result> ahead_;
  bool ahead_sent_ = false;
  // Blob columns decoded from the server's hex, by column, for view().
  mutable std::vector<std::string> bytes_;
};

class SqlConnection final : public sql::Connection {
 public:
  // (Qualified: inside this class, Connection is sql::Connection.)
  explicit SqlConnection(postgres::Connection& db) : db_(db) {}
  // The store's own connection, owned here.
  explicit SqlConnection(std::unique_ptr<postgres::Connection> owned)
      : owned_(std::move(owned)), db_(*owned_) {}
  postgres::Connection& native() { return db_; }
  std::unique_ptr<sql::EngineStatement> prepare(std::string_view sql, sql::Rows rows) override;
  void exec(std::string_view sql) override;

 private:
  std::unique_ptr<postgres::Connection> owned_;
  postgres::Connection& db_;
};

}  // namespace desk::store::postgres
