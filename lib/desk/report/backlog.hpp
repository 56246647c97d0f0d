// The backlog report: the tickets open at --now, by age, status and team
// (or another field), oldest first.
//
// Definitions:
//  - Open: logged at or before --now and, as the timeline says at --now, in
//    status new, assigned, in-progress or pending (not resolved or closed).
//    Status, team and assignee are the ones the ticket had at --now.
//  - Age: --now minus when the ticket was logged, in real (not business)
//    time; the buckets are 0-1d [0, 1 day), 1-3d [1, 3), 3-7d [3, 7),
//    7-30d [7, 30) and 30d+ (30 days or more), a day being 24 hours.
#pragma once

#include <cstdint>
#include <string>

#include "desk/report/period.hpp"
#include "desk/report/report.hpp"
#include "desk/work/session.hpp"

namespace desk::report {

// The age bucket of an age in seconds: 0 (0-1d) … 4 (30d+).
std::size_t age_bucket(std::int64_t age_seconds);
// "0-1d", "1-3d", "3-7d", "7-30d", "30d+"
const char* age_label(std::size_t bucket);

// `by`: the field of the second breakdown, one of group_fields() ("" means
// team). The period only appears in the meta: the backlog is at --now.
Report backlog_report(work::Session& s, const Period& period, const std::string& by);

}  // namespace desk::report
