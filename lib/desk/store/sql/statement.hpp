// The store's SQL, one dialect for both backends: a statement is prepared
// from text with ?1, ?2, ... (or bare ?) placeholders, bound, stepped through
// its rows and read column by column. store/sqlite/ runs it on SQLite's own
// API, store/postgres/ on libpq; the code that knows the tables is written
// once, against this.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace desk::store::sql {

// A value to bind that is not known until run time (a list's filters).
using Value = std::variant<std::int64_t, std::string>;

// What a column of the current row holds (a copy reads every table's
// columns without knowing them).
enum class Type { null, integer, real, text, blob };

// How many rows a statement is expected to read. A PostgreSQL statement of
// many rows reads them a batch at a time through a cursor, so a list or an
// export of a million tickets never holds them all; one of few rows takes
// one round trip to the server.
enum class Rows { few, many };

// What each engine implements; Statement below is what the store uses.
class EngineStatement {
 public:
  virtual ~EngineStatement() = default;
  virtual void bind_null(int i) = 0;
  virtual void bind_integer(int i, std::int64_t v) = 0;
  virtual void bind_text(int i, std::string_view v) = 0;
  virtual void bind_blob(int i, std::string_view bytes) = 0;
  virtual void bind_real(int i, double v) = 0;
  virtual bool step() = 0;
  virtual std::int64_t run() = 0;
  virtual void reset() = 0;
  virtual void clear() = 0;
  virtual bool null(int c) const = 0;
  virtual std::int64_t integer(int c) const = 0;
  virtual double real(int c) const = 0;
  virtual std::string_view view(int c) const = 0;
  virtual int columns() const = 0;
  virtual std::string column_name(int c) const = 0;
  virtual Type type(int c) const = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual std::unique_ptr<EngineStatement> prepare(std::string_view sql, Rows rows) = 0;
  // Runs statements that return no rows, separated by ';'.
  virtual void exec(std::string_view sql) = 0;
  // The first column of the first row of `sql` (0 when it has none).
  std::int64_t integer(std::string_view sql);
};

class Statement {
 public:
  Statement(Connection& db, std::string_view sql, Rows rows = Rows::few)
      : st_(db.prepare(sql, rows)) {}

  void bind_null(int i) { st_->bind_null(i); }
  void bind(int i, std::int64_t v) { st_->bind_integer(i, v); }
  void bind(int i, std::string_view v) { st_->bind_text(i, v); }
  // Bytes rather than text: salts, hashes, a mail as it arrived.
  void bind_blob(int i, std::string_view bytes) { st_->bind_blob(i, bytes); }
  void bind_real(int i, double v) { st_->bind_real(i, v); }
  // Binds `values` to ?1, ?2, ... in order.
  void bind_values(const std::vector<Value>& values);

  // The next row: false when there are no more.
  bool step() { return st_->step(); }
  // Runs a statement that returns no rows: the number of rows it changed.
  std::int64_t run() { return st_->run(); }
  // Runs an INSERT that ends in RETURNING id: the new row's id.
  std::int64_t run_returning_id();
  // Back to before the first step, keeping the bindings, and releasing what
  // the statement holds open (a read, a result).
  void reset() { st_->reset(); }
  // Reset, and every binding NULL again.
  void clear() { st_->clear(); }

  // Column `c` of the current row, counted from 0.
  bool null(int c) const { return st_->null(c); }
  std::int64_t integer(int c) const { return st_->integer(c); }  // NULL reads 0
  double real(int c) const { return st_->real(c); }              // NULL reads 0
  // Text or blob bytes ("" for NULL), valid until the next step or reset.
  std::string_view view(int c) const { return st_->view(c); }
  std::string text(int c) const { return std::string(view(c)); }
  // Into `out`, keeping its buffer: no new string for each of many fields.
  void text(int c, std::string& out) const { out.assign(view(c)); }
  // The row's shape, once the statement has stepped: how many columns,
  // their names, and what each holds in the current row.
  int columns() const { return st_->columns(); }
  std::string column_name(int c) const { return st_->column_name(c); }
  Type type(int c) const { return st_->type(c); }

 private:
  std::unique_ptr<EngineStatement> st_;
};

}  // namespace desk::store::sql
