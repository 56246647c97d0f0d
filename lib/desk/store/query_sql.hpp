// Turns a tickets::Query into SQL with placeholders and the values to bind.
// The one place where SQL text is assembled; values are never spliced in.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "desk/store/store.hpp"

namespace desk::store {

using SqlValue = std::variant<std::int64_t, std::string>;

struct SqlQuery {
  std::string sql;
  std::vector<SqlValue> values;
};

// SELECT <kTicketColumns> ... WHERE ... ORDER BY ... LIMIT ...
SqlQuery select_tickets_sql(const Query& q, const Ordering& order);
// SELECT count(*) ... WHERE ...
SqlQuery count_tickets_sql(const Query& q);

}  // namespace desk::store
