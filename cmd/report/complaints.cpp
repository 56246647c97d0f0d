// desk report complaints: the complaints register.
#include "desk/report/csat_report.hpp"

#include "report.hpp"

namespace desk::cmd::reports {

namespace {

Outcome build(work::Session& s, const report::Period& p, const Options& o) {
  return {report::complaints_report(s, p, o.by), 0};
}

}  // namespace

Kind complaints() {
  return {"complaints",
          "The complaints register: counts, outcomes, time to acknowledge and respond",
          build,
          kOwnBy,
          "Group by: service (default), priority, team, type, category, assignee, customer, "
          "channel",
          "last-30-days"};
}

}  // namespace desk::cmd::reports
