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

#include "desk/model/search_query.hpp"

namespace desk::kb {

using model::SearchQuery;

// Throws DataError (exit 65) naming the problem: an unbalanced quote or
// parenthesis, an operator without a word on each side, a search that only
// excludes, nothing to search for at all, too many words, too long a search,
// parentheses nested too deep.
SearchQuery parse_search(std::string_view text);

// The words of free text (a ticket's title and description), in order,
// lower-cased, without repeats: runs of letters, digits and marks.
std::vector<std::string> text_words(std::string_view text);

// The words of `text` worth looking up to suggest articles: text_words
// without those shorter than three characters and the commonest English,
// German, French, Spanish and Russian words ("the", "und", "не"), at most
// `max` of them, in order (the title's first).
std::vector<std::string> telling_words(std::string_view text, std::size_t max);

}  // namespace desk::kb
