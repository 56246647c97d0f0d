// [limits], and the sizes it (and [mail]) are written in.
#include <fmt/format.h>

#include "desk/config/sections.hpp"
#include "desk/util/strings.hpp"

namespace desk::config {

// "25MB", "512KB", "1GB" (powers of 1024), or a whole number of bytes.
std::int64_t size(const toml::node& n, const Reader& r, std::string_view what) {
  if (auto bytes = n.value<std::int64_t>(); bytes && n.is_integer()) {
    if (*bytes <= 0) r.fail(n, fmt::format("{} must be more than 0 bytes", what));
    return *bytes;
  }
  std::string text = r.string(n, what);
  std::string_view t = text;
  std::size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  std::string unit = util::to_lower_ascii(t.substr(digits));
  std::int64_t scale = unit == "kb" || unit == "k"   ? 1024
                       : unit == "mb" || unit == "m" ? 1024 * 1024
                       : unit == "gb" || unit == "g" ? 1024 * 1024 * 1024
                       : unit.empty()                ? 1
                                                     : 0;
  auto number = util::parse_int(t.substr(0, digits));
  if (scale == 0 || !number || *number <= 0 || *number > (std::int64_t{1} << 40) / scale)
    r.fail(n,
           fmt::format("{} must be a size such as \"25MB\", \"512KB\" or a number of bytes", what));
  return *number * scale;
}

std::string size_text(std::int64_t bytes) {
  if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + "MB";
  if (bytes % 1024 == 0) return std::to_string(bytes / 1024) + "KB";
  return std::to_string(bytes);
}

namespace {

// SQLite keeps a value of at most 1,000,000,000 bytes; a limit above that
// would promise what the store cannot hold.
constexpr std::int64_t kMostBytes = 1'000'000'000;

std::int64_t bytes_limit(const toml::node& n, const Reader& r, std::string_view key) {
  std::int64_t bytes = size(n, r, key);
  if (bytes > kMostBytes)
    r.fail(n, fmt::format("{} can be at most 1000000000 bytes (about 953MB)", key));
  return bytes;
}

}  // namespace

void read_limits(Config& c, const toml::table& t, const Reader& r) {
  r.only_keys(t, "[limits]", {"title", "text", "article"});
  if (const auto* n = t.get("title")) {
    std::int64_t chars = r.integer(*n, "title");
    if (chars < 1 || chars > 100000)
      r.fail(*n, "title must be a number of characters from 1 to 100000");
    c.limits.title = chars;
  }
  if (const auto* n = t.get("text")) c.limits.text = bytes_limit(*n, r, "text");
  if (const auto* n = t.get("article")) c.limits.article = bytes_limit(*n, r, "article");
}

void dump_limits(const Config& c, toml::table& root) {
  root.insert("limits", toml::table{{"title", c.limits.title},
                                    {"text", size_text(c.limits.text)},
                                    {"article", size_text(c.limits.article)}});
}

}  // namespace desk::config
