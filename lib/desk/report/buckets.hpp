// Cutting a period into days, weeks or months of the configured zone (never
// UTC): a day runs from local midnight to local midnight, so it lasts 23 or
// 25 hours across a daylight-saving change; weeks start on Monday (as
// period.hpp's do), months on the 1st.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "desk/core/time.hpp"

namespace desk::report {

enum class Unit { day, week, month };

std::optional<Unit> parse_unit(std::string_view name);  // day | week | month
const char* unit_name(Unit u);

// The unit a period of this length reads best in: days up to 31 days, weeks
// up to 26 weeks, months beyond.
Unit default_unit(Instant since, Instant until);

struct Bucket {
  Instant since;      // inclusive
  Instant until;      // exclusive
  std::string label;  // "2026-11-23" (a day, or the day a week bucket starts), "2026-11"
};

// [since, until) cut at the unit's boundaries in `zone`; the first and the
// last bucket are shorter when the period does not start or end on one.
std::vector<Bucket> buckets(Instant since, Instant until, Unit unit, const Zone& zone);

// The bucket holding `t`, if any.
std::optional<std::size_t> bucket_of(const std::vector<Bucket>& buckets, Instant t);

// The longest span that divides the distance from the first bucket's start
// to every later bucket's start (at most a day): counting tickets per slot
// of that span from the start never splits a bucket. 1 for no buckets.
std::int64_t slot_seconds(const std::vector<Bucket>& buckets);

}  // namespace desk::report
