#include "desk/report/similarity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include <utf8proc.h>

#include "desk/util/strings.hpp"

namespace desk::report {

namespace {

// Words that say nothing about what a ticket is about.
const std::unordered_set<std::string_view>& stop_words() {
  static const std::unordered_set<std::string_view> words = {
      "a",       "about",  "after", "again",   "all",      "also",    "am",      "an",    "and",
      "any",     "are",    "as",    "at",      "be",       "been",    "before",  "but",   "by",
      "can",     "cannot", "cant",  "could",   "did",      "do",      "does",    "doesn", "doesnt",
      "don",     "dont",   "for",   "from",    "get",      "getting", "has",     "have",  "he",
      "help",    "her",    "his",   "how",     "i",        "if",      "im",      "in",    "into",
      "is",      "isn",    "isnt",  "issue",   "issues",   "it",      "its",     "just",  "me",
      "my",      "need",   "needs", "no",      "not",      "now",     "of",      "on",    "or",
      "our",     "please", "pls",   "problem", "problems", "she",     "since",   "so",    "some",
      "still",   "that",   "the",   "their",   "them",     "there",   "they",    "this",  "to",
      "too",     "urgent", "us",    "very",    "was",      "we",      "were",    "what",  "when",
      "where",   "which",  "while", "why",     "will",     "with",    "without", "won",   "wont",
      "working", "would",  "you",   "your"};
  return words;
}

bool ascii_only(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool ascii_word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

void keep(std::string& word, std::size_t code_points, std::vector<std::string>& out) {
  bool digits = std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (code_points > 1 && !digits && stop_words().count(word) == 0) out.push_back(word);
  word.clear();
}

// Indexes of signatures, grouped into sets that share a root.
struct Sets {
  std::vector<std::size_t> parent;
  explicit Sets(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t root(std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void join(std::size_t a, std::size_t b) {
    a = root(a);
    b = root(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// The fewest words two sets must share for a Jaccard index of `t`, when one
// of them has `n` words: the shorter prefix filter.
std::size_t prefix_length(std::size_t n, double t) {
  auto need = static_cast<std::size_t>(std::ceil(t * static_cast<double>(n) - 1e-9));
  return n - std::min(n, need) + 1;
}

}  // namespace

std::vector<std::string> title_words(std::string_view title) {
  std::string folded = ascii_only(title) ? util::to_lower_ascii(title) : util::fold(title);
  std::vector<std::string> out;
  std::string word;
  std::size_t code_points = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(folded.size());
  while (left > 0) {
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t n = *p < 0x80 ? 1 : utf8proc_iterate(p, left, &cp);
    if (n <= 0) n = 1;  // invalid UTF-8: a separator
    bool letter = *p < 0x80 ? ascii_word_char(*p) : util::word_code_point(cp);
    if (letter) {
      word.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
      ++code_points;
    } else if (!word.empty()) {
      keep(word, code_points, out);
      code_points = 0;
    }
    p += n;
    left -= n;
  }
  if (!word.empty()) keep(word, code_points, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return 0.0;
  std::size_t common = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    int c = i->compare(*j);
    if (c == 0) {
      ++common;
      ++i;
      ++j;
    } else if (c < 0) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::vector<std::vector<std::size_t>> similar_groups(const std::vector<Titled>& items,
                                                     double threshold, std::size_t min_size) {
  // Distinct titles first: a million tickets hold far fewer different titles.
  struct Signature {
    std::string group;
    std::vector<std::string> words;
  };
  std::vector<Signature> signatures;
  std::map<std::pair<std::string, std::vector<std::string>>, std::size_t> by_words;
  std::unordered_map<std::string, std::size_t> by_title;  // group \0 title → signature
  std::vector<std::size_t> signature_of(items.size(), SIZE_MAX);
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string key = items[i].group + '\0' + items[i].title;
    auto found = by_title.find(key);
    if (found == by_title.end()) {
      auto words = title_words(items[i].title);
      std::size_t sig = SIZE_MAX;
      if (!words.empty()) {
        auto [it, added] = by_words.try_emplace({items[i].group, words}, signatures.size());
        if (added) signatures.push_back({items[i].group, std::move(words)});
        sig = it->second;
      }
      found = by_title.emplace(std::move(key), sig).first;
    }
    signature_of[i] = found->second;
  }

  // Similar signatures within each group: prefix filtering on words ordered
  // rarest first, so only pairs sharing a rare word are ever compared.
  Sets sets(signatures.size());
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t s = 0; s < signatures.size(); ++s) groups[signatures[s].group].push_back(s);
  std::vector<std::size_t> seen(signatures.size(), SIZE_MAX);
  for (const auto& [group, members] : groups) {
    std::unordered_map<std::string, std::size_t> frequency;
    for (auto s : members)
      for (const auto& w : signatures[s].words) ++frequency[w];
    std::unordered_map<std::string, std::vector<std::size_t>> postings;
    for (auto s : members) {
      std::vector<const std::string*> ordered;
      for (const auto& w : signatures[s].words) ordered.push_back(&w);
      std::sort(ordered.begin(), ordered.end(), [&](const std::string* a, const std::string* b) {
        auto fa = frequency[*a], fb = frequency[*b];
        return fa != fb ? fa < fb : *a < *b;
      });
      std::size_t prefix = prefix_length(ordered.size(), threshold);
      for (std::size_t k = 0; k < prefix && k < ordered.size(); ++k) {
        auto& list = postings[*ordered[k]];
        for (auto other : list) {
          if (seen[other] == s) continue;
          seen[other] = s;
          if (sets.root(other) == sets.root(s)) continue;
          if (jaccard(signatures[s].words, signatures[other].words) >= threshold - 1e-12)
            sets.join(s, other);
        }
        list.push_back(s);
      }
    }
  }

  std::map<std::size_t, std::vector<std::size_t>> by_root;
  std::map<std::size_t, std::size_t> weight;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (signature_of[i] != SIZE_MAX) {
      std::size_t root = sets.root(signature_of[i]);
      by_root[root].push_back(i);
      weight[root] += items[i].weight;
    }
  std::vector<std::vector<std::size_t>> out;
  for (auto& [root, list] : by_root)
    if (weight[root] >= min_size) out.push_back(std::move(list));
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.front() < b.front(); });
  return out;
}

}  // namespace desk::report
