// Generic string helpers; nothing here knows about desk.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace desk::util {

std::string_view trim(std::string_view s);
std::string to_lower_ascii(std::string_view s);
// Splits on `sep`, trimming each piece and dropping empty ones.
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
bool starts_with(std::string_view s, std::string_view prefix);

// Levenshtein distance, counting bytes; good enough for did-you-mean.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word`, if it is close enough to be a likely typo.
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates);

// The number of Unicode characters in UTF-8 text (invalid bytes count one).
std::size_t char_count(std::string_view s);
// Columns a string occupies on a terminal: CJK and emoji count two, combining
// marks none. Invalid UTF-8 bytes count one each.
std::size_t display_width(std::string_view s);
// The longest prefix of `s` that fits in `width` columns, with "…" appended
// when anything was cut.
std::string truncate_to_width(std::string_view s, std::size_t width);
// Text made safe for a terminal, the one cleaner of everything desk prints
// for people: control characters (C0, DEL, and C1 such as U+009B, which
// some terminals read as an escape) become spaces, and bytes that are not
// UTF-8 become U+FFFD. single_line also turns newlines and tabs into
// spaces, so a value cannot break a table row; multi_line keeps newlines
// (a CR before one is dropped) and turns a tab into four spaces.
std::string single_line(std::string_view s);
std::string multi_line(std::string_view s);

// The offset of the first byte where `s` stops being UTF-8 (overlong
// forms, surrogates and code points past U+10FFFF are not), or nullopt.
std::optional<std::size_t> invalid_utf8(std::string_view s);
// Text from outside (an argument, a value in a file, a path) as an error
// message quotes it: in single quotes, on one line, and when longer than
// `max` bytes, its start and end around "…", so that a 10 MB value cannot
// flood a terminal or a log. Every message that echoes input uses it.
std::string quoted(std::string_view s, std::size_t max = 100);
// The same without the quotes: for a whole message made elsewhere (CLI11's).
std::string shortened(std::string_view s, std::size_t max);

// A whole non-negative decimal number, or nothing. Inline: reports read a
// time from each of a million tickets' timeline marks.
inline std::optional<std::int64_t> parse_int(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace desk::util

namespace desk::util {

// Case- and accent-blind form of UTF-8 text for matching: "Résumé" and
// "RESUME" both fold to "resume", "Принтер" to "принтер".
std::string fold(std::string_view s);
// Whether `needle` appears in `haystack`, both folded.
bool contains_folded(std::string_view haystack, std::string_view needle);

// Whether a code point belongs in a word: a letter, a digit or a combining
// mark (what knowledge-base search and title similarity split words on).
bool word_code_point(std::int32_t cp);

}  // namespace desk::util
