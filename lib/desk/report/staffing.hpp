// The staffing forecast: for each hour of the week in the desk's zone, how
// many technicians it needs so that a target share of tickets gets a first
// response within a wait, by the Erlang C model (util/erlang.hpp), against
// how many the shifts and absences roster in the coming week.
//
// Definitions (desk-report(1) gives the model and its limits):
//  - arrivals: tickets logged in the last N whole weeks up to --now, per
//    hour of the week, divided by how many times that hour came round in
//    them (counted in quarter hours, so a daylight-saving change counts the
//    hour it skipped or repeated as it happened): a mean rate per hour.
//    A desk younger than the weeks is observed from the local midnight of
//    its first ticket's day.
//  - handle time: --handle-time when given; else the mean time worked of
//    the tickets resolved in those weeks that have time recorded (per group
//    with --by, a group without any taking the overall mean); else
//    [planning].handle_time. None of the three: DataError.
//  - with --trend, every rate is scaled by next week's total on the
//    least-squares line through the weekly totals over their mean (never
//    below 0): "arrivals are rising 5% a week".
//  - agents: the fewest technicians on tickets at once for which Erlang C
//    answers `target` % within `within`; needed: agents / (1 - shrinkage),
//    rounded up. With --by, each group is a queue of its own and the hour
//    needs the sum.
//  - rostered: the members of the desk's (not supplier) teams who, at half
//    past the hour's next occurrence from --now, are inside their shift
//    calendar (config::Config::shift_calendar; without one, the default
//    service level's calendar) and not away (tickets::Whereabouts). With
//    --by team, each team counts its own members.
//  - gap = rostered - needed: below 0 the hour is short.
//  - by team: a ticket logged with no team counts for the team desk routes
//    such a ticket to (tickets::route: the first-line team).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "desk/model/calendar.hpp"
#include "desk/report/report.hpp"
#include "desk/work/session.hpp"

namespace desk::report {

// A change to the roster for --what-if: "+1 alice tue 09:00-13:00" adds one
// technician (alice) on Tuesdays from 09:00 to 13:00; "-2 mon-fri
// 12:00-14:00" takes two away at lunch on weekdays.
struct RosterChange {
  int delta = 0;               // technicians added (> 0) or taken away (< 0)
  std::string who;             // a technician or a team (their teams count it), or ""
  std::array<bool, 7> days{};  // Monday first
  model::Window hours;         // local time
  std::string text;            // as given
};

// Parses one change: "[+|-]N [WHO] DAYS HH:MM-HH:MM", where DAYS is a day
// (mon ... sun), a range (mon-fri), a list (mon,wed,fri), "weekdays",
// "weekends" or "daily". Throws UsageError saying what was expected.
RosterChange parse_roster_change(std::string_view text);

struct StaffingRequest {
  int weeks = 8;                               // of history, up to --now
  std::string by;                              // "", "channel", "priority" or "team"
  std::optional<int> target;                   // % (else [planning].target)
  std::optional<std::int64_t> within_seconds;  // (else [planning].within)
  std::optional<std::int64_t> handle_seconds;  // --handle-time
  std::vector<RosterChange> what_if;
  // Scale the arrivals to next week's volume by the weeks' linear trend
  // (least squares over the weekly totals) rather than their mean.
  bool trend = false;
};

// The groupings --by takes.
const std::vector<std::string>& staffing_groupings();

Report staffing_report(work::Session& s, const StaffingRequest& r);

}  // namespace desk::report
