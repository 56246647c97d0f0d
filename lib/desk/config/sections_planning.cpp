// [planning]: the defaults of the staffing forecast (desk report staffing).
#include <fmt/format.h>

#include "desk/config/sections.hpp"

namespace desk::config {

namespace {

int percent(const toml::node& n, const Reader& r, std::string_view key, int low, int high) {
  std::int64_t v = r.integer(n, key);
  if (v < low || v > high)
    r.fail(n, fmt::format("{} must be a percentage from {} to {}", key, low, high));
  return static_cast<int>(v);
}

}  // namespace

void read_planning(Config& c, const toml::table& t, const Reader& r) {
  r.only_keys(t, "[planning]", {"handle_time", "shrinkage", "target", "within"});
  Planning& p = c.planning;
  if (const auto* n = t.get("handle_time")) {
    p.handle_time_seconds = r.duration(*n, "handle_time");
    if (p.handle_time_seconds <= 0 || p.handle_time_seconds > 86400)
      r.fail(*n, "handle_time must be more than 0 and at most a day");
  }
  // Shrinkage of 100% would leave nobody on tickets however many are rostered.
  if (const auto* n = t.get("shrinkage")) p.shrinkage = percent(*n, r, "shrinkage", 0, 95);
  if (const auto* n = t.get("target")) p.target = percent(*n, r, "target", 1, 99);
  if (const auto* n = t.get("within")) {
    p.within_seconds = r.duration(*n, "within");
    if (p.within_seconds > 7 * 86400) r.fail(*n, "within must be at most a week");
  }
}

void dump_planning(const Config& c, toml::table& root) {
  const Planning& p = c.planning;
  toml::table t{{"shrinkage", p.shrinkage},
                {"target", p.target},
                {"within", duration_text(p.within_seconds)}};
  if (p.handle_time_seconds > 0) t.insert("handle_time", duration_text(p.handle_time_seconds));
  root.insert("planning", t);
}

}  // namespace desk::config
