// The new text of a reply, apart from the history it quotes. Mailers put
// the history below an attribution line; desk shows what the customer
// wrote now and keeps the rest (`desk show --full`). What counts as the
// start of the history, first match in the text:
//
//   Outlook      "-----Original Message-----" (and its translations), or a
//                "From:" line followed within a few lines by "Sent:" (with
//                the "____" rule above it, when there is one)
//   Gmail, Thunderbird, Apple Mail
//                "On <date>, <name> wrote:" (wrapped over up to three
//                lines, or translated: "schrieb:", "a écrit :", "пишет:")
//                followed by ">" lines and nothing unquoted after them
//   any          a last run of ">" lines at the end of the text
//
// A reply written between the quoted lines (bottom- or inline-posting)
// keeps everything as new text: hiding it would hide the answers. Text
// that starts with the history (a forward) is all new text.
#pragma once

#include <string>
#include <string_view>

namespace desk::mail {

struct QuoteSplit {
  std::string new_text;  // without trailing blank lines
  std::string quoted;    // from the attribution line on; "" when nothing is quoted
};

// `text` is UTF-8 with "\n" or "\r\n" line ends.
QuoteSplit split_quoted(std::string_view text);

}  // namespace desk::mail
