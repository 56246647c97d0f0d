// Turns a model::Query into SQL with placeholders and the values to bind.
// The one place where SQL text is assembled; values are never spliced in.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "desk/store/sql/statement.hpp"
#include "desk/store/store.hpp"

namespace desk::store::sql {

struct SqlQuery {
  std::string sql;
  std::vector<Value> values;
};

// Every filter of a Query is SQL but its words, which desk matches itself
// with the one fold (util::fold) whatever the engine. The words are folded
// once, for the many tickets a query reads.
class WordMatch {
 public:
  explicit WordMatch(const Query& q);
  // Whether `t` has each of the words in its title or description.
  bool operator()(const Ticket& t) const;

 private:
  std::vector<std::string> folded_;
};

// SELECT <kTicketColumns> ... WHERE ... ORDER BY ... LIMIT ...; with words,
// no LIMIT or OFFSET (each_ticket applies them after matching).
SqlQuery select_tickets_sql(const Query& q, const Ordering& order);
// The tickets `q` selects in id order.
SqlQuery select_tickets_by_id_sql(const Query& q);

// The events of the tickets `q` selects (kEventColumns), ordered by ticket
// id then event id, for merging with select_tickets_by_id_sql.
SqlQuery select_events_sql(const Query& q);

// SELECT count(*) ... WHERE ..., counting at most `at_most` rows (0: all).
SqlQuery count_tickets_sql(const Query& q, std::int64_t at_most = 0);

// "?, ?, ?": the placeholders of an IN list of `n` values.
std::string placeholders(std::size_t n);

}  // namespace desk::store::sql
