#include "desk/kb/actions.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/kb/search.hpp"
#include "desk/model/article_history.hpp"
#include "desk/store/kb_store.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::kb {

namespace {

store::KbStore& kb_store(Session& s) {
  return s.store.kb();
}

bool contains(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

ArticleVersion save(Session& s, Article& a, model::ArticleAction action,
                    std::vector<std::string> changed, const std::string& note) {
  ArticleVersion v;
  v.number = a.version;
  v.at = s.now;
  v.actor = s.actor;
  v.action = action;
  v.changed = std::move(changed);
  v.note = clean_text(note);
  v.article = a;
  keep_version(s, v);
  return v;
}

// A body for a how-to or FAQ drafted from a ticket.
std::string drafted_body(const model::Ticket& t) {
  std::string out;
  auto section = [&](const char* heading, const std::string& text) {
    if (util::trim(text).empty()) return;
    if (!out.empty()) out += "\n\n";
    out += fmt::format("## {}\n\n{}", heading, text);
  };
  section("Problem", t.description);
  section("Workaround", t.workaround);
  section("Solution", t.resolution);
  return out;
}

void draft_from_ticket(Session& s, Article& a, const AddRequest& r, const model::Ticket& t) {
  if (a.title.empty() || util::trim(a.title).empty()) a.title = t.title;
  a.kind = r.kind.value_or(model::ArticleKind::known_error);
  if (a.known_error()) {
    a.symptom = r.symptom.value_or(t.description);
    a.workaround = r.workaround.value_or(t.workaround);
    if (a.body.empty()) a.body = t.resolution;
  } else if (a.body.empty()) {
    a.body = drafted_body(t);
  }
  a.category = r.category.value_or(t.category);
  a.service = r.service.value_or(t.service);
  for (const auto& tag : t.tags)
    if (!contains(a.tags, tag)) a.tags.push_back(tag);
  (void)s;
}

model::Event linked_event(Session& s, model::Ticket& t, const Article& a, Instant at) {
  model::Event e;
  e.kind = model::EventKind::linked;
  e.at = at;
  e.extra["article"] = a.id;
  return work::record(s, t, std::move(e));
}

// What check_article says of a symptom, cause, workaround or fix status on
// an article that is not a known error.
DataError not_a_known_error(model::ArticleKind kind) {
  return DataError(fmt::format("a {} has no symptom, cause, workaround or fix status", kind),
                   "only known errors have them: give --kind known-error, or leave them out");
}

}  // namespace

void keep_version(Session& s, const ArticleVersion& v) {
  kb_store(s).save_version(v.article.id, v);
  model::Event e;
  e.kind = model::EventKind::article_version;
  e.subject = fmt::format("article:{}", v.article.id);
  e.at = v.at;
  e.extra["version"] = model::version_record(v);
  work::record_subject(s, std::move(e));
}

void normalize_article(Article& a) {
  a.title = work::checked_title(a.title);
  a.body = clean_text(a.body);
  a.symptom = clean_text(a.symptom);
  a.cause = clean_text(a.cause);
  a.workaround = clean_text(a.workaround);
  a.category = std::string(util::trim(a.category));
  a.service = util::single_line(util::trim(a.service));
  a.tags = clean_tags(a.tags);
  if (a.known_error() && !a.fix_status) a.fix_status = model::FixStatus::open;
}

std::optional<model::FixStatus> typed_fix_status(model::ArticleKind kind, std::string_view text) {
  std::string_view word = util::trim(text);
  if (word.empty()) return std::nullopt;
  if (kind != model::ArticleKind::known_error) throw not_a_known_error(kind);
  return work::require_word<model::FixStatus>("fix status", word);
}

std::int64_t parse_article_id(std::string_view text) {
  std::string_view s = util::trim(text);
  auto id = util::parse_int(s);
  if (!id || *id <= 0)
    throw UsageError(fmt::format("invalid article id {}", util::quoted(text)),
                     "article ids are numbers such as 12; 'desk kb list' shows them");
  return *id;
}

Article require_article(Session& s, std::int64_t id) {
  auto a = kb_store(s).find_article(id);
  if (!a)
    throw Refused(fmt::format("no article {}", id), "'desk kb list --all' shows the articles");
  return *a;
}

void check_article(const Article& a, const config::Config& c) {
  if (a.title.empty()) throw DataError("the title must not be empty");
  work::require_title_size(c.limits, a.title);
  work::require_size("the article",
                     a.body.size() + a.symptom.size() + a.cause.size() + a.workaround.size(),
                     c.limits.article, "article");
  if (!a.known_error() &&
      (!a.symptom.empty() || !a.cause.empty() || !a.workaround.empty() || a.fix_status))
    throw not_a_known_error(a.kind);
  if (!a.category.empty()) work::require_one_of("category", a.category, c.tickets.categories);
  if (a.body.empty() && !(a.known_error() && !a.symptom.empty()))
    throw DataError("the article has no text",
                    a.known_error() ? "give its symptom with --symptom TEXT, or a body with -m"
                                    : "give the body with -m TEXT or on standard input");
}

Added add_article(Session& s, const AddRequest& r) {
  Article a;
  a.uid = new_uid();
  a.kind = r.kind.value_or(model::ArticleKind::how_to);
  a.title = r.title;
  a.body = r.body;
  a.symptom = r.symptom.value_or("");
  a.cause = r.cause.value_or("");
  a.workaround = r.workaround.value_or("");
  a.category = r.category.value_or("");
  a.service = r.service.value_or("");
  a.tags = r.tags;
  std::optional<model::Ticket> ticket;
  if (r.from_ticket) {
    ticket = work::require_ticket(s, *r.from_ticket);
    draft_from_ticket(s, a, r, *ticket);
  }
  a.fix_status = typed_fix_status(a.kind, r.fix_status.value_or(""));
  a.author = s.actor;
  a.state = model::ArticleState::draft;
  a.version = 1;
  a.created_at = a.updated_at = s.now;
  normalize_article(a);
  check_article(a, s.config);

  a.id = kb_store(s).insert_article(a);
  save(s, a, model::ArticleAction::created, {}, {});
  Added out{a, std::nullopt};
  if (ticket) {
    kb_store(s).link(
        {a.id, ticket->id, s.now, s.actor, std::nullopt, {}, std::nullopt, std::nullopt, {}, {}});
    out.linked = linked_event(s, *ticket, a, s.now);
  }
  return out;
}

std::optional<ArticleVersion> edit_article(Session& s, std::int64_t id, const EditRequest& r) {
  Article before = require_article(s, id);
  Article a = before;
  if (r.title) a.title = *r.title;
  if (r.kind) a.kind = *r.kind;
  if (r.body) a.body = *r.body;
  if (r.symptom) a.symptom = *r.symptom;
  if (r.cause) a.cause = *r.cause;
  if (r.workaround) a.workaround = *r.workaround;
  if (r.category) a.category = *r.category;
  if (r.service) a.service = *r.service;
  if (r.tags) a.tags = *r.tags;
  for (const auto& t : r.add_tags) a.tags.push_back(t);
  a.tags = clean_tags(a.tags);
  for (const auto& t : clean_tags(r.remove_tags))
    a.tags.erase(std::remove(a.tags.begin(), a.tags.end(), t), a.tags.end());
  if (r.fix_status)
    a.fix_status = typed_fix_status(a.kind, *r.fix_status);
  else if (r.kind && !a.known_error())
    a.fix_status.reset();  // a known error turned into another kind keeps no fix status
  normalize_article(a);
  check_article(a, s.config);
  std::vector<std::string> changed = article_differences(before, a);
  if (changed.empty()) return std::nullopt;
  a.version = before.version + 1;
  a.updated_at = s.now;
  kb_store(s).update_article(a);
  return save(s, a, model::ArticleAction::edited, std::move(changed), r.note);
}

ArticleVersion publish_article(Session& s, std::int64_t id, const std::string& note) {
  Article a = require_article(s, id);
  if (a.state == model::ArticleState::published)
    throw Refused(fmt::format("article {} is already published", id),
                  fmt::format("a published article can only be retired: 'desk kb retire {}'", id));
  if (a.known_error() && (a.symptom.empty() || a.workaround.empty()))
    throw Refused(
        fmt::format("cannot publish article {}: a known error needs a symptom and a "
                    "workaround",
                    id),
        fmt::format("add them with 'desk kb edit {} --symptom TEXT --workaround TEXT'", id));
  if (!a.known_error() && a.body.empty())
    throw Refused(fmt::format("cannot publish article {}: it has no body", id),
                  fmt::format("write it with 'desk kb edit {}'", id));
  a.state = model::ArticleState::published;
  a.published_at = s.now;
  a.retired_at.reset();
  a.version += 1;
  a.updated_at = s.now;
  kb_store(s).update_article(a);
  return save(s, a, model::ArticleAction::published, {"state"}, note);
}

ArticleVersion retire_article(Session& s, std::int64_t id, const std::string& note) {
  Article a = require_article(s, id);
  if (a.state == model::ArticleState::retired)
    throw Refused(
        fmt::format("article {} is already retired", id),
        fmt::format("a retired article can only be published again: 'desk kb publish {}'", id));
  a.state = model::ArticleState::retired;
  a.retired_at = s.now;
  a.version += 1;
  a.updated_at = s.now;
  kb_store(s).update_article(a);
  return save(s, a, model::ArticleAction::retired, {"state"}, note);
}

std::vector<ArticleVersion> article_history(Session& s, std::int64_t id) {
  require_article(s, id);
  return kb_store(s).versions(id);
}

ArticleVersion require_version(Session& s, std::int64_t id, int number) {
  Article a = require_article(s, id);
  auto v = kb_store(s).find_version(id, number);
  if (!v) {
    auto all = kb_store(s).versions(id);
    std::string have = all.empty() ? std::string("none")
                       : all.size() == 1
                           ? std::to_string(all.front().number)
                           : fmt::format("{} to {}", all.front().number, all.back().number);
    throw Refused(fmt::format("article {} has no version {}", id, number),
                  fmt::format("its versions here: {}; 'desk kb history {}' lists them", have, id));
  }
  v->article.use_count = a.use_count;
  return *v;
}

Linked link_article(Session& s, std::int64_t article_id, std::int64_t ticket_id,
                    std::optional<Instant> at) {
  Article a = require_article(s, article_id);
  model::Ticket t = work::require_ticket(s, ticket_id);
  Instant when = work::event_time(s, at, t.created_at);
  ArticleLink l{a.id, t.id, when, s.actor, std::nullopt, a.title, a.kind, a.state, {}, {}};
  Linked out{l, std::nullopt};
  if (kb_store(s).link(l)) out.event = linked_event(s, t, a, when);
  return out;
}

Article record_resolution(Session& s, std::int64_t article_id, std::int64_t ticket_id, Instant at) {
  require_article(s, article_id);
  work::require_ticket(s, ticket_id);
  kb_store(s).mark_resolved(
      {article_id, ticket_id, at, s.actor, at, {}, std::nullopt, std::nullopt, {}, {}});
  return require_article(s, article_id);
}

std::vector<ArticleLink> articles_for_ticket(Session& s, std::int64_t ticket_id) {
  return kb_store(s).ticket_links(ticket_id);
}

std::vector<ArticleLink> tickets_for_article(Session& s, std::int64_t article_id) {
  return kb_store(s).article_links(article_id);
}

void check_filter(const ArticleFilter& f) {
  static const std::vector<std::string> keys = {"id",      "title",   "kind",      "state",
                                                "created", "updated", "published", "uses"};
  for (const auto& key : f.sort) {
    std::string k = !key.empty() && key.front() == '-' ? key.substr(1) : key;
    if (!contains(keys, k))
      throw UsageError(
          fmt::format("cannot sort articles by {}", util::quoted(k)),
          fmt::format("sort by {}; '-' before a field reverses it", util::join(keys, ", ")));
  }
}

void each_article(Session& s, const ArticleFilter& f,
                  const std::function<bool(const Article&)>& row) {
  check_filter(f);
  kb_store(s).each_article(f, row);
}

std::vector<ArticleHit> search_articles(Session& s, std::string_view text, const ArticleFilter& f) {
  check_filter(f);
  SearchQuery q = parse_search(text);
  return kb_store(s).search(q, f);
}

std::vector<ArticleHit> suggest_articles(Session& s, std::int64_t ticket_id, std::int64_t limit) {
  model::Ticket t = work::require_ticket(s, ticket_id);
  // Looking a word up costs in proportion to the articles holding it, so a
  // long description is cut short; the store picks the rarest of these.
  std::vector<std::string> words = telling_words(t.title + "\n" + t.description, 32);
  ArticleFilter f;
  f.states = {model::ArticleState::published};
  f.limit = limit;
  return kb_store(s).suggest(words, f);
}

}  // namespace desk::kb
