// A business calendar as desk.toml states it: the opening hours of each
// weekday, the holidays and the zone. business_calendar.hpp counts business time
// with it; config/ reads and checks it.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "desk/core/time.hpp"

namespace desk::model {

// Minutes after local midnight; 0 <= start < end <= 1440.
struct Window {
  int start = 0;
  int end = 0;
};

// year 0: every year on that month and day.
struct Holiday {
  int year = 0;
  int month = 1;
  int day = 1;
};

// The weekdays as desk.toml names them, Monday first (the index of `week`).
inline constexpr std::array<std::string_view, 7> kWeekdays = {"mon", "tue", "wed", "thu",
                                                              "fri", "sat", "sun"};

struct CalendarSpec {
  std::string name;
  std::string timezone = "UTC";
  bool always_open = false;                 // a 24x7 calendar
  std::array<std::vector<Window>, 7> week;  // index 0 = Monday ... 6 = Sunday
  std::vector<Holiday> holidays;
};

// "09:00-17:00"; "24:00" may end a window; a one-digit hour ("9:00") is
// accepted. Throws ConfigError saying what was expected.
Window parse_window(std::string_view text);
// "2026-12-25" (that day) or "12-25" (every year). Throws ConfigError.
Holiday parse_holiday(std::string_view text);
// "09:00-17:00", the form parse_window reads, for messages.
std::string format_window(Window w);

// Checks the spec: a known zone, windows inside a day, in order and not
// overlapping (touching is fine), real holiday dates, and at least one
// window unless the calendar is 24x7 (a calendar that never opens would
// make every target unreachable). Throws ConfigError naming the calendar
// and, for windows, the day. Returns the "standard working day" that a
// target of "1d" means: the nominal (wall-clock) length of the weekday
// pattern shared by most open weekdays; on a tie, the longer. 8h for
// 09:00-17:00 Monday to Friday; 86400 for 24x7.
std::int64_t working_day_seconds(const CalendarSpec& spec);

}  // namespace desk::model
