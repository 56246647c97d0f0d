// desk report staffing: technicians needed per hour of the week, against the roster.
#include "desk/report/staffing.hpp"

#include <fstream>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/duration.hpp"
#include "desk/util/strings.hpp"

#include "report.hpp"

namespace desk::cmd::reports {

namespace {

std::int64_t duration(const std::string& text, std::string_view option) {
  auto seconds = util::parse_duration(text);
  if (!seconds || *seconds <= 0 || *seconds > 7 * 86400)
    throw UsageError(fmt::format("{} {}: expected a duration such as 20m or 1h, at most a week",
                                 option, util::quoted(text)));
  return *seconds;
}

// "+1 alice tue 09:00-13:00", or "@FILE" holding one such change a line
// (blank lines and # comments skipped): a rota tried before it is published.
void add_changes(std::vector<report::RosterChange>& out, const std::string& value) {
  if (value.empty() || value.front() != '@') {
    out.push_back(report::parse_roster_change(value));
    return;
  }
  std::string path = value.substr(1);
  std::ifstream in(path);
  if (!in) throw UsageError(fmt::format("--what-if: cannot read {}", util::quoted(path)));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::string_view text = util::trim(line);
    if (text.empty() || text.front() == '#') continue;
    try {
      out.push_back(report::parse_roster_change(text));
    } catch (const UsageError& e) {
      throw UsageError(fmt::format("{}:{}: {}", path, n, e.what()), e.hint());
    }
  }
}

Outcome build(work::Session& s, const report::Period&, const Options& o) {
  report::StaffingRequest r;
  r.weeks = o.weeks;
  r.by = o.by;
  r.target = o.target;
  r.trend = o.trend;
  if (!o.within.empty()) r.within_seconds = duration(o.within, "--within");
  if (!o.handle_time.empty()) {
    r.handle_seconds = duration(o.handle_time, "--handle-time");
    if (*r.handle_seconds > 86400) throw UsageError("--handle-time must be at most a day");
  }
  for (const auto& change : o.what_if) add_changes(r.what_if, change);
  return {report::staffing_report(s, r), 0};
}

}  // namespace

Kind staffing() {
  return {"staffing", "Technicians needed each hour of the week (Erlang C), against the roster",
          build,      kStaffing,
          "",         ""};
}

}  // namespace desk::cmd::reports
