// TOML parsed by toml++, with a bound on how deep it nests. toml++ limits
// nested arrays and inline tables, but not dotted keys and table headers:
// "a.a.a…" with 50,000 parts is 50,000 nested tables, and toml++ recurses
// once per level until the stack runs out. Every TOML desk reads (desk.toml,
// article front matter, catalogue files) goes through here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <toml++/toml.h>

namespace desk::util {

// How deep tables and arrays may nest, counting each part of a dotted key
// and of a table header: far beyond any real file, far below the stack.
inline constexpr std::size_t kMaxTomlDepth = 64;

// toml::parse(text, source); throws toml::parse_error as toml++ does, with
// the position where the text first nests deeper than kMaxTomlDepth.
toml::table parse_toml(std::string_view text, const std::string& source);

}  // namespace desk::util
