#include "desk/kb/search.hpp"

#include <cstdlib>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <utf8proc.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"
#include "desk/util/utf8.hpp"

namespace desk::kb {

namespace {

// s without the punctuation and symbols around it: "(printer)." → "printer".
std::string_view strip_punctuation(std::string_view s) {
  std::size_t begin = 0, end = 0;
  bool found = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t at = i;
    if (util::word_code_point(util::next_code_point(s, i))) {
      if (!found) begin = at;
      found = true;
      end = i;
    }
  }
  return found ? s.substr(begin, end - begin) : std::string_view();
}

std::string lower(std::string_view s) {
  utf8proc_uint8_t* out = nullptr;
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                        static_cast<utf8proc_ssize_t>(s.size()), &out, options);
  if (n < 0) return std::string(s);
  std::string result(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

enum class Tok { word, lparen, rparen, op_and, op_or, op_not };

struct Token {
  Tok type;
  std::string text;
  bool phrase = false;
  bool prefix = false;
};

const char* const kSyntaxHint =
    "search for words ('printer jam'), a \"phrase\", print* for words starting with 'print', "
    "and AND, OR, NOT or -word between them";

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  SearchQuery parse() {
    // Checked before anything else, so that the message never quotes a
    // search this long.
    if (util::char_count(text_) > model::kMaxSearchLength)
      throw DataError(
          fmt::format("the search is longer than {} characters", model::kMaxSearchLength),
          "search for fewer words; the most telling ones rank best");
    lex();
    if (tokens_.empty())
      throw DataError(fmt::format("nothing to search for in {}", util::quoted(text_)), kSyntaxHint);
    SearchQuery q = parse_or();
    if (pos_ < tokens_.size()) fail_paren();  // only a stray ')' stops parse_or early
    if (search_terms(q).size() > model::kMaxSearchTerms)
      throw DataError(fmt::format("the search has more than {} words", model::kMaxSearchTerms),
                      "search for fewer words; the most telling ones rank best");
    return q;
  }

 private:
  [[noreturn]] void fail(const std::string& what, const std::string& hint = kSyntaxHint) const {
    throw DataError(fmt::format("{} in the search {}", what, util::quoted(text_)), hint);
  }
  [[noreturn]] void fail_paren() const {
    fail("unbalanced parenthesis", "close each '(' with ')', as in '(vpn OR wifi) drops'");
  }
  [[noreturn]] void fail_operator(const Token& op) const {
    std::string name = op.type == Tok::op_and ? "AND" : op.type == Tok::op_or ? "OR" : "NOT";
    if (op.type == Tok::op_not)
      fail(fmt::format("{} needs a word after it", util::quoted(name)),
           "write what to leave out after it, as in 'printer NOT laser'");
    fail(fmt::format("{} needs a word on each side", util::quoted(name)),
         fmt::format("as in 'vpn {} wifi'; to search for the word itself, write it in lower case",
                     name));
  }

  void lex() {
    std::size_t i = 0, open = 0;
    const std::string_view s = text_;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (i < s.size()) {
      char c = s[i];
      if (space(c)) {
        ++i;
      } else if (c == '(' || c == ')') {
        tokens_.push_back({c == '(' ? Tok::lparen : Tok::rparen, {}});
        open = c == '(' ? open + 1 : open > 0 ? open - 1 : 0;
        if (open > model::kMaxSearchDepth)
          fail(fmt::format("parentheses nested more than {} deep", model::kMaxSearchDepth),
               "group with fewer parentheses, as in '(vpn OR wifi) drops'");
        ++i;
      } else if (c == '"') {
        std::size_t close = s.find('"', i + 1);
        if (close == std::string_view::npos)
          fail("unbalanced quote", "close the phrase with '\"', as in '\"paper jam\"'");
        std::string_view inner = s.substr(i + 1, close - i - 1);
        i = close + 1;
        bool prefix = false;
        while (i < s.size() && s[i] == '*') prefix = true, ++i;
        add_term(inner, true, prefix);
      } else if (c == '-' && i + 1 < s.size() && (s[i + 1] == '(' || s[i + 1] == '"')) {
        tokens_.push_back({Tok::op_not, {}});
        ++i;
      } else {
        std::size_t end = i;
        while (end < s.size() && !space(s[end]) && s[end] != '(' && s[end] != ')' && s[end] != '"')
          ++end;
        word(s.substr(i, end - i));
        i = end;
      }
    }
  }

  void word(std::string_view w) {
    if (w == "AND") return tokens_.push_back({Tok::op_and, {}});
    if (w == "OR") return tokens_.push_back({Tok::op_or, {}});
    if (w == "NOT") return tokens_.push_back({Tok::op_not, {}});
    bool negated = w.size() > 1 && w.front() == '-';
    if (negated) w.remove_prefix(1);
    bool prefix = false;
    while (!w.empty() && w.back() == '*') prefix = true, w.remove_suffix(1);
    std::string_view core = strip_punctuation(w);
    if (core.empty()) return;  // a lone symbol: nothing to find
    if (negated) tokens_.push_back({Tok::op_not, {}});
    tokens_.push_back({Tok::word, std::string(core), false, prefix});
  }

  void add_term(std::string_view inner, bool phrase, bool prefix) {
    // Collapse the phrase's spacing; a phrase of punctuation alone is empty.
    std::string words;
    std::size_t i = 0;
    while (i < inner.size()) {
      while (i < inner.size() && (inner[i] == ' ' || inner[i] == '\t')) ++i;
      std::size_t end = inner.find_first_of(" \t", i);
      if (end == std::string_view::npos) end = inner.size();
      if (end > i) words += (words.empty() ? "" : " ") + std::string(inner.substr(i, end - i));
      i = end;
    }
    if (strip_punctuation(words).empty()) fail("an empty phrase \"\"");
    tokens_.push_back({Tok::word, words, phrase, prefix});
  }

  const Token* peek() const { return pos_ < tokens_.size() ? &tokens_[pos_] : nullptr; }

  bool at_end_of_group() const {
    const Token* t = peek();
    return t == nullptr || t->type == Tok::rparen || t->type == Tok::op_or;
  }

  SearchQuery parse_or() {
    std::vector<SearchQuery> branches;
    branches.push_back(parse_and());
    while (peek() && peek()->type == Tok::op_or) {
      const Token& op = tokens_[pos_++];
      if (at_end_of_group() || peek()->type == Tok::op_and) fail_operator(op);
      branches.push_back(parse_and());
    }
    if (branches.size() == 1) return std::move(branches.front());
    SearchQuery any;
    any.op = SearchQuery::Op::any;
    any.children = std::move(branches);
    return any;
  }

  SearchQuery parse_and() {
    SearchQuery all;
    all.op = SearchQuery::Op::all;
    std::size_t start = pos_;
    while (!at_end_of_group()) {
      const Token& t = *peek();
      if (t.type == Tok::op_and) {
        ++pos_;
        if (pos_ - 1 == start || at_end_of_group() || peek()->type == Tok::op_and) fail_operator(t);
        continue;
      }
      if (t.type == Tok::op_not) {
        ++pos_;
        if (at_end_of_group() || peek()->type == Tok::op_and || peek()->type == Tok::op_not)
          fail_operator(t);
        all.excluded.push_back(parse_atom());
        continue;
      }
      all.children.push_back(parse_atom());
    }
    if (all.children.empty() && all.excluded.empty()) {
      const Token* t = peek();
      if (t && t->type == Tok::op_or) fail_operator(*t);
      if (t && t->type == Tok::rparen && pos_ > 0 && tokens_[pos_ - 1].type == Tok::lparen)
        fail("empty parentheses '()'");
      fail_paren();
    }
    if (all.children.empty())
      throw DataError(
          fmt::format("the search {} leaves words out but looks for none", util::quoted(text_)),
          "add a word to look for, as in 'printer -laser'");
    if (all.children.size() == 1 && all.excluded.empty()) return std::move(all.children.front());
    return all;
  }

  SearchQuery parse_atom() {
    const Token& t = tokens_[pos_++];
    if (t.type == Tok::word) {
      SearchQuery q;
      q.text = t.text;
      q.phrase = t.phrase;
      q.prefix = t.prefix;
      return q;
    }
    if (t.type == Tok::lparen) {
      SearchQuery inner = parse_or();
      if (!peek() || peek()->type != Tok::rparen) fail_paren();
      ++pos_;
      return inner;
    }
    if (t.type == Tok::rparen) fail_paren();
    fail_operator(t);
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
};

// Words so common in their language that they say nothing about what a
// ticket is about, and would cost the most to look up.
const std::set<std::string, std::less<>>& stopwords() {
  static const std::set<std::string, std::less<>> words = {
      // English
      "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was",
      "one", "our", "out", "has", "him", "his", "how", "its", "may", "now", "see", "two", "way",
      "who", "did", "get", "let", "say", "she", "too", "use", "this", "that", "with", "have",
      "from", "they", "will", "would", "there", "their", "what", "about", "which", "when", "your",
      "then", "them", "been", "were", "said", "each", "into", "than", "some", "could", "does",
      "just", "also", "after", "before", "only", "other", "should", "these", "those", "very",
      "here", "where", "while", "because", "please", "thanks", "thank", "hello", "dear", "regards",
      // German
      "der", "die", "das", "und", "ist", "nicht", "mit", "ein", "eine", "einen", "dem", "den",
      "des", "auf", "für", "von", "sich", "bei", "nach", "wenn", "wird", "sind", "auch", "noch",
      // French
      "les", "des", "une", "est", "pas", "que", "qui", "pour", "dans", "sur", "avec", "mais",
      // Spanish
      "los", "las", "por", "con", "una", "del", "que", "para", "como", "pero",
      // Russian
      "и", "в", "не", "на", "что", "это", "как", "для", "при", "после", "если", "или", "так", "уже",
      "все", "всё", "его", "она", "они", "был", "была", "было", "мне", "меня", "нас"};
  return words;
}

}  // namespace

SearchQuery parse_search(std::string_view text) {
  return Parser(text).parse();
}

std::vector<std::string> text_words(std::string_view text) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    if (!util::word_code_point(util::next_code_point(text, i))) continue;
    std::size_t end = i;
    while (i < text.size()) {
      std::size_t at = i;
      if (!util::word_code_point(util::next_code_point(text, i))) {
        i = at;
        break;
      }
      end = i;
    }
    std::string w = lower(text.substr(start, end - start));
    if (seen.insert(w).second) out.push_back(std::move(w));
  }
  return out;
}

std::vector<std::string> telling_words(std::string_view text, std::size_t max) {
  std::vector<std::string> out;
  for (auto& w : text_words(text)) {
    if (out.size() == max) break;
    if (util::char_count(w) < 3 || stopwords().count(w)) continue;
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace desk::kb
