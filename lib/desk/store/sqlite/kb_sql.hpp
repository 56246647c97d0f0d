// The knowledge base's query builders (kb_sql.cpp, with the rest of the KB's
// SQL): a parsed search into FTS5 MATCH expressions, and an article filter
// into SQL with placeholders. Values are never spliced into SQL: a MATCH
// expression is itself a bound value, and every term in it is a quoted FTS5
// string, so no user text is ever read as FTS5 syntax. Internal to store/;
// declared here so the unit tests can check what they build.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "desk/model/article.hpp"
#include "desk/model/search_query.hpp"
#include "desk/store/sql/kb_query_sql.hpp"

namespace desk::store::sqlite {

// "text" as an FTS5 string: quoted, inner quotes doubled.
std::string fts5_string(const std::string& text);

// The search for the words index (kb_words): a word matches itself and the
// words it starts ("jam" finds "jam" and "jammed", and "jam" itself twice,
// so whole words rank higher); word* and "phrases" as written.
std::string fts5_words(const model::SearchQuery& q);
// The search for the trigram index (kb_trigram): every term as a substring.
// nullopt when a term is shorter than three characters, which a trigram
// index cannot find.
std::optional<std::string> fts5_trigram(const model::SearchQuery& q);
// Any of `words`, each a whole word.
std::string fts5_any(const std::vector<std::string>& words);

enum class Index { words, trigram };

// The best f.limit articles (every one when 0), and `extra` more, among
// those `f` selects that the MATCH value `match` finds in `index`, best
// first. Columns: <article columns>, score (bm25, higher is better).
sql::SqlQuery rank_articles_sql(Index index, const std::string& match,
                                const model::ArticleFilter& f, std::int64_t extra = 0);

// term, doc count rows from the words index's vocabulary for `terms`.
sql::SqlQuery vocabulary_sql(const std::vector<std::string>& terms);

}  // namespace desk::store::sqlite
