// Similar ticket titles, for spotting repeat incidents (trends.hpp).
//
// A title's words: the title folded (case and accents, util::fold), cut at
// every character that is not a letter or a digit, less the stop-words
// (kStopWords: English function words and the filler of ticket titles such
// as "please", "issue", "not working"... see similarity.cpp), less words of
// one character and words of digits only (room numbers, dates, ticket ids);
// each word once, sorted.
//
// Two titles are similar when the Jaccard index of their words, |A ∩ B| /
// |A ∪ B|, is at least the threshold; a title without words is similar to
// nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace desk::report {

std::vector<std::string> title_words(std::string_view title);

// Of two sorted lists without repeats; 0 when both are empty.
double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b);

struct Titled {
  std::string group;  // only items of the same group are compared (the category)
  std::string title;
  std::size_t weight = 1;  // how many tickets the item stands for
};

// Items linked when in the same group with similar titles (jaccard >=
// threshold), gathered into connected groups (a chain of similar titles is
// one group) whose weights add up to at least `min_size`. Each group lists
// item indexes in ascending order; groups come ordered by their first index.
std::vector<std::vector<std::size_t>> similar_groups(const std::vector<Titled>& items,
                                                     double threshold, std::size_t min_size);

}  // namespace desk::report
