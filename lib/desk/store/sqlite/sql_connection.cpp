#include "desk/store/sqlite/sql_connection.hpp"

#include <string>

#include <SQLiteCpp/Exception.h>

namespace desk::store::sqlite {

namespace {

sqlite3_stmt* prepare_on(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st, nullptr);
  if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
  return st;
}

}  // namespace

SqlStatement::SqlStatement(sqlite3* db, std::string_view sql)
    : db_(db), st_(prepare_on(db, sql), sqlite3_finalize) {}

void SqlStatement::check(int rc) const {
  if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
}

void SqlStatement::bind_null(int i) {
  check(sqlite3_bind_null(st_.get(), i));
}

void SqlStatement::bind_integer(int i, std::int64_t v) {
  check(sqlite3_bind_int64(st_.get(), i, v));
}

void SqlStatement::bind_text(int i, std::string_view v) {
  check(sqlite3_bind_text64(st_.get(), i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void SqlStatement::bind_blob(int i, std::string_view bytes) {
  check(sqlite3_bind_blob64(st_.get(), i, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
}

void SqlStatement::bind_real(int i, double v) {
  check(sqlite3_bind_double(st_.get(), i, v));
}

bool SqlStatement::step() {
  if (done_) return false;
  int rc = sqlite3_step(st_.get());
  if (rc == SQLITE_ROW) return true;
  done_ = true;
  if (rc == SQLITE_DONE) return false;
  throw SQLite::Exception(db_, rc);
}

std::int64_t SqlStatement::run() {
  while (step()) {
  }
  return sqlite3_changes64(db_);
}

void SqlStatement::reset() {
  // Its result repeats the last step's error, which was thrown already.
  sqlite3_reset(st_.get());
  done_ = false;
}

void SqlStatement::clear() {
  reset();
  sqlite3_clear_bindings(st_.get());
}

bool SqlStatement::null(int c) const {
  return sqlite3_column_type(st_.get(), c) == SQLITE_NULL;
}

std::int64_t SqlStatement::integer(int c) const {
  return sqlite3_column_int64(st_.get(), c);
}

double SqlStatement::real(int c) const {
  return sqlite3_column_double(st_.get(), c);
}

std::string_view SqlStatement::view(int c) const {
  // Text, then its size, in this order: the size is of what was returned.
  const auto* text = static_cast<const char*>(sqlite3_column_blob(st_.get(), c));
  return {text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(st_.get(), c))};
}

int SqlStatement::columns() const {
  return sqlite3_column_count(st_.get());
}

std::string SqlStatement::column_name(int c) const {
  const char* name = sqlite3_column_name(st_.get(), c);
  return name ? name : "";
}

sql::Type SqlStatement::type(int c) const {
  switch (sqlite3_column_type(st_.get(), c)) {
    case SQLITE_INTEGER:
      return sql::Type::integer;
    case SQLITE_FLOAT:
      return sql::Type::real;
    case SQLITE_BLOB:
      return sql::Type::blob;
    case SQLITE_NULL:
      return sql::Type::null;
    default:
      return sql::Type::text;
  }
}

SqlConnection::SqlConnection(std::unique_ptr<SQLite::Database> owned)
    : owned_(std::move(owned)), db_(owned_->getHandle()) {}

std::unique_ptr<sql::EngineStatement> SqlConnection::prepare(std::string_view sql, sql::Rows) {
  return std::make_unique<SqlStatement>(db_, sql);
}

void SqlConnection::exec(std::string_view sql) {
  std::string text(sql);  // sqlite3_exec reads up to a NUL
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);  // the Exception reads the connection's message
  if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
}

}  // namespace desk::store::sqlite
