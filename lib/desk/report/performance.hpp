// The performance report: how fast and how well tickets logged in the
// period were handled, per team, technician, category and channel.
//
// Definitions (each ticket as its timeline says at --now; events after
// --now are not known yet):
//  - tickets: logged in the period (and at or before --now).
//  - Response and resolution times: the business minutes of the ticket's
//    SLA clocks (ServiceLevels::measure: its policy's calendar, pauses,
//    response met by a reply or as the policy says, a reopened ticket's
//    resolution running on), for the clocks that have stopped by --now;
//    median and 90th percentile by nearest rank (the smallest time with at
//    least 50% / 90% of the times at or below it). Tickets without a policy
//    have no times.
//  - resolved: tickets resolved at least once by --now.
//  - First-contact resolution (fcr): a ticket resolved at --now (resolved or
//    closed) that was
//      1. never escalated: no escalated mark of any kind (up a tier, to a
//         team, to a supplier, or to a manager);
//      2. never reassigned: at most one technician was ever its assignee
//         (the first allocation is not a reassignment; going back to the
//         same technician is not one either);
//      3. resolved at first line: the team holding it when resolved has
//         tier 1 or less in desk.toml, or there was no team (resolved by the
//         desk as it was logged);
//      4. never reopened.
//    fcr_pct = 100 × fcr / resolved.
//  - escalated: tickets with at least one escalated mark; escalation_pct =
//    100 × escalated / tickets.
//  - reopened: tickets reopened at least once; reopen_pct = 100 × reopened
//    / resolved.
//  - Groups: the team and assignee the ticket had at --now (for a resolved
//    ticket, who held it when it was resolved), its category and channel.
#pragma once

#include <string>
#include <vector>

#include "desk/report/period.hpp"
#include "desk/report/report.hpp"
#include "desk/work/session.hpp"

namespace desk::report {

// What first-contact resolution needs to know of a ticket at --now.
struct ContactFacts {
  bool resolved = false;  // resolved or closed at --now
  int escalations = 0;
  int reopens = 0;
  std::size_t technicians = 0;  // distinct assignees ever
  int tier = 0;                 // of the team holding it
};
bool first_contact(const ContactFacts& f);

// `by`: "" for the four standard groupings (sections teams, technicians,
// categories, channels), else one of group_fields() (section groups).
Report performance_report(work::Session& s, const Period& period, const std::string& by);

}  // namespace desk::report
