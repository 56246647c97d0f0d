#include "desk/store/sql/kb_query_sql.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"
#include "desk/util/words.hpp"

namespace desk::store::sql {

const char* const kArticleColumns =
    "a.id, a.uid, a.kind, a.state, a.title, a.body, a.symptom, a.cause, a.workaround, "
    "a.fix_status, a.category, a.service, a.tags, a.author, a.version, a.created_at, "
    "a.updated_at, a.published_at, a.retired_at, "
    "(SELECT count(*) FROM kb_links l WHERE l.article_id = a.id AND l.resolved_at IS NOT NULL)";

void ArticleWhere::any_of(const char* column, const std::vector<std::string>& list) {
  if (list.empty()) return;
  where.push_back(fmt::format("{} IN ({})", column, placeholders(list.size())));
  for (const auto& v : list) values.emplace_back(v);
}

// A vocabulary's values, by the names the column holds.
template <util::Worded E>
void ArticleWhere::any_of(const char* column, const std::vector<E>& list) {
  std::vector<std::string> names;
  for (E e : list) names.emplace_back(util::name(e));
  any_of(column, names);
}

ArticleWhere::ArticleWhere(const model::ArticleFilter& f) {
  any_of("a.state", f.states);
  any_of("a.kind", f.kinds);
  any_of("a.category", f.categories);
  any_of("a.service", f.services);
  any_of("a.author", f.authors);
  for (const auto& tag : f.tags) {
    where.push_back(
        "EXISTS (SELECT 1 FROM kb_article_tags g WHERE g.article_id = a.id AND g.tag = ?)");
    values.emplace_back(tag);
  }
}

std::string ArticleWhere::where_clause() const {
  return where.empty() ? std::string() : " WHERE " + util::join(where, " AND ");
}

namespace {

std::string order_by(const model::ArticleFilter& f) {
  std::vector<std::string> terms;
  for (std::string key : f.sort) {
    bool descending = !key.empty() && key.front() == '-';
    if (descending) key.erase(0, 1);
    std::string expr;
    if (key == "id" || key == "kind" || key == "state")
      expr = "a." + key;
    else if (key == "title")
      expr = "a.title COLLATE NOCASE";
    else if (key == "created" || key == "updated" || key == "published")
      expr = "a." + key + "_at";
    else if (key == "uses")
      expr =
          "(SELECT count(*) FROM kb_links l WHERE l.article_id = a.id AND l.resolved_at IS NOT "
          "NULL)";
    else
      throw Error(Exit::software, fmt::format("no article sort order for {}", util::quoted(key)));
    terms.push_back(expr + (descending ? " DESC" : ""));
  }
  terms.push_back("a.id");
  return " ORDER BY " + util::join(terms, ", ");
}

}  // namespace

SqlQuery select_articles_sql(const model::ArticleFilter& f) {
  ArticleWhere b(f);
  std::string sql = fmt::format("SELECT {} FROM kb_articles a{}{}", kArticleColumns,
                                b.where_clause(), order_by(f));
  if (f.limit > 0) {
    sql += " LIMIT ?";
    b.values.emplace_back(f.limit);
  }
  return {std::move(sql), std::move(b.values)};
}

}  // namespace desk::store::sql
