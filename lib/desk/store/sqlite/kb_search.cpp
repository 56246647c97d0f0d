// The knowledge base's search in SQLite, over its two FTS5 indexes, run with
// the queries kb_query_sql.cpp builds (which also says how a search ranks).
// Articles, versions and links are store/sql/kb_sql.cpp's.
#include <algorithm>
#include <map>
#include <set>
#include <sqlite3.h>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/sql/kb_sql.hpp"
#include "desk/store/sql/next_id.hpp"
#include "desk/store/sqlite/kb_sql.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"
#include "desk/store/store.hpp"
#include "desk/store/words.hpp"
#include "desk/util/strings.hpp"
#include "desk/util/words.hpp"

namespace desk::store::sqlite {

using model::SearchQuery;

namespace {

// The titles and the snippets of body and extra of the hits (a JSON array
// of ids), matches between \2 and \3. One scan of the MATCH for every hit:
// `+rowid` keeps the ids from FTS5, which would set the query up again for
// each (costly for a prefix). Trigram snippets count characters, not words.
constexpr const char* kWordsMarks =
    "SELECT rowid, highlight(kb_words, 0, char(2), char(3)), "
    "snippet(kb_words, 1, char(2), char(3), '…', 16), "
    "snippet(kb_words, 2, char(2), char(3), '…', 16) "
    "FROM kb_words WHERE kb_words MATCH ? AND +rowid IN (SELECT value FROM json_each(?))";
constexpr const char* kTrigramMarks =
    "SELECT rowid, highlight(kb_trigram, 0, char(2), char(3)), "
    "snippet(kb_trigram, 1, char(2), char(3), '…', 64), "
    "snippet(kb_trigram, 2, char(2), char(3), '…', 64) "
    "FROM kb_trigram WHERE kb_trigram MATCH ? AND +rowid IN (SELECT value FROM json_each(?))";

constexpr const char* kCountArticles = "SELECT count(*) FROM kb_articles";

// Suggestions use at most this many of a ticket's words, the rarest first,
// and stop adding words when the articles holding them would pass the
// budget: ranking costs in proportion to them, and the words left out are
// the common ones, which tell articles apart least.
constexpr std::size_t kMaxSuggestWords = 24;
constexpr std::int64_t kSuggestBudget = 20000;

// FTS5's marked text: \2 opens a match, \3 closes it. Line breaks and runs
// of white space become one space: a snippet is read on one line.
model::MarkedText marked(const std::string& raw) {
  model::MarkedText m;
  std::size_t open = 0;
  for (char c : raw) {
    if (c == '\2') {
      open = m.text.size();
    } else if (c == '\3') {
      m.marks.emplace_back(open, m.text.size());
    } else if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      if (!m.text.empty() && m.text.back() != ' ') m.text += ' ';
    } else {
      m.text += c;
    }
  }
  return m;
}

class SqliteKb final : public sql::SqlKb {
 public:
  explicit SqliteKb(SqliteStore& db) : SqlKb(db) {}

  std::vector<model::ArticleHit> search(const model::SearchQuery& q,
                                        const model::ArticleFilter& f) override {
    std::string words = fts5_words(q);
    std::optional<std::string> trigram = fts5_trigram(q);
    return ranked(words, trigram, f);
  }

  std::vector<model::ArticleHit> suggest(const std::vector<std::string>& words,
                                         const model::ArticleFilter& f) override {
    std::vector<std::string> chosen = telling_words(words);
    if (chosen.empty()) return {};
    return ranked(fts5_any(chosen), std::nullopt, f);
  }

  // Whole words first; then, when they do not fill the page, parts of
  // longer words. Then the matches are marked in the hits' titles and
  // snippets.
  std::vector<model::ArticleHit> ranked(const std::string& words,
                                        const std::optional<std::string>& trigram,
                                        const model::ArticleFilter& f) {
    return db_.guarded([&] {
      std::vector<model::ArticleHit> hits = rank(Index::words, words, f, 0);
      auto full = [&] { return f.limit > 0 && static_cast<std::int64_t>(hits.size()) >= f.limit; };
      if (trigram && !full()) {
        std::set<std::int64_t> found;
        for (const auto& h : hits) found.insert(h.article.id);
        for (auto& h : rank(Index::trigram, *trigram, f, static_cast<std::int64_t>(hits.size()))) {
          if (full()) break;
          if (found.count(h.article.id)) continue;
          h.fragment = true;
          hits.push_back(std::move(h));
        }
      }
      mark(hits, false, words);
      if (trigram) mark(hits, true, *trigram);
      return hits;
    });
  }

  std::vector<model::ArticleHit> rank(Index index, const std::string& match,
                                      const model::ArticleFilter& f, std::int64_t extra) {
    std::vector<model::ArticleHit> hits;
    sql::SqlQuery q = rank_articles_sql(index, match, f, extra);
    sql::Statement st(db_.sql(), q.sql);
    st.bind_values(q.values);
    while (step_search(st)) {
      model::ArticleHit h;
      h.article = sql::article_from_row(st);
      h.score = st.real(20);
      hits.push_back(std::move(h));
    }
    return hits;
  }

  // Every term is quoted, so FTS5 should never reject a search; if it does,
  // say so without SQLite's words.
  static bool step_search(sql::Statement& st) {
    try {
      return st.step();
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) != SQLITE_ERROR) throw;
      throw DataError("the search could not be run",
                      "search for plain words; this is worth reporting as a bug in desk");
    }
  }

  // Marks the matched words in the titles and snippets of the hits found
  // by one index (fragment or not).
  void mark(std::vector<model::ArticleHit>& hits, bool fragment, const std::string& match) {
    std::map<std::int64_t, model::ArticleHit*> by_id;
    std::string ids;
    for (auto& h : hits) {
      if (h.fragment != fragment) continue;
      by_id[h.article.id] = &h;
      ids += (ids.empty() ? "" : ",") + std::to_string(h.article.id);
      h.title.text = h.article.title;
    }
    if (by_id.empty()) return;
    auto& st = db_.statement(fragment ? kTrigramMarks : kWordsMarks);
    st.bind(1, match);
    st.bind(2, "[" + ids + "]");
    while (st.step()) {
      model::ArticleHit& h = *by_id.at(st.integer(0));
      h.title = marked(st.text(1));
      model::MarkedText body = marked(st.text(2));
      model::MarkedText extra = marked(st.text(3));
      if (!body.marks.empty() || (extra.marks.empty() && !body.text.empty()))
        h.snippet = std::move(body);
      else
        h.snippet = std::move(extra);
    }
  }

  // The words worth searching for: those some article has and that are
  // rare enough to tell articles apart, rarest first.
  std::vector<std::string> telling_words(const std::vector<std::string>& words) {
    if (words.empty()) return {};
    return db_.guarded([&] {
      std::int64_t total = db_.sql().integer(kCountArticles);
      std::map<std::string, std::int64_t> docs;
      sql::SqlQuery q = vocabulary_sql(words);
      sql::Statement st(db_.sql(), q.sql);
      st.bind_values(q.values);
      while (st.step()) docs[st.text(0)] = st.integer(1);
      std::vector<std::pair<std::int64_t, std::string>> kept;
      for (const auto& w : words) {
        auto it = docs.find(w);
        bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return (c & 0x80) == 0; });
        if (it == docs.end()) {
          // The index folds accents from Latin letters: "résumé" is there
          // as "resume", so a word with such letters is kept unknown.
          if (!ascii) kept.emplace_back(0, w);
          continue;
        }
        // In more than half of the articles a word weighs nothing in bm25.
        if (total >= 4 && it->second * 2 > total) continue;
        kept.emplace_back(it->second, w);
      }
      std::stable_sort(kept.begin(), kept.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      std::vector<std::string> out;
      std::int64_t spent = 0;
      for (const auto& [n, w] : kept) {
        if (out.size() == kMaxSuggestWords || spent + n > kSuggestBudget) break;
        spent += n;
        out.push_back(w);
      }
      return out;
    });
  }
};

}  // namespace

KbStore& SqliteStore::kb() {
  if (!kb_) kb_ = std::make_unique<SqliteKb>(*this);
  return *kb_;
}

}  // namespace desk::store::sqlite
