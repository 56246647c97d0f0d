// What the two shapes of import row share while they are parsed (internal to
// lib/desk/bulk/import*.cpp): errors that name the row's line, times, events.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "desk/bulk/import.hpp"
#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk::bulk {

[[noreturn]] void bad(std::size_t line, const std::string& what, const std::string& hint = {});

// Runs `f`, putting the row's line in front of any DataError it throws.
template <typename F>
auto at_line(std::size_t line, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const DataError& e) {
    std::string what = e.what();
    if (util::starts_with(what, "line ")) throw;
    throw DataError(fmt::format("line {}: {}", line, what), e.hint());
  }
}

// A JSON value as the file had it, for messages.
std::string json_text(const Json& v);

// `v` as a time (ISO 8601 or desk's forms); `key` names it in the error.
Instant time_value(const Json& v, std::string_view key, std::size_t line, const ParseContext& ctx);

model::Event make_event(model::EventKind kind, Instant at, const std::string& actor);

// The two shapes (import_history.cpp, import_other.cpp).
Parsed parse_history(const Row& row, const ParseContext& ctx);
Parsed parse_other(const Row& row, const ParseContext& ctx);

}  // namespace desk::bulk
