#include "desk/util/duration.hpp"

#include "desk/util/strings.hpp"

namespace desk::util {

namespace {
constexpr std::int64_t kMaxTotal = std::int64_t{1} << 60;
}  // namespace

std::optional<std::int64_t> parse_duration(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) return std::nullopt;
  if (auto plain = parse_int(s)) return plain;
  std::int64_t total = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    auto read = parse_int(s.substr(start, i - start));
    // A bound on each part and on the sum keeps any product in range.
    if (!read || *read > 1'000'000'000 || total > kMaxTotal || i == s.size()) return std::nullopt;
    std::int64_t n = *read;
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
  if (total > kMaxTotal) return std::nullopt;
  return total;
}

}  // namespace desk::util
