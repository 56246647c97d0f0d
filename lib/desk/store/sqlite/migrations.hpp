// The SQLite schema's migrations, from store/sqlite/schema/*.sql.
#pragma once

#include <vector>

#include "desk/store/sql/migration.hpp"

namespace desk::store::sqlite {

// Every migration, in version order.
const std::vector<sql::Migration>& migrations();

}  // namespace desk::store::sqlite
