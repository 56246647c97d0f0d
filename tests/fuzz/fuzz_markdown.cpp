// libFuzzer target: Markdown rendered for a terminal (desk kb show) and
// search highlights. The first byte picks the style (colour, width,
// indent); the rest is the article's text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "desk/format/markdown_terminal.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t pick = data[0];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  desk::format::TerminalStyle style{(pick & 1) != 0, static_cast<std::size_t>(pick >> 2),
                                    static_cast<std::size_t>((pick >> 1) & 1) * 2};
  std::string shown = desk::format::markdown_to_terminal(text, style);
  // Without colour, nothing but text and line breaks reaches the terminal:
  // no escape, no other control character, whatever the article holds.
  if (!style.color)
    for (char c : shown) {
      auto u = static_cast<unsigned char>(c);
      if ((u < 0x20 && c != '\n') || u == 0x7f) __builtin_trap();
    }
  // A highlight of the same text at a few byte ranges, as search marks it.
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  for (std::size_t at = 0; at + 4 <= text.size() && marks.size() < 8; at += 1 + (text[at] & 31))
    marks.emplace_back(at, at + 3);
  desk::format::highlight(text, marks, true);
  return 0;
}
