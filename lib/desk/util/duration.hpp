// Spans of real time written the way people write them: "10s", "5d", "1h30m".
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace desk::util {

// s, m, h, d (24 h), w (7 d), combined left to right ("1d12h"). A bare
// number is seconds. Nothing else, and no negatives.
std::optional<std::int64_t> parse_duration(std::string_view text);

}  // namespace desk::util
