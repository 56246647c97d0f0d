#include "desk/model/target.hpp"

#include <cctype>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/model/calendar.hpp"
#include "desk/util/strings.hpp"

namespace desk::model {

namespace {

constexpr std::int64_t kFullDay = 86400;
// Nine digits per number keep every product far from overflowing.
constexpr std::size_t kMaxDigits = 9;

[[noreturn]] void invalid(std::string_view text) {
  throw ConfigError(fmt::format("invalid target {}", util::quoted(text)),
                    "use minutes (90) or units largest first: 15m, 4h, 1h30m, 3d (working days), "
                    "1w (working weeks)");
}

struct Units {
  std::int64_t day = 0;
  std::int64_t week = 0;
};

// Seconds per unit, and its rank (units must come largest first).
std::optional<std::pair<std::int64_t, int>> unit(char c, const Units& units) {
  switch (c) {
    case 'w':
      return std::pair{units.week, 4};
    case 'd':
      return std::pair{units.day, 3};
    case 'h':
      return std::pair{std::int64_t{3600}, 2};
    case 'm':
      return std::pair{std::int64_t{60}, 1};
    default:
      return std::nullopt;
  }
}

std::int64_t parse(std::string_view text, const Units& units) {
  std::string_view s = text;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty()) invalid(text);
  std::int64_t total = 0;
  int last_rank = 5;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    std::int64_t n = 0;
    while (i < s.size() && i - start < kMaxDigits && s[i] >= '0' && s[i] <= '9') {
      n = n * 10 + (s[i++] - '0');
    }
    if (i == start) invalid(text);
    if (i == s.size() && start == 0) return n * 60;  // a plain number: minutes
    auto u = i < s.size() ? unit(s[i], units) : std::nullopt;
    if (!u || u->second >= last_rank) invalid(text);
    total += n * u->first;
    last_rank = u->second;
    ++i;
    while (i < s.size() && s[i] == ' ') ++i;
  }
  return total;
}

}  // namespace

std::int64_t parse_target(std::string_view text, std::int64_t working_day_seconds) {
  bool round_the_clock = working_day_seconds == kFullDay;
  return parse(text, Units{working_day_seconds, (round_the_clock ? 7 : 5) * working_day_seconds});
}

std::int64_t parse_target(std::string_view text, const CalendarSpec& calendar) {
  std::int64_t day = working_day_seconds(calendar);
  return parse(text, Units{day, (calendar.always_open ? 7 : 5) * day});
}

}  // namespace desk::model
