// desk report backlog: the open tickets by age.
#include "desk/report/backlog.hpp"

#include "report.hpp"

namespace desk::cmd::reports {

namespace {

Outcome build(work::Session& s, const report::Period& p, const Options& o) {
  return {report::backlog_report(s, p, o.by), 0};
}

}  // namespace

Kind backlog() {
  return {"backlog",
          "Open tickets at --now by age, status and team, oldest first",
          build,
          kBy,
          "Second breakdown by: team (default), priority, type, category, assignee, customer, "
          "channel, service, tag, tag:PREFIX",
          "last-30-days"};
}

}  // namespace desk::cmd::reports
