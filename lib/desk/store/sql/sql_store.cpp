#include "desk/store/sql/sql_store.hpp"

namespace desk::store::sql {

SqlStore::SqlStore(std::unique_ptr<Connection> db) : db_(std::move(db)) {}

void SqlStore::reset_statements() {
  for (auto& [sql, st] : statements_) st.reset();
}

Statement& SqlStore::statement(const char* sql) {
  auto kept = statements_.find(sql);
  if (kept == statements_.end()) return statements_.try_emplace(sql, *db_, sql).first->second;
  kept->second.clear();
  return kept->second;
}

void bind_time(Statement& st, int i, const std::optional<Instant>& t) {
  if (t)
    st.bind(i, to_unix(*t));
  else
    st.bind_null(i);
}

std::optional<Instant> time_column(const Statement& st, int c) {
  if (st.null(c)) return std::nullopt;
  return from_unix(st.integer(c));
}

}  // namespace desk::store::sql
