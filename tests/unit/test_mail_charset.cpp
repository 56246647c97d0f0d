// Text of mail parts to UTF-8: labelled charsets converted, unlabelled
// 8-bit text detected (KOI8-R told from windows-1251), nothing dropped.
#include <string>

#include <doctest/doctest.h>

#include "desk/mail/mime/charset.hpp"

using namespace desk::mail;

namespace {

const std::string kText =
    "Здравствуйте! Не могу войти в почту, пишет что пароль неверный. Помогите, пожалуйста.";
// The same sentence in KOI8-R and in windows-1251: every byte of one is a
// letter in the other, so only the language tells them apart.
const std::string kKoi8 =
    "\xfa\xc4\xd2\xc1\xd7\xd3\xd4\xd7\xd5\xca\xd4\xc5! \xee\xc5 \xcd\xcf\xc7\xd5 \xd7\xcf\xca\xd4"
    "\xc9 \xd7 \xd0\xcf\xde\xd4\xd5, \xd0\xc9\xdb\xc5\xd4 \xde\xd4\xcf \xd0\xc1\xd2\xcf\xcc\xd8 "
    "\xce\xc5\xd7\xc5\xd2\xce\xd9\xca. \xf0\xcf\xcd\xcf\xc7\xc9\xd4\xc5, \xd0\xcf\xd6\xc1\xcc\xd5"
    "\xca\xd3\xd4\xc1.";
const std::string kCp1251 =
    "\xc7\xe4\xf0\xe0\xe2\xf1\xf2\xe2\xf3\xe9\xf2\xe5! \xcd\xe5 \xec\xee\xe3\xf3 \xe2\xee\xe9\xf2"
    "\xe8 \xe2 \xef\xee\xf7\xf2\xf3, \xef\xe8\xf8\xe5\xf2 \xf7\xf2\xee \xef\xe0\xf0\xee\xeb\xfc "
    "\xed\xe5\xe2\xe5\xf0\xed\xfb\xe9. \xcf\xee\xec\xee\xe3\xe8\xf2\xe5, \xef\xee\xe6\xe0\xeb\xf3"
    "\xe9\xf1\xf2\xe0.";

}  // namespace

TEST_SUITE("mail/charset") {
  TEST_CASE("uchardet tells KOI8-R from windows-1251") {
    CHECK(detect_charset(kKoi8) == "koi8-r");
    CHECK(detect_charset(kCp1251) == "windows-1251");
  }

  TEST_CASE("a labelled part is read in its label") {
    Utf8Text koi = text_to_utf8(kKoi8, "KOI8-R");
    CHECK(koi.text == kText);
    CHECK(koi.charset == "koi8-r");
    CHECK_FALSE(koi.detected);
    Utf8Text latin = text_to_utf8(
        "Gr\xfc\xdf"
        "e",
        "iso-8859-1");
    CHECK(latin.text == "Grüße");
    CHECK(latin.charset == "iso-8859-1");
  }

  TEST_CASE("unlabelled 8-bit text is detected") {
    SUBCASE("KOI8-R") {
      Utf8Text t = text_to_utf8(kKoi8, "");
      CHECK(t.text == kText);
      CHECK(t.charset == "koi8-r");
      CHECK(t.detected);
    }
    SUBCASE("windows-1251") {
      Utf8Text t = text_to_utf8(kCp1251, "");
      CHECK(t.text == kText);
      CHECK(t.charset == "windows-1251");
      CHECK(t.detected);
    }
    SUBCASE("windows-1251 labelled us-ascii, as mailers write by default") {
      Utf8Text t = text_to_utf8(kCp1251, "us-ascii");
      CHECK(t.text == kText);
      CHECK(t.charset == "windows-1251");
      CHECK(t.detected);
    }
    SUBCASE("UTF-8 without a label is UTF-8") {
      Utf8Text t = text_to_utf8(kText, "");
      CHECK(t.text == kText);
      CHECK(t.charset == "utf-8");
    }
  }

  TEST_CASE("a label the bytes contradict gives way to detection") {
    // windows-1251 text sent as "utf-8": not valid UTF-8 at all.
    Utf8Text t = text_to_utf8(kCp1251, "utf-8");
    CHECK(t.text == kText);
    CHECK(t.charset == "windows-1251");
    CHECK(t.detected);
  }

  TEST_CASE("ASCII is ASCII, and keeps its label") {
    Utf8Text t = text_to_utf8("plain words", "");
    CHECK(t.text == "plain words");
    CHECK(t.charset == "us-ascii");
    CHECK_FALSE(t.detected);
  }

  TEST_CASE("an unknown label is detected around") {
    Utf8Text t = text_to_utf8(kKoi8, "x-no-such-charset");
    CHECK(t.text == kText);
    CHECK(t.charset == "koi8-r");
  }

  TEST_CASE("bytes no charset explains become U+FFFD, never vanish") {
    CHECK(convert_to_utf8("a\xff"
                          "b",
                          "utf-8", false)
              .value() ==
          "a\xef\xbf\xbd"
          "b");
    CHECK_FALSE(convert_to_utf8("a\xff"
                                "b",
                                "utf-8", true)
                    .has_value());
    CHECK_FALSE(convert_to_utf8("abc", "no-such-charset", false).has_value());
    // Cut off in the middle of a character.
    CHECK(convert_to_utf8("ok\xd0", "utf-8", false).value() == "ok\xef\xbf\xbd");
  }

  TEST_CASE("repair_utf8 replaces each stray byte, keeps the rest") {
    CHECK(repair_utf8("caf\xe9 ok") == "caf\xef\xbf\xbd ok");
    CHECK(repair_utf8("\xff\xfe") == "\xef\xbf\xbd\xef\xbf\xbd");
    CHECK(repair_utf8("Привет") == "Привет");
    CHECK(repair_utf8("") == "");
    // An overlong "/" is not UTF-8.
    CHECK(repair_utf8("\xc0\xaf") == "\xef\xbf\xbd\xef\xbf\xbd");
  }
}
