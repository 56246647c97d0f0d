// desk report: what each report subcommand (cmd/report/<name>.cpp) gives
// the dispatcher (cmd/report/report.cpp), which owns the options every
// report shares and the running.
//
// Adding a report: lib/desk/report/<name>.{hpp,cpp} computes it; here a
// cmd/report/<name>.cpp with one function `Kind <name>()`, declared below
// and listed in kReports (report.cpp); its section in desk-report(1).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "desk/format/rows.hpp"
#include "desk/report/period.hpp"
#include "desk/report/report.hpp"
#include "desk/work/session.hpp"

namespace desk::cmd::reports {

struct Options {
  std::string period, since, until, by, output, section, bucket;
  format::Format format = format::Format::table;
  bool fail_on_breach = false;
  std::size_t limit = 100;
  // desk report staffing (kStaffing)
  int weeks = 8;
  std::optional<int> target;
  std::string within, handle_time;
  std::vector<std::string> what_if;
  bool trend = false;
};

// What a report returns: the report, and whether it found breaches.
struct Outcome {
  report::Report report;
  std::size_t breaches = 0;
};

using Builder = Outcome (*)(work::Session&, const report::Period&, const Options&);

// What a report takes beyond the common options.
enum Takes : unsigned {
  kBy = 1,        // --by FIELD
  kBucket = 2,    // --bucket day|week|month
  kBreaches = 4,  // --fail-on-breach
  kLimit = 8,     // -n/--limit
  kOwnBy = 16,    // --by FIELD, checked by the report itself (exit 65)
  // --by channel|priority|team, --weeks, --target, --within,
  // --handle-time, --what-if, --trend; no period options: the report
  // reads the last --weeks weeks.
  kStaffing = 32,
};

struct Kind {
  const char* name;
  const char* summary;
  Builder build;
  unsigned takes;
  const char* by_help;         // for --by
  const char* default_period;  // without --period, --since or --until
};

// One per cmd/report/<name>.cpp.
Kind sla();
Kind volume();
Kind backlog();
Kind workload();
Kind performance();
Kind trends();
Kind csat();
Kind complaints();
Kind digest();
Kind time();
Kind staffing();

}  // namespace desk::cmd::reports
