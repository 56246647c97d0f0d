// desk report time: time worked, by technician or a field, and handle time.
#include "desk/report/time_report.hpp"

#include "report.hpp"

namespace desk::cmd::reports {

namespace {

Outcome build(work::Session& s, const report::Period& p, const Options& o) {
  return {report::time_report(s, p, o.by), 0};
}

}  // namespace

Kind time() {
  return {"time",
          "Time worked, by technician or a field, and the handle time of tickets resolved",
          build,
          kOwnBy,
          "Sum by: technician (default: who worked), team, category, service, customer, type, "
          "priority, channel, assignee, tag, tag:PREFIX",
          "last-30-days"};
}

}  // namespace desk::cmd::reports
