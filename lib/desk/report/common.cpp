#include "desk/report/common.hpp"

#include <algorithm>
#include <cctype>

#include "desk/model/vocabulary.hpp"

namespace desk::report {

Json period_meta(const Period& p, const Zone& zone, Instant now) {
  return {{"period", p.name},
          {"since", format_iso(p.since, zone)},
          {"until", format_iso(p.until, zone)},
          {"now", format_iso(now, zone)},
          {"timezone", zone.name()}};
}

Instant known_until(Instant until, Instant now) {
  return std::min(until, now + Seconds{1});
}

std::string tags_note(const std::string& by) {
  return by == "tag" || by.rfind("tag:", 0) == 0 ? " A ticket with several tags counts in each."
                                                 : "";
}

std::string heading(const std::string& field) {
  if (field.rfind("tag:", 0) == 0) return "TAG";
  std::string out = field.empty() ? "GROUP" : field;
  for (auto& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return out;
}

void order_groups(std::vector<std::string>& names, const std::string& field,
                  const config::Config& config) {
  const std::vector<std::string>* ranked = nullptr;
  if (field == "priority") ranked = &config.priority.levels;
  static const std::vector<std::string> statuses = util::names<model::Status>();
  if (field == "status") ranked = &statuses;
  auto rank = [&](const std::string& v) -> std::size_t {
    if (v == "(none)") return SIZE_MAX;
    if (ranked == nullptr) return 0;
    auto it = std::find(ranked->begin(), ranked->end(), v);
    return static_cast<std::size_t>(it - ranked->begin());
  };
  std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    auto ra = rank(a), rb = rank(b);
    return ra != rb ? ra < rb : a < b;
  });
}

std::string title_of(work::Session& s, std::int64_t id) {
  auto t = s.store.find_ticket(id);
  return t ? t->title : std::string();
}

int tier_of(const config::Config& config, const std::string& team, int recorded) {
  if (team.empty()) return 0;
  if (const auto* t = config.team(team)) return t->tier;
  return recorded;
}

}  // namespace desk::report
