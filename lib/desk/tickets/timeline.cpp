#include "desk/tickets/timeline.hpp"

#include <algorithm>
#include <array>

#include "desk/util/strings.hpp"

namespace desk::tickets {

namespace {

// Entries are separated by RS (0x1e), fields by US (0x1f): names never hold
// control characters, so no escaping is needed. Fields: kind, Unix time,
// status, team, assignee, rule; a changed team or assignee is written "=name"
// ("=" alone when cleared), an unchanged one is empty.
constexpr char kEntry = '\x1e';
constexpr char kField = '\x1f';

constexpr std::array<std::string_view, 8> kMarkKinds = {
    "logged", "allocated", "status", "escalated", "resolved", "closed", "reopened", "reply"};

std::string text_of(const Json& v) {
  return v.is_string() ? v.get<std::string>() : std::string();
}

}  // namespace

void append_mark(std::string& timeline, const Event& e) {
  if (std::find(kMarkKinds.begin(), kMarkKinds.end(), e.kind) == kMarkKinds.end()) return;
  if (!timeline.empty()) timeline += kEntry;
  timeline += e.kind;
  timeline += kField;
  timeline += std::to_string(to_unix(e.at));
  timeline += kField;
  if (const Change* c = e.change("status")) timeline += text_of(c->to);
  timeline += kField;
  if (const Change* c = e.change("team")) timeline += "=" + text_of(c->to);
  timeline += kField;
  if (const Change* c = e.change("assignee")) timeline += "=" + text_of(c->to);
  timeline += kField;
  if (e.extra.contains("rule")) timeline += text_of(e.extra["rule"]);
}

std::vector<Mark> read_marks(std::string_view timeline) {
  std::vector<Mark> marks;
  while (!timeline.empty()) {
    std::size_t end = timeline.find(kEntry);
    std::string_view entry = timeline.substr(0, end);
    timeline = end == std::string_view::npos ? std::string_view() : timeline.substr(end + 1);
    std::array<std::string_view, 6> f{};
    std::size_t n = 0;
    for (std::size_t start = 0; n < f.size();) {
      std::size_t stop = entry.find(kField, start);
      f[n++] = entry.substr(start,
                            stop == std::string_view::npos ? std::string_view::npos : stop - start);
      if (stop == std::string_view::npos) break;
      start = stop + 1;
    }
    Mark m;
    m.kind = std::string(f[0]);
    std::string_view at = f[1];
    bool negative = !at.empty() && at.front() == '-';
    if (negative) at.remove_prefix(1);
    std::int64_t seconds = util::parse_int(at).value_or(0);
    m.at = from_unix(negative ? -seconds : seconds);
    if (!f[2].empty()) m.status = std::string(f[2]);
    if (!f[3].empty()) m.team = std::string(f[3].substr(1));
    if (!f[4].empty()) m.assignee = std::string(f[4].substr(1));
    m.rule = std::string(f[5]);
    marks.push_back(std::move(m));
  }
  return marks;
}

}  // namespace desk::tickets
