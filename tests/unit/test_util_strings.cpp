// util::quoted and util::shortened: how every message echoes input.
#include <string>

#include <doctest/doctest.h>

#include "desk/util/strings.hpp"

using namespace desk::util;

TEST_SUITE("util/strings") {
  TEST_CASE("quoted: short input whole, in quotes, on one line") {
    CHECK(quoted("Europe/Lodnon") == "'Europe/Lodnon'");
    CHECK(quoted("") == "''");
    CHECK(quoted("two\nlines\x1b[2J") == "'two lines [2J'");
  }

  TEST_CASE("quoted: long input keeps its start and end around an ellipsis") {
    std::string big = "start" + std::string(10 * 1024 * 1024, 'x') + "end";
    std::string q = quoted(big, 20);
    CHECK(q == "'startxxxxx…xxxxxxxend'");
    CHECK(quoted(std::string(100, 'a')) == "'" + std::string(100, 'a') + "'");
    CHECK(quoted(std::string(101, 'a')) ==
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
}
