// The arithmetic every report shares, so a rate or a change reads the same
// in each: percentages to one decimal, null when there is nothing to divide.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "desk/format/rows.hpp"
#include "desk/model/serialize.hpp"

namespace desk::report {

using format::Json;

// Rounded half away from zero to one decimal: 66.66 → 66.7, -12.25 → -12.3.
double round1(double v);

// 100 × part / whole to one decimal; null when whole is 0.
Json percent(std::int64_t part, std::int64_t whole);

// The change from `before` to `now` in percent of `before`, to one decimal;
// null when before is 0 (a change from nothing has no percentage).
Json change_percent(double now, double before);

// A number, or null for nothing.
Json number_or_null(std::optional<std::int64_t> v);
// A text, or null for nothing (model/serialize.hpp).
using model::text_or_null;

}  // namespace desk::report
