// desk doctor: is the store sound? SQLite's own checks, references between
// rows, every ticket's row against the replay of its events (the events are
// the record; the row is a projection kept for fast reading), ratings and
// links against the events that tell of them, every customer's row against
// the events about the customer, and every article's versions against the
// events that recorded them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "desk/store/store.hpp"
#include "desk/work/session.hpp"

namespace desk::bulk {

struct Finding {
  std::string where;  // "file", "ticket 42", "table events, row 7"
  std::string what;   // what is wrong
  std::string fix;    // what to do about it
};

struct DoctorOptions {
  bool full = false;        // PRAGMA integrity_check instead of quick_check
  std::size_t limit = 100;  // findings kept per check; the rest only counted
  std::function<void(std::int64_t tickets)> progress;
};

struct DoctorReport {
  std::vector<Finding> findings;
  std::int64_t problems = 0;  // findings, counting those beyond the limit
  std::int64_t tickets = 0;
  std::int64_t events = 0;
  std::vector<std::int64_t> mismatched;  // tickets whose row is not their replay
};

DoctorReport examine(store::Store& store, const DoctorOptions& o);

// Rewrites each ticket's row as the replay of its events, inside the
// caller's WriteTransaction. Returns how many rows changed.
std::int64_t repair_rows(work::Session& s, const std::vector<std::int64_t>& ids);

}  // namespace desk::bulk
