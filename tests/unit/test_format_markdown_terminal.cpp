// Markdown rendered for a terminal (desk kb show), and search highlights.
#include <string>

#include <doctest/doctest.h>

#include "desk/format/markdown_terminal.hpp"

using namespace desk::format;

namespace {

std::string plain(const std::string& md, std::size_t width = 40, std::size_t indent = 0) {
  return markdown_to_terminal(md, {false, width, indent});
}

std::string colored(const std::string& md) {
  return markdown_to_terminal(md, {true, 80, 0});
}

}  // namespace

TEST_SUITE("format markdown terminal") {
  TEST_CASE("headings are underlined without colour, bold with it") {
    CHECK(plain("# Title\n\n## Part\n\n### Small") == "Title\n=====\n\nPart\n----\n\nSmall\n");
    CHECK(colored("# Title") == "\x1b[1m\x1b[4mTitle\x1b[22m\x1b[24m\n");
    CHECK(colored("## Part") == "\x1b[1mPart\x1b[22m\n");
  }

  TEST_CASE("paragraphs are wrapped to the width, after the indent") {
    CHECK(plain("one two three four five six seven eight nine ten", 20) ==
          "one two three four\nfive six seven eight\nnine ten\n");
    CHECK(plain("one two three four five", 12, 2) == "  one two\n  three four\n  five\n");
    CHECK(plain("soft\nbreak", 40) == "soft break\n");
    CHECK(plain("hard  \nbreak", 40) == "hard\nbreak\n");
    CHECK(plain("no wrapping at all here", 0) == "no wrapping at all here\n");
  }

  TEST_CASE("lists: bullets, numbers, nesting") {
    CHECK(plain("- one\n- two\n  - nested\n- three") == "- one\n- two\n  - nested\n- three\n");
    CHECK(plain("3. three\n4. four") == "3. three\n4. four\n");
    CHECK(plain("- a long item that wraps onto a second line", 20) ==
          "- a long item that\n  wraps onto a\n  second line\n");
    CHECK(plain("- loose\n\n- list") == "- loose\n\n- list\n");
  }

  TEST_CASE("code: blocks indented and kept, spans in backticks or cyan") {
    CHECK(plain("Run:\n\n```\nvpn connect   office\n  --retry\n```\n") ==
          "Run:\n\n    vpn connect   office\n      --retry\n");
    CHECK(plain("Type `desk kb list` now") == "Type `desk kb list` now\n");
    CHECK(colored("Type `x`") == "Type \x1b[36mx\x1b[39m\n");
  }

  TEST_CASE("links show their text and URL, and emphasis is plain without colour") {
    CHECK(plain("See [the portal](https://portal.example.org).", 80) ==
          "See the portal (https://portal.example.org).\n");
    CHECK(plain("<https://x.example>", 80) == "https://x.example\n");
    CHECK(plain("*really* **important**") == "really important\n");
    CHECK(colored("*a* **b**") == "\x1b[3ma\x1b[23m \x1b[1mb\x1b[22m\n");
    CHECK(plain("![diagram](d.png)", 80) == "[image: diagram] (d.png)\n");
  }

  TEST_CASE("quotes and rules") {
    CHECK(plain("> quoted\n> text") == "> quoted text\n");
    CHECK(plain("a\n\n---\n\nb", 10) == "a\n\n----------\n\nb\n");
  }

  TEST_CASE("control characters cannot reach the terminal") {
    CHECK(plain("bad \x1b[31mred\x07 text") == "bad [31mred text\n");
    CHECK(plain("```\n\x1b[2J\n```") == "     [2J\n");
    CHECK(plain("c1 \xc2\x9b"
                "31m") == "c1 31m\n");
  }

  TEST_CASE("issue 14: nesting deeper than 16 levels is shown as plain text, not a crash") {
    auto repeat = [](const std::string& s, std::size_t n) {
      std::string out;
      for (std::size_t i = 0; i < n; ++i) out += s;
      return out;
    };
    // 100,000 block quotes: 16 of them shown, the rest is their text.
    CHECK(plain(repeat(">", 100000) + " deep **bold**", 0) == repeat("> ", 16) + "deep bold\n");
    // 50,000 nested lists.
    CHECK(plain(repeat("- ", 50000) + "x", 0) == repeat("- ", 16) + "x\n");
    // 25,000 levels of emphasis: the word, once.
    CHECK(plain(repeat("*", 50000) + "x" + repeat("*", 50000), 0) == "x\n");
    std::string shown = colored(repeat("*", 50000) + "x" + repeat("*", 50000));
    CHECK(shown.find('x') != std::string::npos);
    CHECK(shown.size() < 1000);
    // Within the limit nothing changes, and what lies deeper keeps its
    // paragraphs, one to a line.
    CHECK(plain(repeat("> ", 3) + "a", 0) == "> > > a\n");
    CHECK(plain(repeat(">", 20) + " one\n" + repeat(">", 20) + "\n" + repeat(">", 20) + " two",
                0) == repeat("> ", 16) + "one\n" + repeat("> ", 16) + "two\n");
  }

  TEST_CASE("highlight marks byte ranges only in colour") {
    CHECK(highlight("find the printer", {{9, 16}}, false) == "find the printer");
    CHECK(highlight("find the printer", {{9, 16}}, true) ==
          "find the \x1b[1m\x1b[33mprinter\x1b[39m\x1b[22m");
    CHECK(highlight("a\nb", {}, true) == "a b");
    CHECK(highlight("abc", {{2, 9}}, true) == "abc");
  }
}
