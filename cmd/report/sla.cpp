// desk report sla: service levels met and breached.
#include "desk/report/sla_report.hpp"

#include "report.hpp"

namespace desk::cmd::reports {

namespace {

Outcome build(work::Session& s, const report::Period& p, const Options& o) {
  auto r = report::sla_report(s, p, o.by, o.limit);
  return {std::move(r.report), r.breaches};
}

}  // namespace

Kind sla() {
  return {"sla",
          "Service levels: targets met and breached, compliance, median and p90 times",
          build,
          kBy | kBreaches | kLimit,
          "Group by: priority, team, type, category, assignee, customer, channel, service, tag, "
          "tag:PREFIX",
          "last-30-days"};
}

}  // namespace desk::cmd::reports
