// Pieces the reports share: the meta every report carries, the window of
// tickets a period reads "as known at --now", the order groups are listed
// in, and a ticket as it stood at --now.
#pragma once

#include <string>
#include <vector>

#include "desk/config/model.hpp"
#include "desk/format/rows.hpp"
#include "desk/report/history.hpp"
#include "desk/report/period.hpp"
#include "desk/work/session.hpp"

namespace desk::report {

using format::Json;

// period, since, until, now, timezone (every report's meta starts so).
Json period_meta(const Period& p, const Zone& zone, Instant now);

// The end of a span of logging capped at --now: tickets logged after it are
// not known yet. Events at --now itself count.
Instant known_until(Instant until, Instant now);

// "TEAM" for "team": a column heading for a group field.
std::string heading(const std::string& field);

// Orders group names: priorities by the configured rank, statuses in
// lifecycle order, the rest alphabetically; "(none)" last.
void order_groups(std::vector<std::string>& names, const std::string& field,
                  const config::Config& config);

// A ticket's title, read on its own: the report streams leave titles out
// when only a few listed tickets need them.
std::string title_of(work::Session& s, std::int64_t id);

// The tier of the team `team` in the configuration; 0 for no team; the
// ticket's recorded tier when the team is no longer configured.
int tier_of(const config::Config& config, const std::string& team, int recorded);

}  // namespace desk::report
