// The knowledge base's use cases. Those that write run inside the caller's
// store::WriteTransaction, check everything before they write, and record
// every change to an article as a new version.
//
// States: draft → published → retired. A draft may also be retired
// (withdrawn), and a retired article published again. A retired article
// stays readable and linked, but is never suggested.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "desk/kb/article.hpp"
#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::kb {

using work::Session;

// An article id as typed: "12".
std::int64_t parse_article_id(std::string_view text);
// The article, or Refused "no article N".
Article require_article(Session& s, std::int64_t id);

// Cleans an article the way every write does: the title to one line, the
// texts through clean_text, the tags through clean_tags, and a known
// error's fix status "open" when it has none. Throws DataError for an empty
// title or a bad tag.
void normalize_article(Article& a);

// Throws DataError unless `a` is a valid article for the configuration: a
// title; known-error fields only on known errors; a category from
// [tickets].categories; some content.
void check_article(const Article& a, const config::Config& c);

// A fix status as typed for an article of `kind`, trimmed; none when blank
// (a known error's is then "open"). For a known error, DataError "unknown
// fix status 'x'" unless it is a word of FixStatus; for another kind,
// whatever the word, the DataError check_article gives for known-error
// fields on it.
std::optional<model::FixStatus> typed_fix_status(model::ArticleKind kind, std::string_view text);

struct AddRequest {
  std::string title;                       // may be empty with from_ticket: the ticket's title
  std::optional<model::ArticleKind> kind;  // default: how-to; known-error with from_ticket
  std::string body;
  std::optional<std::string> symptom, cause, workaround;
  std::optional<std::string> fix_status;  // as typed: typed_fix_status reads it
  std::optional<std::string> category, service;
  std::vector<std::string> tags;
  // Draft from this ticket: its title, its description as the symptom, its
  // workaround, its resolution as the body, its category, service and tags
  // (what the request gives wins), and link the two.
  std::optional<std::int64_t> from_ticket;
};

struct Added {
  Article article;
  std::optional<model::Event> linked;  // the event on the ticket drafted from
};

// A new draft, version 1, written by the session's actor.
Added add_article(Session& s, const AddRequest& r);

struct EditRequest {
  std::optional<std::string> title;
  std::optional<model::ArticleKind> kind;
  std::optional<std::string> body, symptom, cause, workaround, category, service;
  std::optional<std::string> fix_status;         // as typed: typed_fix_status reads it
  std::optional<std::vector<std::string>> tags;  // replaces every tag
  std::vector<std::string> add_tags, remove_tags;
  std::string note;  // why; kept with the version

  bool empty() const {
    return !title && !kind && !body && !symptom && !cause && !workaround && !fix_status &&
           !category && !service && !tags && add_tags.empty() && remove_tags.empty();
  }
};

// A new version with the changes; nullopt (nothing written) when every
// value given is already the article's.
std::optional<ArticleVersion> edit_article(Session& s, std::int64_t id, const EditRequest& r);

// draft or retired → published. A known error needs a symptom and a
// workaround, other kinds a body. Refused otherwise, naming what is allowed.
ArticleVersion publish_article(Session& s, std::int64_t id, const std::string& note = {});
// draft or published → retired.
ArticleVersion retire_article(Session& s, std::int64_t id, const std::string& note = {});

// Every version of an article, oldest first (Refused for an unknown article).
std::vector<ArticleVersion> article_history(Session& s, std::int64_t id);

// The article as it was at version `number` (Refused when there is none).
ArticleVersion require_version(Session& s, std::int64_t id, int number);

// Stores version `v` of its article and records it as an "article-version"
// event about the article (model/article_history.hpp), which the audit
// chain covers and desk doctor checks the rows against. Every new version
// goes through here: add, edit, publish, retire and import.
void keep_version(Session& s, const ArticleVersion& v);

struct Linked {
  ArticleLink link;
  std::optional<model::Event> event;  // the ticket's "linked" event; none when already linked
};

// `desk kb link ARTICLE TICKET`: records the link and a "linked" event
// (with "article": id) in the ticket's history. Linking twice changes
// nothing.
Linked link_article(Session& s, std::int64_t article_id, std::int64_t ticket_id,
                    std::optional<Instant> at = std::nullopt);

// `desk resolve TICKET --kb ARTICLE`: records that the article resolved the
// ticket at `at`, so the ticket counts in the article's use count and its
// resolved tickets; links the two when they were not. Runs in the caller's
// WriteTransaction and writes no ticket event: the resolve event should
// carry "article": id. Refused for an unknown article or ticket. Returns the
// article with its new use count.
Article record_resolution(Session& s, std::int64_t article_id, std::int64_t ticket_id, Instant at);

// The articles linked to a ticket (title, kind, state; resolved_at when it
// resolved it), oldest link first: `desk show`.
std::vector<ArticleLink> articles_for_ticket(Session& s, std::int64_t ticket_id);

// The tickets an article is linked to (title, type and status), oldest link
// first: `desk kb show`.
std::vector<ArticleLink> tickets_for_article(Session& s, std::int64_t article_id);

// Checks a filter's sort keys (UsageError). Its states and kinds are words
// of their vocabularies already, read where they were typed.
void check_filter(const ArticleFilter& f);

// `desk kb list`: streams the articles `f` selects (checked), in its order,
// until `row` returns false.
void each_article(Session& s, const ArticleFilter& f,
                  const std::function<bool(const Article&)>& row);

// `desk kb search`: parses `text` (kb/search.hpp; DataError when malformed).
std::vector<ArticleHit> search_articles(Session& s, std::string_view text, const ArticleFilter& f);
// `desk kb suggest`: the published articles most like the ticket's title and
// description, best first, at most `limit`.
std::vector<ArticleHit> suggest_articles(Session& s, std::int64_t ticket_id, std::int64_t limit);

}  // namespace desk::kb
