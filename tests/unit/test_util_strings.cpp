// The one cleaner of text printed for people (issue 14).
#include <string>

#include <doctest/doctest.h>

#include "desk/util/strings.hpp"

using namespace desk;
using namespace desk::util;

TEST_SUITE("util/strings") {
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

}
