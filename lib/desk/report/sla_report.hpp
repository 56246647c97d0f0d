// The service-level report: for the tickets logged in a period, per group,
// how many response and resolution targets were met and breached, the
// compliance, and the median and 90th percentile times in business minutes;
// then every breach.
#pragma once

#include <string>
#include <string_view>

#include "desk/report/period.hpp"
#include "desk/report/report.hpp"
#include "desk/work/session.hpp"

namespace desk::report {

// The fields reports group by, and a ticket's value for one of them: a view
// into `t` (or of "(none)"), so that grouping a million tickets copies no
// strings.
const std::vector<std::string>& group_fields();
std::string_view group_value(const model::Ticket& t, const std::string& field);
// The same as a function looked up once, so that a loop over a million
// tickets compares no field names.
using GroupValue = std::string_view (*)(const model::Ticket&);
GroupValue group_getter(const std::string& field);

struct SlaReport {
  Report report;
  std::size_t breaches = 0;  // breached clocks, for --fail-on-breach
};

// `by`: "" for one total, else one of group_fields(). `list_limit`: how many
// breaches to list, most overdue first (0: all).
SlaReport sla_report(work::Session& s, const Period& period, const std::string& by,
                     std::size_t list_limit = 100);

// Nearest-rank percentile (the smallest value with at least p% of values at
// or below it); nullopt for no values. Sorts `values`.
std::optional<std::int64_t> percentile(std::vector<std::int64_t>& values, int p);

}  // namespace desk::report
