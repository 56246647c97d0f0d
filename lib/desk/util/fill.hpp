// Filling words into lines of a terminal's width, for text people read:
// Markdown paragraphs (format/markdown_terminal) and a ticket's free text
// in `desk show`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace desk::util {

// Columns a string takes on screen, not counting SGR escapes (colour).
std::size_t visible_width(std::string_view s);

// The words of `text` filled into lines of at most `width` columns, each
// ending in '\n': the first line starts with `first`, the others with
// `rest`. A newline in `text` ends a line (so blank lines stay); a word
// longer than a line gets a line of its own. Runs of spaces become one.
// `width` 0: lines are not filled, only ended at the newlines.
std::string fill(std::string_view text, std::size_t width, std::string_view first,
                 std::string_view rest);

}  // namespace desk::util
