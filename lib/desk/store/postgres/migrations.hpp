// The PostgreSQL schema's migrations, from store/postgres/schema/*.sql. The
// first is version 9, the version SQLite stores had when PostgreSQL came:
// no PostgreSQL store is older.
#pragma once

#include <vector>

#include "desk/store/sql/migration.hpp"

namespace desk::store::postgres {

// Every migration, in version order.
const std::vector<sql::Migration>& migrations();

}  // namespace desk::store::postgres
