// The schema migrations embedded at build time from store/sqlite/schema/*.sql.
#pragma once

#include <vector>

namespace desk::store::sqlite {

struct Migration {
  int version;       // the number the file starts with; PRAGMA user_version after it runs
  const char* name;  // file name without .sql
  const char* sql;
};

// Every migration, in version order.
const std::vector<Migration>& migrations();

}  // namespace desk::store::sqlite
