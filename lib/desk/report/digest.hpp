// The digest: one short summary for mail (cron), by default of yesterday.
//
// Definitions (events after --now are not known yet):
//  - new: tickets logged in the period; resolved: tickets with a resolve
//    event in the period; both beside the previous period.
//  - backlog: tickets open at the end of the period (or at --now, if
//    earlier), beside those open at its start.
//  - breached: SLA targets (response and resolution clocks) that fell due
//    in the period and were missed: the clock stopped after its due time,
//    or is still running past it at --now. Listed most late first.
//  - at risk: tickets open at --now whose running clock has used its
//    policy's warn_at share of the target, none breached; soonest due first.
//  - service levels: the sla report's figures (sla_report.hpp) for the
//    tickets logged in the period; backlog by age: the backlog report's
//    (backlog.hpp) at --now. Composed, not computed again here.
//  - trends: the trends report (trends.hpp) over the 7 days up to the end of
//    the period: categories and services rising or falling (not the
//    tickets without one: "(none)" is nothing to act on), and the largest
//    groups of repeat incidents.
// Each list shows kDigestRows (10) entries and says how many there are.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "desk/report/period.hpp"
#include "desk/report/report.hpp"
#include "desk/work/session.hpp"

namespace desk::report {

inline constexpr std::size_t kDigestRows = 10;

// A target missed, or a ticket at risk: one line of the digest's lists.
struct Due {
  std::int64_t ticket;
  std::string clock;
  Instant due;
  std::int64_t minutes;  // late (breaches) or left (at risk)
  int used_pct;
  std::string priority, team, assignee, title;
};

// The digest's figures (see the definitions above), before any layout.
struct DigestFigures {
  std::int64_t logged = 0, logged_before = 0;      // new, and in the period before
  std::int64_t resolved = 0, resolved_before = 0;  // resolved, and before
  std::int64_t open_end = 0, open_start = 0;       // the backlog at the end, at the start
  std::size_t missed = 0;                          // targets missed in the period
  std::int64_t breached_before = 0;                // ... and in the period before
  std::size_t at_risk = 0;                         // tickets at risk at --now
  std::vector<Due> breaches, risks;                // the first kDigestRows of each, in order
  Period week;                                     // the trends' 7 days
  Report trends, levels, backlog;                  // the other reports composed
};

DigestFigures digest_figures(work::Session& s, const Period& period);

struct Digest {
  Report report;
  std::size_t breaches = 0;  // breached targets in the period, for --fail-on-breach
};

// The digest laid out: its sections, columns, notes and charts.
Digest digest_layout(const DigestFigures& f, const Period& period, const Zone& zone, Instant now);
Digest digest_report(work::Session& s, const Period& period);

}  // namespace desk::report
