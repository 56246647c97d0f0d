// The volume report: how many tickets were logged, per day, week or month of
// the configured zone, and per value of a field (channel by default), beside
// the period before.
//
// Definitions:
//  - A ticket counts in the bucket holding its created_at (when it was
//    logged, --at), converted to the configured zone; tickets logged after
//    --now are not known yet and count nowhere.
//  - "previous" is the count of the previous period (period.hpp: the month
//    before last-month, the same number of days before --since...) in the
//    bucket at the same position: day 3 of this period beside day 3 of the
//    previous one; null when the previous period has no such bucket (a
//    31-day month after a 30-day one).
//  - change = tickets - previous; change_pct = 100 × change / previous, to
//    one decimal, null when previous is 0.
#pragma once

#include <optional>
#include <string>

#include "desk/report/buckets.hpp"
#include "desk/report/period.hpp"
#include "desk/report/report.hpp"
#include "desk/work/session.hpp"

namespace desk::report {

// `by`: one of group_fields() ("" means channel); `unit`: nullopt picks
// default_unit() for the period.
Report volume_report(work::Session& s, const Period& period, const std::string& by,
                     std::optional<Unit> unit);

}  // namespace desk::report
