#include "desk/util/duration.hpp"

#include "desk/util/strings.hpp"

namespace desk::util {

std::optional<std::int64_t> parse_duration(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) return std::nullopt;
  if (auto plain = parse_int(s)) return plain;
  std::int64_t total = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    std::int64_t n = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (n > 1'000'000'000) return std::nullopt;
      n = n * 10 + (s[i++] - '0');
    }
    if (i == start || i == s.size()) return std::nullopt;
    switch (s[i++]) {
      case 's':
        total += n;
        break;
      case 'm':
        total += n * 60;
        break;
      case 'h':
        total += n * 3600;
        break;
      case 'd':
        total += n * 86400;
        break;
      case 'w':
        total += n * 7 * 86400;
        break;
      case 'y':
        total += n * 365 * 86400;
        break;
      default:
        return std::nullopt;
    }
  }
  return total;
}

}  // namespace desk::util
