// desk report csat: customer satisfaction.
#include "desk/report/csat_report.hpp"

#include "report.hpp"

namespace desk::cmd::reports {

namespace {

Outcome build(work::Session& s, const report::Period& p, const Options& o) {
  return {report::csat_report(s, p, o.by), 0};
}

}  // namespace

Kind csat() {
  return {"csat",
          "Satisfaction: average, scores, response rate by technician, team, category; low scores",
          build,
          kOwnBy,
          "Group by one field instead of technician, team and category: technician, team, "
          "category, priority, type, channel, service, customer, tag, tag:PREFIX",
          "last-30-days"};
}

}  // namespace desk::cmd::reports
