// Markdown for a terminal: what `desk kb show` prints. The text is parsed
// with libcmark and its tree walked, never matched with patterns:
//   headings        bold (level 1 also underlined); without colour,
//                   underlined with '=' or '-' (levels 1 and 2)
//   paragraphs      wrapped to the width
//   lists           "- " bullets and "1. " numbers, nested by indentation
//   code blocks     indented four spaces, never wrapped
//   block quotes    "> " before each line
//   links           their text, then the URL in parentheses
//   emphasis, code  italic/bold/cyan in colour; code keeps its `backticks`
//                   without colour
// Control characters in the text are replaced, so an article cannot drive
// the terminal. Nesting deeper than 16 levels is shown as plain text, so
// that no article, however deep, can exhaust the stack.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace desk::format {

struct TerminalStyle {
  bool color = false;      // ANSI attributes: only on a tty, never with NO_COLOR
  std::size_t width = 80;  // columns to wrap paragraphs to; 0: no wrapping
  std::size_t indent = 0;  // spaces before every line
};

std::string markdown_to_terminal(std::string_view markdown, const TerminalStyle& style);

// `text` with the byte ranges in `marks` in bold yellow when `color`, else
// as it is; control characters replaced by spaces.
std::string highlight(std::string_view text,
                      const std::vector<std::pair<std::size_t, std::size_t>>& marks, bool color);

}  // namespace desk::format
