// The workload report: per technician and per team, what they hold at
// --now against their capacity, and what came in and went out in the period.
//
// Definitions (status, team and assignee as the timeline says at --now;
// events after --now are not known yet):
//  - open: tickets held at --now in an open status (new, assigned,
//    in-progress, pending), pending included: what `desk allocate` counts
//    against capacity. A team holds every ticket whose team it is, with or
//    without an assignee; "unassigned" are those without.
//  - pending: of those, the ones in status pending.
//  - allocated: events in the period that made the technician the assignee
//    (allocate, take, allocate --auto), or moved the ticket into the team
//    (allocation or escalation).
//  - resolved: resolve events in the period, counted for the assignee and
//    the team holding the ticket when it was resolved.
//  - capacity: [technicians.X].capacity (default 10); a team's is the sum
//    of its members' who are not away. Technicians only seen on tickets
//    (not in desk.toml) have no capacity.
//  - load_pct = 100 × open / capacity, one decimal (null without capacity);
//    room = capacity - open.
//  - state: "away" ([technicians.X].away), else "overloaded" when open >
//    capacity, "full" when open = capacity, "has room" when open < capacity;
//    null without capacity.
//  - on_shift: inside the working hours of the technician's shift calendar
//    at --now (config::Config::shift_calendar; true without one), away or
//    not; null for technicians not in desk.toml.
#pragma once

#include "desk/report/period.hpp"
#include "desk/report/report.hpp"
#include "desk/work/session.hpp"

namespace desk::report {

Report workload_report(work::Session& s, const Period& period);

}  // namespace desk::report
