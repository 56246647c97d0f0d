// The knowledge base's part of SqlStore: articles, their versions, tags and
// links to tickets, written once in SQL. Search is each engine's own (its
// full-text index): a backend derives from SqlKb and adds search() and
// suggest().
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "desk/model/article.hpp"
#include "desk/store/kb_store.hpp"
#include "desk/store/sql/sql_store.hpp"

namespace desk::store::sql {

class SqlKb : public KbStore {
 public:
  explicit SqlKb(SqlStore& db) : db_(db) {}

  std::optional<model::Article> find_article(std::int64_t id) override;
  std::optional<model::Article> find_article_by_uid(std::string_view uid) override;
  std::int64_t insert_article(const model::Article& a) override;
  void update_article(const model::Article& a) override;
  void each_article(const model::ArticleFilter& f,
                    const std::function<bool(const model::Article&)>& row) override;
  void save_version(std::int64_t article_id, const model::ArticleVersion& v) override;
  std::optional<model::ArticleVersion> find_version(std::int64_t article_id, int number) override;
  std::vector<model::ArticleVersion> versions(std::int64_t article_id) override;
  bool link(const model::ArticleLink& l) override;
  void mark_resolved(const model::ArticleLink& l) override;
  std::vector<model::ArticleLink> ticket_links(std::int64_t ticket_id) override;
  std::vector<model::ArticleLink> article_links(std::int64_t article_id) override;

 protected:
  SqlStore& db_;

 private:
  void write_tags(std::int64_t id, const std::vector<std::string>& tags);
  std::vector<model::ArticleLink> links(const char* sql, std::int64_t id,
                                        model::ArticleLink (*read)(Statement&));
};

// Reads kArticleColumns (kb_query_sql.hpp), or a version's copy of them,
// from column `i` on.
model::Article article_from_row(Statement& st, int i = 0);

// Every version of every article, by article and number, as save_version
// wrote it: the migration to version 9 records each as an event.
void each_stored_version(Connection& db,
                         const std::function<void(const model::ArticleVersion&)>& row);

}  // namespace desk::store::sql
