// The range of times desk accepts wherever it reads one (parse_time, the
// front matter of articles) and that reports hold stored times to.
#pragma once

#include <cstdint>

#include "desk/core/time.hpp"

namespace desk {

// 1971-01-01T00:00:00Z to 2199-12-31T23:59:59Z. Business calendars count
// from 1970 to 2201 and reports look back up to a year from a time, so every
// part of desk can handle these; a time before 1970 once made every later
// digest fail.
inline constexpr std::int64_t kEarliestUnix = 31'536'000;   // 1971-01-01T00:00:00Z
inline constexpr std::int64_t kLatestUnix = 7'258'118'399;  // 2199-12-31T23:59:59Z
inline constexpr const char* kSupportedRange = "1971-01-01 to 2199-12-31 UTC";

inline bool supported_time(Instant t) {
  return to_unix(t) >= kEarliestUnix && to_unix(t) <= kLatestUnix;
}

}  // namespace desk
