// A statement on SQLite's own C API, for the loops that read millions of
// rows (reports, export): SQLiteCpp's Column objects cost a reference count
// and a copy each, which shows in their profiles. Errors throw
// SQLite::Exception, as SQLiteCpp's do, for SqliteStore::guarded to map.
#pragma once

#include <memory>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "desk/store/sqlite/query_sql.hpp"

namespace desk::store::sqlite {

class RawStatement {
 public:
  RawStatement(SQLite::Database& db, const std::string& sql);

  sqlite3_stmt* get() const { return st_.get(); }
  // Binds values to ?1, ?2, ... in order.
  void bind(const std::vector<SqlValue>& values);
  // The next row: false when there are no more.
  bool step();

 private:
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> st_;
};

// Column `c` of the current row into `out`, keeping its buffer ("" for
// NULL): no temporary string for each of millions of fields.
void column_text(sqlite3_stmt* st, int c, std::string& out);
// The same text without a copy, valid until the statement steps again.
std::string_view column_view(sqlite3_stmt* st, int c);

}  // namespace desk::store::sqlite
