// Satisfaction (CSAT): the ratings given in a period — average, the
// distribution of scores, the share satisfied (4 or 5), the response rate
// (ratings per resolution in the period) by technician, team and category,
// and every low score (1 or 2) listed.
#pragma once

#include <string>

#include "desk/report/period.hpp"
#include "desk/report/report.hpp"
#include "desk/work/session.hpp"

namespace desk::report {

// `by`: "" for technician, team and category sections; else one of
// technician, team, category, priority, type, channel, service, customer.
Report csat_report(work::Session& s, const Period& period, const std::string& by);

// The complaints register: complaints logged in the period, by service (or
// `by`): counts, outcomes, time to acknowledge (first reply) and to the
// final response (resolution) in business minutes with the share within
// the complaints policy's targets, and every complaint listed.
Report complaints_report(work::Session& s, const Period& period, const std::string& by);

}  // namespace desk::report
