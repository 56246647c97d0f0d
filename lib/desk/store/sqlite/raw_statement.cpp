#include "desk/store/sqlite/raw_statement.hpp"

#include <variant>

namespace desk::store::sqlite {

namespace {

sqlite3_stmt* prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr); rc != SQLITE_OK)
    throw SQLite::Exception(db, rc);
  return st;
}

}  // namespace

RawStatement::RawStatement(SQLite::Database& db, const std::string& sql)
    : db_(db.getHandle()), st_(prepare(db_, sql), sqlite3_finalize) {}

void RawStatement::bind(const std::vector<SqlValue>& values) {
  int i = 1;
  for (const auto& v : values) {
    int rc;
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
      rc = sqlite3_bind_int64(get(), i++, *n);
    } else {
      const auto& s = std::get<std::string>(v);
      rc = sqlite3_bind_text(get(), i++, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
  }
}

bool RawStatement::step() {
  int rc = sqlite3_step(get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw SQLite::Exception(db_, rc);
}

void column_text(sqlite3_stmt* st, int c, std::string& out) {
  out.assign(column_view(st, c));
}

std::string_view column_view(sqlite3_stmt* st, int c) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
  return {text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(st, c))};
}

}  // namespace desk::store::sqlite
