// desk report digest: one summary for mail.
#include "desk/report/digest.hpp"

#include "report.hpp"

namespace desk::cmd::reports {

namespace {

Outcome build(work::Session& s, const report::Period& p, const Options&) {
  auto d = report::digest_report(s, p);
  return {std::move(d.report), d.breaches};
}

}  // namespace

Kind digest() {
  return {
      "digest", "A daily summary for mail: new, resolved, backlog, SLA breaches, at risk, trends",
      build,    kBreaches,
      nullptr,  "yesterday"};
}

}  // namespace desk::cmd::reports
