// The knowledge base in SQLite: articles, versions, links, and search, run
// with the queries kb_query_sql.cpp builds (which also says how a search
// ranks). Every other KB statement is here.
#include "desk/store/sqlite/kb_sql.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sqlite3.h>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/sql/next_id.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"
#include "desk/store/store.hpp"
#include "desk/store/words.hpp"
#include "desk/util/strings.hpp"
#include "desk/util/words.hpp"

namespace desk::store::sqlite {

using model::SearchQuery;

namespace {

constexpr const char* kFindArticle = "SELECT {} FROM kb_articles a WHERE a.id = ?";
constexpr const char* kFindArticleByUid = "SELECT {} FROM kb_articles a WHERE a.uid = ?";

constexpr const char* kInsertArticle =
    "INSERT INTO kb_articles (id, uid, kind, state, title, body, symptom, cause, workaround, "
    "fix_status, category, service, tags, author, version, created_at, updated_at, published_at, "
    "retired_at) VALUES (coalesce(?1, " DESK_NEXT_ID(
        "kb_articles") "), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

constexpr const char* kUpdateArticle =
    "UPDATE kb_articles SET uid = ?2, kind = ?3, state = ?4, title = ?5, body = ?6, "
    "symptom = ?7, cause = ?8, workaround = ?9, fix_status = ?10, category = ?11, service = ?12, "
    "tags = ?13, author = ?14, version = ?15, created_at = ?16, updated_at = ?17, "
    "published_at = ?18, retired_at = ?19 WHERE id = ?1";

constexpr const char* kDeleteTags = "DELETE FROM kb_article_tags WHERE article_id = ?";
constexpr const char* kInsertTag =
    "INSERT INTO kb_article_tags (article_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING";

constexpr const char* kSaveVersion =
    "INSERT INTO kb_versions (article_id, version, at, actor, action, changed, note, kind, state, "
    "title, body, symptom, cause, workaround, fix_status, category, service, tags, author, "
    "created_at, updated_at, published_at, retired_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// The version's metadata, then an article row in article_from_row's order.
constexpr const char* kVersionColumns =
    "v.version, v.at, v.actor, v.action, v.changed, v.note, "
    "a.id, a.uid, v.kind, v.state, v.title, v.body, v.symptom, v.cause, v.workaround, "
    "v.fix_status, v.category, v.service, v.tags, v.author, v.version, v.created_at, "
    "v.updated_at, v.published_at, v.retired_at, 0";
constexpr const char* kFindVersion =
    "SELECT {} FROM kb_versions v JOIN kb_articles a ON a.id = v.article_id "
    "WHERE v.article_id = ? AND v.version = ?";
constexpr const char* kVersions =
    "SELECT {} FROM kb_versions v JOIN kb_articles a ON a.id = v.article_id "
    "WHERE v.article_id = ? ORDER BY v.version";

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

constexpr const char* kLink =
    "INSERT INTO kb_links (article_id, ticket_id, linked_at, actor) VALUES (?, ?, ?, ?) ON "
    "CONFLICT DO NOTHING";
constexpr const char* kMarkResolved =
    "INSERT INTO kb_links (article_id, ticket_id, linked_at, actor, resolved_at) "
    "VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (article_id, ticket_id) DO UPDATE SET resolved_at = excluded.resolved_at";
constexpr const char* kTicketLinks =
    "SELECT l.article_id, l.ticket_id, l.linked_at, l.actor, l.resolved_at, a.title, a.kind, "
    "a.state FROM kb_links l JOIN kb_articles a ON a.id = l.article_id "
    "WHERE l.ticket_id = ? ORDER BY l.linked_at, l.article_id";
constexpr const char* kArticleLinks =
    "SELECT l.article_id, l.ticket_id, l.linked_at, l.actor, l.resolved_at, t.title, t.type, "
    "t.status FROM kb_links l JOIN tickets t ON t.id = l.ticket_id "
    "WHERE l.article_id = ? ORDER BY l.linked_at, l.ticket_id";

// Suggestions use at most this many of a ticket's words, the rarest first,
// and stop adding words when the articles holding them would pass the
// budget: ranking costs in proportion to them, and the words left out are
// the common ones, which tell articles apart least.
constexpr std::size_t kMaxSuggestWords = 24;
constexpr std::int64_t kSuggestBudget = 20000;

std::string text_column(sql::Statement& st, int i) {
  return st.text(i);
}

std::optional<Instant> optional_time(sql::Statement& st, int i) {
  if (st.null(i)) return std::nullopt;
  return from_unix(st.integer(i));
}

void bind_time_or_null(sql::Statement& st, int i, const std::optional<Instant>& t) {
  if (t)
    st.bind(i, static_cast<int64_t>(to_unix(*t)));
  else
    st.bind_null(i);
}

std::string tags_text(const std::vector<std::string>& tags) {
  return util::join(tags, " ");
}

// Reads kArticleColumns (or a version's copy of them) from column `i` on.
model::Article article_from_row(sql::Statement& st, int i = 0) {
  model::Article a;
  a.id = st.integer(i++);
  a.uid = text_column(st, i++);
  a.kind = stored_word<model::ArticleKind>(text_column(st, i++));
  a.state = stored_word<model::ArticleState>(text_column(st, i++));
  a.title = text_column(st, i++);
  a.body = text_column(st, i++);
  a.symptom = text_column(st, i++);
  a.cause = text_column(st, i++);
  a.workaround = text_column(st, i++);
  a.fix_status = stored_optional_word<model::FixStatus>(text_column(st, i++));
  a.category = text_column(st, i++);
  a.service = text_column(st, i++);
  a.tags = util::split(text_column(st, i++), ' ');
  a.author = text_column(st, i++);
  a.version = st.integer(i++);
  a.created_at = from_unix(st.integer(i++));
  a.updated_at = from_unix(st.integer(i++));
  a.published_at = optional_time(st, i++);
  a.retired_at = optional_time(st, i++);
  a.use_count = st.integer(i++);
  return a;
}

// Binds the 19 columns of kInsertArticle / kUpdateArticle.
void bind_article(sql::Statement& st, const model::Article& a) {
  if (a.id == 0)
    st.bind_null(1);
  else
    st.bind(1, static_cast<int64_t>(a.id));
  st.bind(2, a.uid);
  st.bind(3, stored_name(a.kind));
  st.bind(4, stored_name(a.state));
  st.bind(5, a.title);
  st.bind(6, a.body);
  st.bind(7, a.symptom);
  st.bind(8, a.cause);
  st.bind(9, a.workaround);
  st.bind(10, stored_name(a.fix_status));
  st.bind(11, a.category);
  st.bind(12, a.service);
  st.bind(13, tags_text(a.tags));
  st.bind(14, a.author);
  st.bind(15, a.version);
  st.bind(16, static_cast<int64_t>(to_unix(a.created_at)));
  st.bind(17, static_cast<int64_t>(to_unix(a.updated_at)));
  bind_time_or_null(st, 18, a.published_at);
  bind_time_or_null(st, 19, a.retired_at);
}

model::ArticleVersion version_from_row(sql::Statement& st) {
  model::ArticleVersion v;
  v.number = st.integer(0);
  v.at = from_unix(st.integer(1));
  v.actor = text_column(st, 2);
  v.action = stored_word<model::ArticleAction>(text_column(st, 3));
  v.changed = util::split(text_column(st, 4), ',');
  v.note = text_column(st, 5);
  v.article = article_from_row(st, 6);
  return v;
}

// A link (kTicketLinks, kArticleLinks) and the other side's title; its
// kind and state (an article's) or type and status (a ticket's) are for
// the caller to read from columns 6 and 7.
model::ArticleLink link_from_row(sql::Statement& st) {
  model::ArticleLink l;
  l.article_id = st.integer(0);
  l.ticket_id = st.integer(1);
  l.linked_at = from_unix(st.integer(2));
  l.actor = text_column(st, 3);
  l.resolved_at = optional_time(st, 4);
  l.title = text_column(st, 5);
  return l;
}

// A ticket's article: kTicketLinks.
model::ArticleLink article_link_from_row(sql::Statement& st) {
  model::ArticleLink l = link_from_row(st);
  l.kind = stored_word<model::ArticleKind>(text_column(st, 6));
  l.state = stored_word<model::ArticleState>(text_column(st, 7));
  return l;
}

// An article's ticket: kArticleLinks.
model::ArticleLink ticket_link_from_row(sql::Statement& st) {
  model::ArticleLink l = link_from_row(st);
  l.type = text_column(st, 6);
  l.status = stored_word<model::Status>(text_column(st, 7));
  return l;
}

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

class SqliteKb final : public KbStore {
 public:
  explicit SqliteKb(SqliteStore& db) : db_(db) {}

  std::optional<model::Article> find_article(std::int64_t id) override {
    return db_.guarded([&]() -> std::optional<model::Article> {
      auto& st = db_.statement(find_sql().c_str());
      st.bind(1, static_cast<int64_t>(id));
      if (!st.step()) return std::nullopt;
      return article_from_row(st);
    });
  }

  std::optional<model::Article> find_article_by_uid(std::string_view uid) override {
    return db_.guarded([&]() -> std::optional<model::Article> {
      auto& st = db_.statement(find_by_uid_sql().c_str());
      st.bind(1, std::string(uid));
      if (!st.step()) return std::nullopt;
      return article_from_row(st);
    });
  }

  std::int64_t insert_article(const model::Article& a) override {
    return db_.guarded([&] {
      auto& st = db_.statement(kInsertArticle);
      bind_article(st, a);
      std::int64_t id = st.run_returning_id();
      write_tags(id, a.tags);
      return id;
    });
  }

  void update_article(const model::Article& a) override {
    db_.guarded([&] {
      auto& st = db_.statement(kUpdateArticle);
      bind_article(st, a);
      if (st.run() != 1) throw Refused(fmt::format("no article {}", a.id));
      write_tags(a.id, a.tags);
    });
  }

  void each_article(const model::ArticleFilter& f,
                    const std::function<bool(const model::Article&)>& row) override {
    db_.guarded([&] {
      sql::SqlQuery q = select_articles_sql(f);
      sql::Statement st(db_.sql(), q.sql);
      st.bind_values(q.values);
      while (st.step())
        if (!row(article_from_row(st))) break;
    });
  }

  void save_version(std::int64_t article_id, const model::ArticleVersion& v) override {
    db_.guarded([&] {
      const model::Article& a = v.article;
      auto& st = db_.statement(kSaveVersion);
      st.bind(1, static_cast<int64_t>(article_id));
      st.bind(2, v.number);
      st.bind(3, static_cast<int64_t>(to_unix(v.at)));
      st.bind(4, v.actor);
      st.bind(5, stored_name(v.action));
      st.bind(6, util::join(v.changed, ","));
      st.bind(7, v.note);
      st.bind(8, stored_name(a.kind));
      st.bind(9, stored_name(a.state));
      st.bind(10, a.title);
      st.bind(11, a.body);
      st.bind(12, a.symptom);
      st.bind(13, a.cause);
      st.bind(14, a.workaround);
      st.bind(15, stored_name(a.fix_status));
      st.bind(16, a.category);
      st.bind(17, a.service);
      st.bind(18, tags_text(a.tags));
      st.bind(19, a.author);
      st.bind(20, static_cast<int64_t>(to_unix(a.created_at)));
      st.bind(21, static_cast<int64_t>(to_unix(a.updated_at)));
      bind_time_or_null(st, 22, a.published_at);
      bind_time_or_null(st, 23, a.retired_at);
      st.run();
    });
  }

  std::optional<model::ArticleVersion> find_version(std::int64_t article_id, int number) override {
    return db_.guarded([&]() -> std::optional<model::ArticleVersion> {
      static const std::string sql = fmt::format(kFindVersion, kVersionColumns);
      auto& st = db_.statement(sql.c_str());
      st.bind(1, static_cast<int64_t>(article_id));
      st.bind(2, number);
      if (!st.step()) return std::nullopt;
      return version_from_row(st);
    });
  }

  std::vector<model::ArticleVersion> versions(std::int64_t article_id) override {
    return db_.guarded([&] {
      static const std::string sql = fmt::format(kVersions, kVersionColumns);
      std::vector<model::ArticleVersion> out;
      auto& st = db_.statement(sql.c_str());
      st.bind(1, static_cast<int64_t>(article_id));
      while (st.step()) out.push_back(version_from_row(st));
      return out;
    });
  }

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

  bool link(const model::ArticleLink& l) override {
    return db_.guarded([&] {
      auto& st = db_.statement(kLink);
      st.bind(1, static_cast<int64_t>(l.article_id));
      st.bind(2, static_cast<int64_t>(l.ticket_id));
      st.bind(3, static_cast<int64_t>(to_unix(l.linked_at)));
      st.bind(4, l.actor);
      return st.run() == 1;
    });
  }

  void mark_resolved(const model::ArticleLink& l) override {
    db_.guarded([&] {
      auto& st = db_.statement(kMarkResolved);
      st.bind(1, static_cast<int64_t>(l.article_id));
      st.bind(2, static_cast<int64_t>(l.ticket_id));
      st.bind(3, static_cast<int64_t>(to_unix(l.linked_at)));
      st.bind(4, l.actor);
      bind_time_or_null(st, 5, l.resolved_at ? l.resolved_at : l.linked_at);
      st.run();
    });
  }

  std::vector<model::ArticleLink> ticket_links(std::int64_t ticket_id) override {
    return links(kTicketLinks, ticket_id, article_link_from_row);
  }

  std::vector<model::ArticleLink> article_links(std::int64_t article_id) override {
    return links(kArticleLinks, article_id, ticket_link_from_row);
  }

 private:
  static const std::string& find_sql() {
    static const std::string sql = fmt::format(kFindArticle, kArticleColumns);
    return sql;
  }
  static const std::string& find_by_uid_sql() {
    static const std::string sql = fmt::format(kFindArticleByUid, kArticleColumns);
    return sql;
  }

  void write_tags(std::int64_t id, const std::vector<std::string>& tags) {
    auto& del = db_.statement(kDeleteTags);
    del.bind(1, static_cast<int64_t>(id));
    del.run();
    for (const auto& tag : tags) {
      auto& ins = db_.statement(kInsertTag);
      ins.bind(1, static_cast<int64_t>(id));
      ins.bind(2, tag);
      ins.run();
    }
  }

  std::vector<model::ArticleLink> links(const char* sql, std::int64_t id,
                                        model::ArticleLink (*read)(sql::Statement&)) {
    return db_.guarded([&] {
      std::vector<model::ArticleLink> out;
      auto& st = db_.statement(sql);
      st.bind(1, static_cast<int64_t>(id));
      while (st.step()) out.push_back(read(st));
      return out;
    });
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
      h.article = article_from_row(st);
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
      h.title = marked(text_column(st, 1));
      model::MarkedText body = marked(text_column(st, 2));
      model::MarkedText extra = marked(text_column(st, 3));
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

  SqliteStore& db_;
};

}  // namespace

void each_stored_version(sql::Connection& db,
                         const std::function<void(const model::ArticleVersion&)>& row) {
  sql::Statement st(db, fmt::format("SELECT {} FROM kb_versions v JOIN kb_articles a ON a.id = "
                                    "v.article_id ORDER BY v.article_id, v.version",
                                    kVersionColumns));
  while (st.step()) row(version_from_row(st));
}

KbStore& SqliteStore::kb() {
  if (!kb_) kb_ = std::make_unique<SqliteKb>(*this);
  return *kb_;
}

}  // namespace desk::store::sqlite
