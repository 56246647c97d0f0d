// Text as lines, for the parsers that read it line by line (a mail's quoted
// history, an article's front matter).
#pragma once

#include <string_view>
#include <vector>

namespace desk::util {

// The lines of `text` as views into it, without their "\n" or "\r\n"; text
// that ends with a line end has an empty last line.
std::vector<std::string_view> lines_of(std::string_view text);

}  // namespace desk::util
