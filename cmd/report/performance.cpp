// desk report performance: response and resolution times, FCR.
#include "desk/report/performance.hpp"

#include "report.hpp"

namespace desk::cmd::reports {

namespace {

Outcome build(work::Session& s, const report::Period& p, const Options& o) {
  return {report::performance_report(s, p, o.by), 0};
}

}  // namespace

Kind performance() {
  return {"performance",
          "Response and resolution times, first-contact resolution, escalation and reopen rates",
          build,
          kBy,
          "Group by one field instead of team, technician, category and channel: priority, team, "
          "type, category, assignee, customer, channel, service, tag, tag:PREFIX",
          "last-30-days"};
}

}  // namespace desk::cmd::reports
