// Text entering desk is UTF-8, checked once where it enters: arguments,
// standard input, the editor's file, imported files. Text that is not is
// refused, never repaired: a repair would store what nobody wrote, and the
// ticket's row, its events and `desk doctor` must all see the same bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace desk {

// Throws DataError (exit 65) when `text` is not UTF-8, naming `what`
// ("argument 2", "standard input", a file), the first bad byte, and its line
// and column (lines counted from `first_line`, for text read from a file).
void require_utf8(std::string_view text, std::string_view what, std::size_t first_line = 1);

}  // namespace desk
