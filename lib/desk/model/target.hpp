// SLA targets as people write them in desk.toml: "15m", "4h", "3d", "1w",
// "1h30m", "90".
#pragma once

#include <cstdint>
#include <string_view>

namespace desk::model {

struct CalendarSpec;

// Reads a target and returns business seconds.
//   m  minutes          h  hours
//   d  working days: working_day_seconds each (8h for a 09:00-17:00 office;
//      24h for a 24x7 calendar), so "1d" means "one business day" in any
//      calendar
//   w  working weeks: 7 days of 24h for a 24x7 calendar, otherwise 5 working
//      days; a desk's week is its working week, and 5 days is what "a week"
//      means for almost every office calendar, including ones open a few
//      hours on Saturday
// Units come largest first, each at most once, optionally separated by
// spaces ("1d 4h", the form desk prints spans in); a plain number means
// minutes. "0" is a valid target. Throws ConfigError("invalid target '…'")
// with a hint on anything else, including negatives, fractions, unknown or
// repeated units and a plain number mixed with units ("1h30").
//
// This form cannot see the calendar, so it takes working_day_seconds == 86400
// to mean 24x7. Prefer the CalendarSpec overload, which asks the calendar
// (model::working_day_seconds, and whether it is 24x7).
std::int64_t parse_target(std::string_view text, std::int64_t working_day_seconds);
std::int64_t parse_target(std::string_view text, const CalendarSpec& calendar);

}  // namespace desk::model
