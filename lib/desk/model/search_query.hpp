// A knowledge-base search as a small tree: what kb/search.cpp parses from
// what a person types, and what each store backend turns into its own query
// language (FTS5 MATCH expressions for SQLite).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace desk::model {

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

// Every term in q (excluded ones too), in order.
std::vector<const SearchQuery*> search_terms(const SearchQuery& q);

}  // namespace desk::model
