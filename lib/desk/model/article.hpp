// Knowledge-base articles, their versions, their links to tickets and what a
// search finds: plain values passed between the store, the use cases (kb/)
// and the renderers.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "desk/core/time.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/util/words.hpp"

namespace desk::model {

// The fixed vocabularies (util/words.hpp), in the order help and errors
// list them.
enum class ArticleKind { how_to, faq, known_error };
constexpr std::array<std::string_view, 3> words_of(ArticleKind) {
  return {"how-to", "faq", "known-error"};
}
// draft → published → retired (kb/actions.hpp says which step leads where).
enum class ArticleState { draft, published, retired };
constexpr std::array<std::string_view, 3> words_of(ArticleState) {
  return {"draft", "published", "retired"};
}
// Where the permanent fix of a known error stands.
enum class FixStatus { open, in_progress, fixed, wont_fix };
constexpr std::array<std::string_view, 4> words_of(FixStatus) {
  return {"open", "in-progress", "fixed", "wont-fix"};
}
// What made a new version of an article.
enum class ArticleAction { created, edited, published, retired, imported };
constexpr std::array<std::string_view, 5> words_of(ArticleAction) {
  return {"created", "edited", "published", "retired", "imported"};
}

struct Article {
  std::int64_t id = 0;
  std::string uid;  // stable across stores; export and import match on it
  ArticleKind kind = ArticleKind::how_to;
  ArticleState state = ArticleState::draft;
  std::string title;
  std::string body;  // Markdown
  // Known errors: what the user sees, why, how to get going meanwhile, and
  // where the permanent fix stands. Empty (none) for other kinds.
  std::string symptom;
  std::string cause;
  std::string workaround;
  std::optional<FixStatus> fix_status;
  std::string category;
  std::string service;
  std::vector<std::string> tags;  // sorted, unique
  std::string author;
  int version = 1;
  Instant created_at{};
  Instant updated_at{};
  std::optional<Instant> published_at;
  std::optional<Instant> retired_at;

  // Derived by the store from links, not written by it.
  std::int64_t use_count = 0;  // tickets it resolved (desk resolve --kb)

  bool known_error() const { return kind == ArticleKind::known_error; }
};

// The article's content fields, by name: what versions record as changed,
// what `kb edit` compares. In the order they are shown.
inline const std::vector<std::string> kArticleContentFields = {
    "title",      "kind",     "body",    "symptom", "cause", "workaround",
    "fix_status", "category", "service", "tags",    "author"};

// One change to an article: the whole article as it was after it.
struct ArticleVersion {
  int number = 0;
  Instant at{};
  std::string actor;
  ArticleAction action = ArticleAction::created;
  std::vector<std::string> changed;  // field names, kArticleContentFields order, plus "state"
  std::string note;                  // why, when given
  Article article;
};

// An article and a ticket it helped with.
struct ArticleLink {
  std::int64_t article_id = 0;
  std::int64_t ticket_id = 0;
  Instant linked_at{};
  std::string actor;
  std::optional<Instant> resolved_at;  // set when it resolved the ticket
  // The other side's headline, filled in when listing: a ticket's articles
  // carry the article's title, kind and state; an article's tickets the
  // ticket's title, type and status.
  std::string title;
  std::optional<ArticleKind> kind;
  std::optional<ArticleState> state;
  std::string type;
  std::optional<Status> status;
};

// Byte ranges [first, second) of matched words in a text.
using TextMarks = std::vector<std::pair<std::size_t, std::size_t>>;

struct MarkedText {
  std::string text;
  TextMarks marks;
};

// What a search or a suggestion found, best first.
struct ArticleHit {
  Article article;
  double score = 0;       // relevance: higher is better; comparable within one search
  MarkedText title;       // the title with the matched words marked
  MarkedText snippet;     // a few words around the matches in the body or symptom...
  bool fragment = false;  // found only as part of longer words (the trigram index)
};

// What `kb list`, search and suggest select. Empty lists mean "any".
struct ArticleFilter {
  std::vector<ArticleState> states;
  std::vector<ArticleKind> kinds;
  std::vector<std::string> tags;  // every tag must be present
  std::vector<std::string> categories;
  std::vector<std::string> services;
  std::vector<std::string> authors;
  std::vector<std::string> sort;  // list: id, title, created, updated, uses; '-' for descending
  std::int64_t limit = 0;         // 0: no limit
};

}  // namespace desk::model
