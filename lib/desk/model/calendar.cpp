#include "desk/model/calendar.hpp"

#include <map>
#include <optional>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk::model {

namespace {

constexpr std::int64_t kDay = 86400;

bool is_real_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  int y, m, d;
  civil_from_days(days_from_civil(year, month, day), y, m, d);
  return y == year && m == month && d == day;
}

// A cursor over a config value.
struct Reader {
  std::string_view s;
  std::size_t i = 0;

  bool done() const { return i >= s.size(); }
  bool eat(char c) {
    if (done() || s[i] != c) return false;
    ++i;
    return true;
  }
  void skip_spaces() {
    while (!done() && s[i] == ' ') ++i;
  }
  // Between min_len and max_len digits.
  std::optional<int> digits(std::size_t min_len, std::size_t max_len) {
    std::size_t start = i;
    int v = 0;
    while (!done() && i - start < max_len && s[i] >= '0' && s[i] <= '9')
      v = v * 10 + (s[i++] - '0');
    if (i - start < min_len) return std::nullopt;
    return v;
  }
  // "H:MM" or "HH:MM" as minutes after midnight, up to 24:00.
  std::optional<int> clock_time() {
    auto h = digits(1, 2);
    if (!h || !eat(':')) return std::nullopt;
    auto m = digits(2, 2);
    if (!m || *h > 24 || *m > 59 || (*h == 24 && *m != 0)) return std::nullopt;
    return *h * 60 + *m;
  }
};

void validate_day(const std::string& calendar, int weekday, const std::vector<Window>& windows) {
  std::string_view key = kWeekdays[static_cast<std::size_t>(weekday)];
  for (std::size_t k = 0; k < windows.size(); ++k) {
    const Window& w = windows[k];
    if (w.start < 0 || w.end > 1440 || w.start >= w.end) {
      throw ConfigError(fmt::format("calendar {}: {} has an invalid window from minute {} to {}",
                                    util::quoted(calendar), key, w.start, w.end),
                        "a window lies between 00:00 and 24:00 and ends after it starts");
    }
    if (k == 0) continue;
    const Window& prev = windows[k - 1];
    if (w.start < prev.start) {
      throw ConfigError(fmt::format("calendar {}: {} lists {} before {}", util::quoted(calendar),
                                    key, format_window(prev), format_window(w)),
                        "list each day's windows in time order");
    }
    if (w.start < prev.end) {
      throw ConfigError(
          fmt::format("calendar {}: {} has overlapping windows {} and {}", util::quoted(calendar),
                      key, format_window(prev), format_window(w)),
          fmt::format("list each day's windows without overlaps, e.g. {} = "
                      "[\"08:00-12:00\", \"13:00-17:00\"]",
                      key));
    }
  }
}

std::int64_t nominal_seconds(const std::vector<Window>& windows) {
  std::int64_t total = 0;
  for (const Window& w : windows) total += (w.end - w.start) * 60;
  return total;
}

// The nominal length shared by most open weekdays; the longer on a tie.
std::int64_t standard_working_day(const std::array<std::vector<Window>, 7>& week) {
  std::map<std::int64_t, int> votes;
  for (const auto& windows : week) {
    std::int64_t length = nominal_seconds(windows);
    if (length > 0) ++votes[length];
  }
  std::int64_t best = 0;
  int best_votes = 0;
  for (const auto& [length, n] : votes) {  // ascending, so >= prefers the longer
    if (n >= best_votes) {
      best = length;
      best_votes = n;
    }
  }
  return best;
}

}  // namespace

Window parse_window(std::string_view text) {
  Reader r{util::trim(text)};
  auto start = r.clock_time();
  r.skip_spaces();
  bool dash = r.eat('-');
  r.skip_spaces();
  auto end = dash && start ? r.clock_time() : std::nullopt;
  if (!start || !end || !r.done() || *start == 1440) {
    throw ConfigError(
        fmt::format("invalid opening hours {}: expected HH:MM-HH:MM such as 09:00-17:00",
                    util::quoted(text)),
        "use the 24-hour clock; 24:00 may end a window, as in \"18:00-24:00\"");
  }
  if (*end <= *start) {
    throw ConfigError(fmt::format("opening hours {} end before they start", util::quoted(text)),
                      "split a window that crosses midnight into \"22:00-24:00\" on one day and "
                      "\"00:00-06:00\" on the next");
  }
  return Window{*start, *end};
}

Holiday parse_holiday(std::string_view text) {
  Reader r{util::trim(text)};
  Holiday h;
  std::optional<int> first = r.digits(2, 4);
  std::size_t first_len = r.i;
  bool dated = first_len == 4;  // YYYY-MM-DD rather than MM-DD
  std::optional<int> month, day;
  if (first && r.eat('-')) {
    if (dated) {
      h.year = *first;
      month = r.digits(2, 2);
      if (month && r.eat('-')) day = r.digits(2, 2);
    } else if (first_len == 2) {
      month = first;
      day = r.digits(2, 2);
    }
  }
  // A year is 0001 or later: year 0 means "every year" and cannot be typed.
  if (!day || !r.done() || (dated && h.year < 1) ||
      !is_real_date(dated ? h.year : 2000, *month, *day)) {
    throw ConfigError(
        fmt::format("invalid holiday {}: expected YYYY-MM-DD or MM-DD", util::quoted(text)),
        "\"2026-12-25\" closes that day only, \"12-25\" closes it every year");
  }
  h.month = *month;
  h.day = *day;
  return h;
}

std::string format_window(Window w) {
  return fmt::format("{:02}:{:02}-{:02}:{:02}", w.start / 60, w.start % 60, w.end / 60, w.end % 60);
}

std::int64_t working_day_seconds(const CalendarSpec& spec) {
  try {
    Zone::named(spec.timezone);
  } catch (const ConfigError& e) {
    throw ConfigError(fmt::format("calendar {}: {}", util::quoted(spec.name), e.what()), e.hint());
  }
  for (const Holiday& h : spec.holidays) {
    if ((h.year != 0 && h.year < 1) || !is_real_date(h.year == 0 ? 2000 : h.year, h.month, h.day)) {
      throw ConfigError(fmt::format("calendar {}: invalid holiday {:04}-{:02}-{:02}",
                                    util::quoted(spec.name), h.year, h.month, h.day),
                        "a holiday is a real date, or a month and day for every year");
    }
  }
  if (spec.always_open) return kDay;
  for (int wd = 0; wd < 7; ++wd) validate_day(spec.name, wd, spec.week[wd]);
  std::int64_t day = standard_working_day(spec.week);
  if (day == 0) {
    throw ConfigError(fmt::format("calendar {} has no opening hours", util::quoted(spec.name)),
                      "give it windows such as mon = [\"09:00-17:00\"], or use a 24x7 calendar");
  }
  return day;
}

}  // namespace desk::model
