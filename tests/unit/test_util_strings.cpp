// The one cleaner of text printed for people, the check that text is UTF-8
// (issue 14), and util::quoted and util::shortened: how every message echoes input.
#include <string>

#include <doctest/doctest.h>

#include "desk/core/error.hpp"
#include "desk/core/text.hpp"
#include "desk/util/duration.hpp"
#include "desk/util/strings.hpp"

using namespace desk;
using namespace desk::util;

TEST_SUITE("util/strings") {
  TEST_CASE("quoted: short input whole, in quotes, on one line") {
    CHECK(util::quoted("Europe/Lodnon") == "'Europe/Lodnon'");
    CHECK(util::quoted("") == "''");
    CHECK(util::quoted("two\nlines\x1b[2J") == "'two lines [2J'");
  }

  TEST_CASE("quoted: long input keeps its start and end around an ellipsis") {
    std::string big = "start" + std::string(10 * 1024 * 1024, 'x') + "end";
    std::string q = util::quoted(big, 20);
    CHECK(q == "'startxxxxx…xxxxxxxend'");
    CHECK(util::quoted(std::string(100, 'a')) == "'" + std::string(100, 'a') + "'");
    CHECK(util::quoted(std::string(101, 'a')) ==
          "'" + std::string(50, 'a') + "…" + std::string(50, 'a') + "'");
  }

  TEST_CASE("quoted: never cuts a UTF-8 character in two") {
    std::string cyrillic;
    for (int i = 0; i < 40; ++i) cyrillic += "ж";  // two bytes each
    std::string q = quoted(cyrillic, 11);
    // 5 bytes of head become 4 (two letters), 6 of tail stay 6 (three).
    CHECK(q == "'жж…жжж'");
  }

  TEST_CASE("shortened: the same without quotes") {
    CHECK(shortened("abc", 10) == "abc");
    CHECK(shortened("abcdefghij", 4) == "ab…ij");
  }

  TEST_CASE("single_line: control characters, C1 and bad bytes never reach a terminal") {
    CHECK(single_line("plain text") == "plain text");
    CHECK(single_line("a\tb\nc\rd") == "a b c d");
    CHECK(single_line("\x1b]0;title\x07 \x1b[2J") == " ]0;title   [2J");
    CHECK(single_line("del\x7f") == "del ");
    CHECK(single_line("csi \xc2\x9b"
                      "31m") == "csi  31m");
    CHECK(single_line("nbsp \xc2\xa0 é 日本 \xf0\x9f\x96\xa8") ==
          "nbsp \xc2\xa0 é 日本 \xf0\x9f\x96\xa8");
    CHECK(single_line("bad \xff\xfe end") == "bad \xef\xbf\xbd\xef\xbf\xbd end");
    CHECK(single_line("cut \xe6\x97") == "cut \xef\xbf\xbd\xef\xbf\xbd");
  }

  TEST_CASE("multi_line: keeps lines, expands tabs, drops CR before LF") {
    CHECK(multi_line("one\ntwo\r\nthree\rfour") == "one\ntwo\nthree four");
    CHECK(multi_line("\tindented\x1b[2J") == "    indented [2J");
  }

  TEST_CASE("invalid_utf8 finds the first byte that is not UTF-8") {
    CHECK_FALSE(invalid_utf8("ascii, é, 日本, \xf0\x9f\x96\xa8").has_value());
    CHECK(invalid_utf8("bad \xff") == 4u);
    CHECK(invalid_utf8("\xc0\xaf") == 0u);          // overlong '/'
    CHECK(invalid_utf8("ok \xed\xa0\x80") == 3u);   // a surrogate
    CHECK(invalid_utf8("\xf4\x90\x80\x80") == 0u);  // past U+10FFFF
    CHECK(invalid_utf8("é\xe6\x97") == 2u);         // cut short
  }

  TEST_CASE("require_utf8 names where, the byte, the line and the column in characters") {
    try {
      require_utf8("first\nsé \x80", "standard input");
      FAIL("accepted");
    } catch (const DataError& e) {
      CHECK(std::string(e.what()) == "standard input is not UTF-8: byte 0x80 at line 2, column 4");
    }
    try {
      require_utf8("x\xff", "the title field", 7);
      FAIL("accepted");
    } catch (const DataError& e) {
      CHECK(std::string(e.what()) == "the title field is not UTF-8: byte 0xff at line 7, column 2");
    }
    CHECK_NOTHROW(require_utf8("Принтер", "x"));
  }

  TEST_CASE("parse_int reads whole decimal numbers only") {
    CHECK(parse_int("0") == 0);
    CHECK(parse_int("010") == 10);
    CHECK(parse_int("999999999999999999") == 999999999999999999);
    for (const char* bad :
         {"", "-1", "+1", "0x10", "1e3", " 1", "1 ", "1_000", "99999999999999999999"})
      CHECK_FALSE(parse_int(bad).has_value());
  }

  TEST_CASE("issue 14: a duration of many parts is refused, never overflows") {
    CHECK(parse_duration("1d12h") == 129600);
    CHECK(parse_duration("010m") == 600);
    std::string many;
    for (int i = 0; i < 300; ++i) many += "1000000000y";
    CHECK_FALSE(parse_duration(many).has_value());
    CHECK_FALSE(parse_duration("0x10m").has_value());
    CHECK_FALSE(parse_duration("99999999999999999999s").has_value());
  }

  TEST_CASE("fold: ASCII lowers only its letters, and other text loses case and accents") {
    std::string ascii, lowered;
    for (int c = 1; c < 128; ++c) {
      ascii += static_cast<char>(c);
      lowered += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    CHECK(fold(ascii) == lowered);
    CHECK(fold("Résumé") == "resume");
    CHECK(fold("RESUME") == "resume");
    CHECK(fold("Принтер") == "принтер");
    CHECK(contains_folded("Printer on FLOOR 3", "floor"));
    CHECK(contains_folded("Le résumé", "RESUME"));
    CHECK_FALSE(contains_folded("Printer", "scanner"));
  }
}
