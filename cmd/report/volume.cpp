// desk report volume: tickets logged per day, week or month.
#include "desk/report/volume.hpp"

#include <optional>

#include "desk/report/buckets.hpp"

#include "report.hpp"

namespace desk::cmd::reports {

namespace {

Outcome build(work::Session& s, const report::Period& p, const Options& o) {
  std::optional<report::Unit> unit;
  if (!o.bucket.empty()) unit = report::parse_unit(o.bucket);
  return {report::volume_report(s, p, o.by, unit), 0};
}

}  // namespace

Kind volume() {
  return {"volume",
          "Tickets logged per day, week or month, by channel or another field, beside the period "
          "before",
          build,
          kBy | kBucket,
          "Count by: channel (default), priority, team, type, category, assignee, customer, "
          "service, tag, tag:PREFIX",
          "last-30-days"};
}

}  // namespace desk::cmd::reports
