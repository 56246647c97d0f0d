#include "desk/core/text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk {

void require_utf8(std::string_view text, std::string_view what, std::size_t first_line) {
  auto at = util::invalid_utf8(text);
  if (!at) return;
  std::string_view before = text.substr(0, *at);
  std::size_t line =
      first_line + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  std::size_t line_start = before.rfind('\n');
  std::string_view in_line =
      before.substr(line_start == std::string_view::npos ? 0 : line_start + 1);
  // Characters, not bytes: what comes before the bad byte is UTF-8, and
  // every character there has one byte that does not continue another.
  std::size_t column =
      1 + static_cast<std::size_t>(std::count_if(in_line.begin(), in_line.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }));
  throw DataError(fmt::format("{} is not UTF-8: byte 0x{:02x} at line {}, column {}", what,
                              static_cast<unsigned char>(text[*at]), line, column),
                  "desk keeps text in UTF-8; convert it first, as with 'iconv -f latin1 -t utf-8'");
}

}  // namespace desk
