// What a person types into `desk kb search`, parsed into a small tree the
// store turns into its own query language (FTS5 MATCH expressions for
// SQLite). Parsing here, not in the store, means every backend reads the
// same syntax and a malformed search fails with the same message:
//
//   printer jam          both words (AND is implied)
//   print*               words starting with "print"
//   "paper jam"          the words in this order
//   vpn OR wifi          either
//   printer -laser       printer, but not laser (also: printer NOT laser)
//   (vpn OR wifi) drops  parentheses group
//
// AND, OR and NOT are operators only in capitals; in lower case they are
// words. Punctuation around a word is ignored ("printer." is "printer").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace desk::kb {

struct SearchQuery {
  enum class Op { term, all, any };
  Op op = Op::term;
  // term: a word or the words of a phrase, as typed (punctuation around it
  // removed); never empty.
  std::string text;
  bool phrase = false;  // "quoted": the words in this order
  bool prefix = false;  // word*: words starting with it
  // all: every one of `children` and none of `excluded`; any: one of `children`.
  std::vector<SearchQuery> children;
  std::vector<SearchQuery> excluded;
};

// At most this many words and phrases in one search.
inline constexpr std::size_t kMaxSearchTerms = 64;
// At most this many characters in one search, and parentheses at most this
// deep: the parser and every walk of the tree recurse once per level, and a
// search typed by a person never comes near either.
inline constexpr std::size_t kMaxSearchLength = 1000;
inline constexpr std::size_t kMaxSearchDepth = 32;

// Throws DataError (exit 65) naming the problem: an unbalanced quote or
// parenthesis, an operator without a word on each side, a search that only
// excludes, nothing to search for at all, too many words, too long a search,
// parentheses nested too deep.
SearchQuery parse_search(std::string_view text);

// Every term in q (excluded ones too), in order.
std::vector<const SearchQuery*> search_terms(const SearchQuery& q);

// The number of Unicode characters in UTF-8 text (invalid bytes count one).
std::size_t char_count(std::string_view s);

// The words of free text (a ticket's title and description), in order,
// lower-cased, without repeats: runs of letters, digits and marks.
std::vector<std::string> text_words(std::string_view text);

// The words of `text` worth looking up to suggest articles: text_words
// without those shorter than three characters and the commonest English,
// German, French, Spanish and Russian words ("the", "und", "не"), at most
// `max` of them, in order (the title's first).
std::vector<std::string> telling_words(std::string_view text, std::size_t max);

}  // namespace desk::kb
