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
//  - trends: the trends report (trends.hpp) over the 7 days up to the end of
//    the period: categories and services rising or falling (not the
//    tickets without one: "(none)" is nothing to act on), and the largest
//    groups of repeat incidents.
// Each list shows kDigestRows (10) entries and says how many there are.
#pragma once

#include "desk/report/period.hpp"
#include "desk/report/report.hpp"
#include "desk/work/session.hpp"

namespace desk::report {

inline constexpr std::size_t kDigestRows = 10;

struct Digest {
  Report report;
  std::size_t breaches = 0;  // breached targets in the period, for --fail-on-breach
};

Digest digest_report(work::Session& s, const Period& period);

}  // namespace desk::report
