// The knowledge base's part of the store, reached through Store::kb(). It
// speaks articles, versions, links and searches, not SQL, so a second
// backend could implement it. Writes happen inside the caller's
// store::WriteTransaction.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "desk/model/article.hpp"
#include "desk/model/search_query.hpp"

namespace desk::store {

class KbStore {
 public:
  virtual ~KbStore() = default;

  // Articles as they are now, with their use count.
  virtual std::optional<model::Article> find_article(std::int64_t id) = 0;
  virtual std::optional<model::Article> find_article_by_uid(std::string_view uid) = 0;
  // Inserts an article under its id when non-zero (the caller checks it is
  // free), else the next one; returns the id. The search indexes follow.
  virtual std::int64_t insert_article(const model::Article& a) = 0;
  // Rewrites the article's row and tags (Refused when there is none).
  virtual void update_article(const model::Article& a) = 0;
  // Streams the articles `f` selects, in its order, until `row` returns false.
  virtual void each_article(const model::ArticleFilter& f,
                            const std::function<bool(const model::Article&)>& row) = 0;

  // Versions: every change to an article, numbered from 1.
  virtual void save_version(std::int64_t article_id, const model::ArticleVersion& v) = 0;
  virtual std::optional<model::ArticleVersion> find_version(std::int64_t article_id,
                                                            int number) = 0;
  // Oldest first.
  virtual std::vector<model::ArticleVersion> versions(std::int64_t article_id) = 0;

  // The articles matching `q` among those `f` selects, most relevant first,
  // at most f.limit of them. Whole words and word prefixes rank above parts
  // of longer words; kb_sql.cpp says how they rank.
  virtual std::vector<model::ArticleHit> search(const model::SearchQuery& q,
                                                const model::ArticleFilter& f) = 0;
  // The articles `f` selects that are most like a text, given as its words
  // (kb::text_words): any word counts, rarer words and matches in titles
  // count more, and words too common to tell articles apart are left out.
  virtual std::vector<model::ArticleHit> suggest(const std::vector<std::string>& words,
                                                 const model::ArticleFilter& f) = 0;

  // Links between articles and tickets. link() returns false when the two
  // were linked already (nothing changes).
  virtual bool link(const model::ArticleLink& l) = 0;
  // Marks that the article resolved the ticket, linking them when they were not.
  virtual void mark_resolved(const model::ArticleLink& l) = 0;
  // A ticket's articles (with their titles), oldest link first.
  virtual std::vector<model::ArticleLink> ticket_links(std::int64_t ticket_id) = 0;
  // An article's tickets, oldest link first.
  virtual std::vector<model::ArticleLink> article_links(std::int64_t article_id) = 0;
};

}  // namespace desk::store
