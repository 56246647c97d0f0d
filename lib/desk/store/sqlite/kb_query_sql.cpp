// The knowledge base in SQLite: articles, versions, links, and search over
// two FTS5 indexes kept in step with kb_articles by the triggers of
// schema/0003_kb.sql. This file builds the queries (kb_sql.hpp); the store
// that runs them, and every other KB statement, is kb_sql.cpp.
//
// How a search ranks. The parsed search runs first against kb_words
// (unicode61, accents removed): whole words, where a word also matches the
// words it starts and the whole word scores twice (fts5_words), so "jam"
// ranks "jam" above "jammed". bm25 scores each article, a match in the
// title weighing 10, in a known error's fields or the tags 3, in the body 1;
// ties go to the lower id. When these do not fill the page (--limit), the
// same terms run against kb_trigram as substrings, and the articles found
// only there (a word glued into a longer one: "warteschlange" in
// "Druckerwarteschlange"; text without spaces) follow, ranked the same way.
// So whole words always rank above fragments, and a search that whole
// words answer never pays for the trigram index, whose doclists are long.
//
// The ranking queries compute scores only; the title and snippet with the
// matched words marked are made afterwards for the hits shown, which keeps
// a broad search as cheap as its ranking.
#include "desk/store/sql/kb_query_sql.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sqlite3.h>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/sqlite/kb_sql.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"
#include "desk/util/strings.hpp"
#include "desk/util/words.hpp"

namespace desk::store::sqlite {

namespace {

using model::SearchQuery;

// bm25 column weights: title, body, extra (symptom, cause, workaround, tags).
// A word in the title says most about what an article is for; a known
// error's symptom and workaround, and the tags, say more than a passing
// mention in the body.
const char* const kWordsScore = "-bm25(kb_words, 10.0, 1.0, 3.0)";
const char* const kTrigramScore = "-bm25(kb_trigram, 10.0, 1.0, 3.0)";

template <typename Term>
std::string render(const SearchQuery& q, const Term& term) {
  if (q.op == SearchQuery::Op::term) return term(q);
  std::vector<std::string> parts;
  for (const auto& c : q.children) parts.push_back(render(c, term));
  if (q.op == SearchQuery::Op::any) return "(" + util::join(parts, " OR ") + ")";
  std::string all = parts.size() == 1 ? parts.front() : "(" + util::join(parts, " AND ") + ")";
  if (q.excluded.empty()) return all;
  std::vector<std::string> out;
  for (const auto& c : q.excluded) out.push_back(render(c, term));
  return "(" + all + " NOT " +
         (out.size() == 1 ? out.front() : "(" + util::join(out, " OR ") + ")") + ")";
}

}  // namespace

std::string fts5_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string fts5_words(const SearchQuery& q) {
  return render(q, [](const SearchQuery& t) {
    std::string s = fts5_string(t.text);
    if (t.prefix) return s + "*";
    if (t.phrase) return s;
    return "(" + s + " OR " + s + "*)";
  });
}

std::optional<std::string> fts5_trigram(const SearchQuery& q) {
  for (const SearchQuery* t : model::search_terms(q))
    if (util::char_count(t->text) < 3) return std::nullopt;
  return render(q, [](const SearchQuery& t) { return fts5_string(t.text); });
}

std::string fts5_any(const std::vector<std::string>& words) {
  std::vector<std::string> parts;
  for (const auto& w : words) parts.push_back(fts5_string(w));
  return util::join(parts, " OR ");
}

sql::SqlQuery rank_articles_sql(Index index, const std::string& match,
                                const model::ArticleFilter& f, std::int64_t extra) {
  const char* table = index == Index::words ? "kb_words" : "kb_trigram";
  const char* score = index == Index::words ? kWordsScore : kTrigramScore;
  sql::ArticleWhere b(f);
  std::vector<sql::Value> values;
  values.emplace_back(match);
  for (auto& v : b.values) values.push_back(std::move(v));
  values.emplace_back(f.limit > 0 ? f.limit + extra : std::int64_t{-1});
  // FTS5 drives the inner query (CROSS JOIN keeps it the outer loop, where
  // bm25() works), and the filter reads the narrow kb_articles_filter index,
  // not the articles' wide rows: a broad search touches thousands of them.
  // Only the page of hits reads the rows.
  std::string sql = fmt::format(
      "SELECT {}, r.score FROM ("
      "SELECT {}.rowid AS id, {} AS score FROM {} "
      "CROSS JOIN kb_articles a INDEXED BY kb_articles_filter ON a.id = {}.rowid "
      "WHERE {} MATCH ?{} ORDER BY score DESC, id LIMIT ?"
      ") r JOIN kb_articles a ON a.id = r.id ORDER BY r.score DESC, r.id",
      sql::kArticleColumns, table, score, table, table, table,
      b.where.empty() ? std::string() : " AND " + util::join(b.where, " AND "));
  return {std::move(sql), std::move(values)};
}

sql::SqlQuery vocabulary_sql(const std::vector<std::string>& terms) {
  sql::SqlQuery q;
  q.sql = fmt::format("SELECT term, doc FROM kb_words_vocab WHERE term IN ({})",
                      sql::placeholders(terms.size()));
  for (const auto& t : terms) q.values.emplace_back(t);
  return q;
}

}  // namespace desk::store::sqlite
