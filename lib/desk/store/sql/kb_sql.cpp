// The knowledge base in SQL: articles, versions, tags and links
// (sql/kb_sql.hpp). Search is each engine's own.
#include "desk/store/sql/kb_sql.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/sql/kb_query_sql.hpp"
#include "desk/store/sql/next_id.hpp"
#include "desk/store/words.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::sql {

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

std::string tags_text(const std::vector<std::string>& tags) {
  return util::join(tags, " ");
}

}  // namespace

model::Article article_from_row(Statement& st, int i) {
  model::Article a;
  a.id = st.integer(i++);
  a.uid = st.text(i++);
  a.kind = stored_word<model::ArticleKind>(st.text(i++));
  a.state = stored_word<model::ArticleState>(st.text(i++));
  a.title = st.text(i++);
  a.body = st.text(i++);
  a.symptom = st.text(i++);
  a.cause = st.text(i++);
  a.workaround = st.text(i++);
  a.fix_status = stored_optional_word<model::FixStatus>(st.text(i++));
  a.category = st.text(i++);
  a.service = st.text(i++);
  a.tags = util::split(st.text(i++), ' ');
  a.author = st.text(i++);
  a.version = st.integer(i++);
  a.created_at = from_unix(st.integer(i++));
  a.updated_at = from_unix(st.integer(i++));
  a.published_at = time_column(st, i++);
  a.retired_at = time_column(st, i++);
  a.use_count = st.integer(i++);
  return a;
}

namespace {

// Binds the 19 columns of kInsertArticle / kUpdateArticle.
void bind_article(Statement& st, const model::Article& a) {
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
  bind_time(st, 18, a.published_at);
  bind_time(st, 19, a.retired_at);
}

model::ArticleVersion version_from_row(Statement& st) {
  model::ArticleVersion v;
  v.number = st.integer(0);
  v.at = from_unix(st.integer(1));
  v.actor = st.text(2);
  v.action = stored_word<model::ArticleAction>(st.text(3));
  v.changed = util::split(st.text(4), ',');
  v.note = st.text(5);
  v.article = article_from_row(st, 6);
  return v;
}

// A link (kTicketLinks, kArticleLinks) and the other side's title; its
// kind and state (an article's) or type and status (a ticket's) are for
// the caller to read from columns 6 and 7.
model::ArticleLink link_from_row(Statement& st) {
  model::ArticleLink l;
  l.article_id = st.integer(0);
  l.ticket_id = st.integer(1);
  l.linked_at = from_unix(st.integer(2));
  l.actor = st.text(3);
  l.resolved_at = time_column(st, 4);
  l.title = st.text(5);
  return l;
}

// A ticket's article: kTicketLinks.
model::ArticleLink article_link_from_row(Statement& st) {
  model::ArticleLink l = link_from_row(st);
  l.kind = stored_word<model::ArticleKind>(st.text(6));
  l.state = stored_word<model::ArticleState>(st.text(7));
  return l;
}

// An article's ticket: kArticleLinks.
model::ArticleLink ticket_link_from_row(Statement& st) {
  model::ArticleLink l = link_from_row(st);
  l.type = st.text(6);
  l.status = stored_word<model::Status>(st.text(7));
  return l;
}

const std::string& find_sql() {
  static const std::string sql = fmt::format(kFindArticle, kArticleColumns);
  return sql;
}
const std::string& find_by_uid_sql() {
  static const std::string sql = fmt::format(kFindArticleByUid, kArticleColumns);
  return sql;
}

}  // namespace

std::optional<model::Article> SqlKb::find_article(std::int64_t id) {
  return db_.guarded([&]() -> std::optional<model::Article> {
    auto& st = db_.statement(find_sql().c_str());
    st.bind(1, static_cast<int64_t>(id));
    if (!st.step()) return std::nullopt;
    return article_from_row(st);
  });
}

std::optional<model::Article> SqlKb::find_article_by_uid(std::string_view uid) {
  return db_.guarded([&]() -> std::optional<model::Article> {
    auto& st = db_.statement(find_by_uid_sql().c_str());
    st.bind(1, std::string(uid));
    if (!st.step()) return std::nullopt;
    return article_from_row(st);
  });
}

std::int64_t SqlKb::insert_article(const model::Article& a) {
  return db_.guarded([&] {
    auto& st = db_.statement(kInsertArticle);
    bind_article(st, a);
    std::int64_t id = st.run_returning_id();
    write_tags(id, a.tags);
    return id;
  });
}

void SqlKb::update_article(const model::Article& a) {
  db_.guarded([&] {
    auto& st = db_.statement(kUpdateArticle);
    bind_article(st, a);
    if (st.run() != 1) throw Refused(fmt::format("no article {}", a.id));
    write_tags(a.id, a.tags);
  });
}

void SqlKb::each_article(const model::ArticleFilter& f,
                         const std::function<bool(const model::Article&)>& row) {
  db_.guarded([&] {
    SqlQuery q = select_articles_sql(f);
    Statement st(db_.sql(), q.sql);
    st.bind_values(q.values);
    while (st.step())
      if (!row(article_from_row(st))) break;
  });
}

void SqlKb::save_version(std::int64_t article_id, const model::ArticleVersion& v) {
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
    bind_time(st, 22, a.published_at);
    bind_time(st, 23, a.retired_at);
    st.run();
  });
}

std::optional<model::ArticleVersion> SqlKb::find_version(std::int64_t article_id, int number) {
  return db_.guarded([&]() -> std::optional<model::ArticleVersion> {
    static const std::string sql = fmt::format(kFindVersion, kVersionColumns);
    auto& st = db_.statement(sql.c_str());
    st.bind(1, static_cast<int64_t>(article_id));
    st.bind(2, number);
    if (!st.step()) return std::nullopt;
    return version_from_row(st);
  });
}

std::vector<model::ArticleVersion> SqlKb::versions(std::int64_t article_id) {
  return db_.guarded([&] {
    static const std::string sql = fmt::format(kVersions, kVersionColumns);
    std::vector<model::ArticleVersion> out;
    auto& st = db_.statement(sql.c_str());
    st.bind(1, static_cast<int64_t>(article_id));
    while (st.step()) out.push_back(version_from_row(st));
    return out;
  });
}

bool SqlKb::link(const model::ArticleLink& l) {
  return db_.guarded([&] {
    auto& st = db_.statement(kLink);
    st.bind(1, static_cast<int64_t>(l.article_id));
    st.bind(2, static_cast<int64_t>(l.ticket_id));
    st.bind(3, static_cast<int64_t>(to_unix(l.linked_at)));
    st.bind(4, l.actor);
    return st.run() == 1;
  });
}

void SqlKb::mark_resolved(const model::ArticleLink& l) {
  db_.guarded([&] {
    auto& st = db_.statement(kMarkResolved);
    st.bind(1, static_cast<int64_t>(l.article_id));
    st.bind(2, static_cast<int64_t>(l.ticket_id));
    st.bind(3, static_cast<int64_t>(to_unix(l.linked_at)));
    st.bind(4, l.actor);
    bind_time(st, 5, l.resolved_at ? l.resolved_at : l.linked_at);
    st.run();
  });
}

std::vector<model::ArticleLink> SqlKb::ticket_links(std::int64_t ticket_id) {
  return links(kTicketLinks, ticket_id, article_link_from_row);
}

std::vector<model::ArticleLink> SqlKb::article_links(std::int64_t article_id) {
  return links(kArticleLinks, article_id, ticket_link_from_row);
}

void SqlKb::write_tags(std::int64_t id, const std::vector<std::string>& tags) {
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

std::vector<model::ArticleLink> SqlKb::links(const char* sql, std::int64_t id,
                                             model::ArticleLink (*read)(Statement&)) {
  return db_.guarded([&] {
    std::vector<model::ArticleLink> out;
    auto& st = db_.statement(sql);
    st.bind(1, static_cast<int64_t>(id));
    while (st.step()) out.push_back(read(st));
    return out;
  });
}

void each_stored_version(Connection& db,
                         const std::function<void(const model::ArticleVersion&)>& row) {
  Statement st(db,
               fmt::format("SELECT {} FROM kb_versions v JOIN kb_articles a ON a.id = "
                           "v.article_id ORDER BY v.article_id, v.version",
                           kVersionColumns),
               Rows::many);
  while (st.step()) row(version_from_row(st));
}

}  // namespace desk::store::sql
