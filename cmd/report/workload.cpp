// desk report workload: technicians and teams against capacity.
#include "desk/report/workload.hpp"

#include "report.hpp"

namespace desk::cmd::reports {

namespace {

Outcome build(work::Session& s, const report::Period& p, const Options&) {
  return {report::workload_report(s, p), 0};
}

}  // namespace

Kind workload() {
  return {
      "workload", "Per technician and team: open, pending, allocated and resolved against capacity",
      build,      0,
      nullptr,    "last-30-days"};
}

}  // namespace desk::cmd::reports
