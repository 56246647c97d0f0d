// Report periods in the configured zone (never UTC): named periods such as
// last-month, or --since/--until, with the period before for comparison.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "desk/core/time.hpp"

namespace desk::report {

struct Period {
  std::string name;  // "last-month", or "custom"
  Instant since{};   // inclusive
  Instant until{};   // exclusive
  // The span of the same length just before (calendar months and weeks
  // step by whole months and weeks).
  Instant previous_since{};
  Instant previous_until{};
};

// today, yesterday, this-week, last-week (weeks start on Monday), this-month,
// last-month, this-quarter, last-quarter, this-year, last-year, last-N-days
// (the N days up to now, today included), a calendar month ("2026-11") or an
// ISO 8601 week ("2026-W10", Monday to Sunday). Throws UsageError for
// anything else.
Period named_period(const std::string& name, Instant now, const Zone& zone);

// --since/--until (either may be missing: since defaults to 30 days before
// until, until to now). Throws DataError when until is not after since.
Period custom_period(std::optional<Instant> since, std::optional<Instant> until, Instant now);

// The `n` periods before `p`, most recent first, each as long as `p`: whole
// days, weeks, months, quarters or years for named periods, whole local days
// for custom ones from midnight to midnight (so a daylight-saving change
// does not shift them by an hour), else the same number of seconds.
std::vector<Period> preceding(const Period& p, int n, const Zone& zone);

// The names named_period accepts, for help and errors.
const char* period_names();

}  // namespace desk::report
