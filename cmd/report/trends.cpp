// desk report trends: what rises and falls, and repeats.
#include "desk/report/trends.hpp"

#include "report.hpp"

namespace desk::cmd::reports {

namespace {

Outcome build(work::Session& s, const report::Period& p, const Options&) {
  return {report::trends_report(s, p), 0};
}

}  // namespace

Kind trends() {
  return {"trends", "Categories and services rising or falling, and repeat incidents",
          build,    0,
          nullptr,  "last-30-days"};
}

}  // namespace desk::cmd::reports
