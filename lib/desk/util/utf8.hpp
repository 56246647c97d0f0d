// Reading UTF-8 one code point at a time, for what splits or measures text
// by characters (widths, words): one decoder for all of them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace desk::util {

// The code point at s[i], advancing i past it; -1 for an invalid byte,
// advancing i by one.
std::int32_t next_code_point(std::string_view s, std::size_t& i);

}  // namespace desk::util
