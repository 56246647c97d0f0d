// The time report: the time worked in a period and what a ticket takes.
//
// Definitions:
//  - An entry of time worked counts in the period holding its event's time
//    (--at). Corrections (negative entries) count where they are dated.
//  - "time worked": per technician (who recorded the entry; the default) or
//    per value of a field of the ticket as it is now (--by team, category,
//    service, customer, type, priority, channel, assignee, tag...). Shares
//    are of the period's total.
//  - "handle time": of the tickets resolved in the period (their last
//    resolve in it), per category and priority, the mean of each ticket's
//    whole time worked, from its first entry to the report's --now.
//    Tickets with no time recorded are counted apart (without_time) and left
//    out of the mean, never taken as zero.
#pragma once

#include <string>

#include "desk/report/period.hpp"
#include "desk/report/report.hpp"
#include "desk/work/session.hpp"

namespace desk::report {

// `by`: "" or "technician" for who worked, else a grouping of
// group_fields() or tags (require_grouping; UsageError otherwise).
Report time_report(work::Session& s, const Period& period, const std::string& by);

}  // namespace desk::report
