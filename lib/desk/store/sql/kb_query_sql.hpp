// An article filter as SQL: the WHERE terms and the values they bind, and
// the query that lists articles. Values are never spliced into SQL. Declared
// here so that each engine's search filters the same way, and the unit
// tests can check what it builds.
#pragma once

#include <string>
#include <vector>

#include "desk/model/article.hpp"
#include "desk/store/sql/query_sql.hpp"
#include "desk/util/words.hpp"

namespace desk::store::sql {

// The article row as article_from_row reads it, its use count last.
extern const char* const kArticleColumns;

// The terms of `f` over kb_articles a, ANDed, and their values in order.
struct ArticleWhere {
  explicit ArticleWhere(const model::ArticleFilter& f);
  std::vector<std::string> where;
  std::vector<Value> values;
  // " WHERE ..." or "".
  std::string where_clause() const;

 private:
  void any_of(const char* column, const std::vector<std::string>& list);
  template <util::Worded E>
  void any_of(const char* column, const std::vector<E>& list);
};

// SELECT <article columns> FROM kb_articles a WHERE ... ORDER BY ... LIMIT ?
SqlQuery select_articles_sql(const model::ArticleFilter& f);

}  // namespace desk::store::sql
