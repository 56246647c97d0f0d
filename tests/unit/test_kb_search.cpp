// Parsing what people type into `desk kb search`, and the words of a ticket
// for `desk kb suggest`.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "desk/core/error.hpp"
#include "desk/kb/search.hpp"
#include "desk/util/strings.hpp"

using namespace desk;
using namespace desk::kb;

namespace {

// A compact picture of the tree: words as is, "phrases" quoted, prefix*,
// all(...) with -excluded, any(...).
std::string show(const SearchQuery& q) {
  if (q.op == SearchQuery::Op::term)
    return (q.phrase ? "\"" + q.text + "\"" : q.text) + (q.prefix ? "*" : "");
  std::string out = q.op == SearchQuery::Op::all ? "all(" : "any(";
  bool first = true;
  for (const auto& c : q.children) {
    out += (first ? "" : " ") + show(c);
    first = false;
  }
  for (const auto& c : q.excluded) {
    out += (first ? "-" : " -") + show(c);
    first = false;
  }
  return out + ")";
}

std::string parsed(const char* text) {
  return show(parse_search(text));
}

// The message and hint of the DataError `text` raises ("" when none).
std::pair<std::string, std::string> error_of(const char* text) {
  try {
    parse_search(text);
  } catch (const DataError& e) {
    return {e.what(), e.hint()};
  }
  return {"", ""};
}

}  // namespace

TEST_SUITE("kb search") {
  TEST_CASE("words are all required, and punctuation around them is dropped") {
    CHECK(parsed("printer") == "printer");
    CHECK(parsed("printer jam") == "all(printer jam)");
    CHECK(parsed("  printer,   jam. ") == "all(printer jam)");
    CHECK(parsed("printer AND jam") == "all(printer jam)");
    CHECK(parsed("E-041") == "E-041");
    CHECK(parsed("Принтер") == "Принтер");
    CHECK(parsed("(résumé)") == "résumé");
  }

  TEST_CASE("prefixes and phrases") {
    CHECK(parsed("print*") == "print*");
    CHECK(parsed("print**") == "print*");
    CHECK(parsed("\"paper  jam\"") == "\"paper jam\"");
    CHECK(parsed("\"paper ja\"*") == "\"paper ja\"*");
    CHECK(parsed("\"paper jam\" tray") == "all(\"paper jam\" tray)");
  }

  TEST_CASE("OR, NOT, -word and groups") {
    CHECK(parsed("vpn OR wifi") == "any(vpn wifi)");
    CHECK(parsed("vpn wifi OR lan") == "any(all(vpn wifi) lan)");
    CHECK(parsed("printer -laser") == "all(printer -laser)");
    CHECK(parsed("printer NOT laser") == "all(printer -laser)");
    CHECK(parsed("printer -\"laser jet\"") == "all(printer -\"laser jet\")");
    CHECK(parsed("(vpn OR wifi) drops") == "all(any(vpn wifi) drops)");
    CHECK(parsed("drops -(vpn OR wifi)") == "all(drops -any(vpn wifi))");
    CHECK(parsed("and or not") == "all(and or not)");  // lower case: words
  }

  TEST_CASE("malformed searches say what is wrong") {
    struct Case {
      const char* text;
      const char* message;
    };
    const Case cases[] = {
        {"\"unbalanced", "unbalanced quote in the search '\"unbalanced'"},
        {"AND OR", "'AND' needs a word on each side in the search 'AND OR'"},
        {"printer OR", "'OR' needs a word on each side in the search 'printer OR'"},
        {"OR printer", "'OR' needs a word on each side in the search 'OR printer'"},
        {"printer AND", "'AND' needs a word on each side in the search 'printer AND'"},
        {"printer NOT", "'NOT' needs a word after it in the search 'printer NOT'"},
        {"*", "nothing to search for in '*'"},
        {"", "nothing to search for in ''"},
        {"-- ?!", "nothing to search for in '-- ?!'"},
        {"-laser", "the search '-laser' leaves words out but looks for none"},
        {"NOT laser", "the search 'NOT laser' leaves words out but looks for none"},
        {"(vpn", "unbalanced parenthesis in the search '(vpn'"},
        {"vpn)", "unbalanced parenthesis in the search 'vpn)'"},
        {"() vpn", "empty parentheses '()' in the search '() vpn'"},
        {"\"\" vpn", "an empty phrase \"\" in the search '\"\" vpn'"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      CHECK(error_of(c.text).first == c.message);
    }
    CHECK(error_of("\"unbalanced").second == "close the phrase with '\"', as in '\"paper jam\"'");
    CHECK(error_of("AND OR").second ==
          "as in 'vpn AND wifi'; to search for the word itself, write it in lower case");
  }

  TEST_CASE("too many words is refused") {
    std::string text;
    for (std::size_t i = 0; i <= model::kMaxSearchTerms; ++i) text += "w" + std::to_string(i) + " ";
    CHECK(error_of(text.c_str()).first == "the search has more than 64 words");
    text = "w";
    for (std::size_t i = 1; i < model::kMaxSearchTerms; ++i) text += " w" + std::to_string(i);
    CHECK(search_terms(parse_search(text)).size() == model::kMaxSearchTerms);
  }

  TEST_CASE("issue 14: parentheses nested too deep are refused, not a stack overflow") {
    std::string deep =
        std::string(model::kMaxSearchDepth, '(') + "x" + std::string(model::kMaxSearchDepth, ')');
    CHECK(parsed(deep.c_str()) == "x");
    deep = std::string(model::kMaxSearchDepth + 1, '(') + "x" +
           std::string(model::kMaxSearchDepth + 1, ')');
    CHECK(error_of(deep.c_str()).first ==
          "parentheses nested more than 32 deep in the search '" + deep + "'");
    // Groups side by side are not nested: "(a) (b) ..." is fine.
    std::string wide;
    for (std::size_t i = 0; i < model::kMaxSearchDepth + 5; ++i)
      wide += "(w" + std::to_string(i) + ") ";
    CHECK(search_terms(parse_search(wide)).size() == model::kMaxSearchDepth + 5);
  }

  TEST_CASE("issue 14: a search longer than the limit is refused without quoting it") {
    std::string huge = std::string(15000, '(') + "x" + std::string(15000, ')');
    CHECK(error_of(huge.c_str()) == std::pair<std::string, std::string>{
                                        "the search is longer than 1000 characters",
                                        "search for fewer words; the most telling ones rank best"});
    std::string longest(model::kMaxSearchLength, 'x');
    CHECK(parsed(longest.c_str()) == longest);
    // Characters, not bytes: 1000 Cyrillic letters are 2000 bytes.
    std::string cyrillic;
    for (std::size_t i = 0; i < model::kMaxSearchLength; ++i) cyrillic += "п";
    CHECK(parsed(cyrillic.c_str()) == cyrillic);
    CHECK(error_of((cyrillic + "п").c_str()).first == "the search is longer than 1000 characters");
  }

  TEST_CASE("search_terms lists excluded terms too") {
    auto q = parse_search("a (b OR \"c d\") -e");
    std::vector<std::string> texts;
    for (const auto* t : search_terms(q)) texts.push_back(t->text);
    CHECK(texts == std::vector<std::string>{"a", "b", "c d", "e"});
  }

  TEST_CASE("characters are counted, not bytes") {
    CHECK(util::char_count("abc") == 3);
    CHECK(util::char_count("при") == 3);
    CHECK(util::char_count("日本") == 2);
    CHECK(util::char_count("") == 0);
  }

  TEST_CASE("the telling words: no short or common ones, at most as many as asked") {
    CHECK(telling_words("The printer on floor 3 is jammed, and the tray shows E-041", 10) ==
          std::vector<std::string>{"printer", "floor", "jammed", "tray", "shows", "041"});
    CHECK(telling_words("Der Drucker und не печатает", 10) ==
          std::vector<std::string>{"drucker", "печатает"});
    CHECK(telling_words("alpha beta gamma delta", 2) == std::vector<std::string>{"alpha", "beta"});
  }

  TEST_CASE("a ticket's words: lower case, in order, once each") {
    CHECK(text_words("Printer on floor 3: PRINTER shows E-041!") ==
          std::vector<std::string>{"printer", "on", "floor", "3", "shows", "e", "041"});
    CHECK(text_words("Принтер не печатает, принтер") ==
          std::vector<std::string>{"принтер", "не", "печатает"});
    CHECK(text_words("Résumé") == std::vector<std::string>{"résumé"});
    CHECK(text_words(" ,;- ").empty());
  }
}
