// Text of a mail part to UTF-8. A labelled part is converted from its
// label; a part with no label (or a label its bytes contradict, as when
// "us-ascii" text holds 8-bit bytes) has its charset detected by uchardet,
// which tells the Russian charsets apart (KOI8-R and windows-1251 use the
// same letters at different byte values, and each is valid in the other).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace desk::mail {

// The charset uchardet sees in `bytes`, lower case ("koi8-r",
// "windows-1251", "utf-8", "ascii"), or "" when it cannot say.
std::string detect_charset(std::string_view bytes);

// `bytes` in `charset` (a MIME or iconv name) as UTF-8. strict: nullopt at
// the first byte that is not valid in it; otherwise such bytes become
// U+FFFD. Also nullopt for a charset iconv does not know.
std::optional<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset,
                                           bool strict);

struct Utf8Text {
  std::string text;
  std::string charset;    // what it was read as, lower case
  bool detected = false;  // guessed: the label was absent or wrong
};

// `s` with every byte that is not part of a UTF-8 character replaced by
// U+FFFD (as util::invalid_utf8 judges them): what GMime hands back from a
// header that lies about its charset can be anything.
std::string repair_utf8(std::string_view s);

// `bytes` of a text part labelled `label` ("" when unlabelled) as UTF-8,
// always: when nothing fits, undecodable bytes become U+FFFD.
Utf8Text text_to_utf8(std::string_view bytes, std::string_view label);

}  // namespace desk::mail
