// Lists at scale (issue 18): a long list streams whatever its format, so the
// memory desk holds stays flat however many tickets it shows; a long table
// settles its widths on its first rows and the configuration's words.
#include <algorithm>
#include <string>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

std::size_t lines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// `n` tickets as a CSV another tool exported: every fifth one resolved, the
// rest new or pending, over every priority.
std::string tickets_csv(int n, int long_title_at = 0) {
  static const char* const statuses[] = {"new", "pending", "new", "resolved", "new"};
  std::string csv =
      "external_id,type,title,created_at,status,priority,resolved_at,resolution_code\n";
  for (int i = 1; i <= n; ++i) {
    std::string title = "Ticket " + std::to_string(100000 + i).substr(1) + " printer";
    if (i == long_title_at) title += " jams on every page of every tray";
    std::string day = std::to_string(101 + i % 20).substr(1);
    bool resolved = i % 5 == 3;
    csv += "X-" + std::to_string(i) + ",incident," + title + ",2026-11-" + day + " 09:00," +
           statuses[i % 5] + ",P" + std::to_string(1 + i % 5) + "," +
           (resolved ? "2026-11-" + day + " 12:00,fixed" : ",") + "\n";
  }
  return csv;
}

// desk run by /usr/bin/time, which forks it from its own small process: the
// most memory desk held (its peak resident set, KiB), and the rows it wrote
// (lines, or a JSON array's elements). A child of the test process itself
// would inherit the test's own peak with its pages.
struct Measured {
  long peak_kib = 0;
  std::size_t rows = 0;
};

Measured measured(const Sandbox& s, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"/usr/bin/time", "-f", "%M", "-o", "peak.txt", desk_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  Result r = run_program(argv, "", s.dir(), s.env);
  INFO("desk " << joined(args) << "\nstderr: " << r.err);
  CHECK(r.status == 0);
  bool json = args.size() > 2 && args[2] == "json";
  return {std::stol(s.read("peak.txt")), json ? r.json().size() : lines(r.out)};
}

}  // namespace

TEST_CASE("list: a table of more than a thousand rows streams, its widths from the first") {
  Sandbox s;
  s.write("many.csv", tickets_csv(1200, 1100));
  s.ok({"import", "many.csv"});
  Result r = s.ok({"list", "--all", "--sort", "id", "--columns", "id,status,title"});
  REQUIRE(lines(r.out) == 1201);
  std::size_t first = r.out.find('\n') + 1;
  // The status column makes room for the longest status, in-progress,
  // though no row has it.
  CHECK(r.out.substr(0, first) == "  ID  STATUS       TITLE\n");
  CHECK(r.out.substr(first, r.out.find('\n', first) + 1 - first) ==
        "   1  pending      Ticket 00001 printer\n");
  // A title longer than the first thousand is cut to their width.
  CHECK(r.out.find("\n1100  new          Ticket 01100 printe…\n") != std::string::npos);
  CHECK(r.out.find("\n1200  new          Ticket 01200 printer\n") != std::string::npos);
  // A short list is measured whole, as before.
  Result few = s.ok({"list", "--all", "--sort", "id", "--columns", "id,status", "--limit", "2"});
  CHECK(few.out == "ID  STATUS\n 1  pending\n 2  new\n");
}

TEST_CASE("list: 100,000 tickets in every format, in flat memory") {
  Sandbox s;
  // No quarantine: AddressSanitizer would keep freed memory, 256 MB of it.
  s.env["ASAN_OPTIONS"] = "detect_leaks=0:abort_on_error=1:quarantine_size_mb=0";
#ifdef DESK_SANITIZED
  // Importing 100,000 under AddressSanitizer takes up to the harness's two
  // minutes on two busy cores; 40,000 rows held would still be 40 MB and more.
  const int n = 40000;
#else
  const int n = 100000;
#endif
  s.write("many.csv", tickets_csv(n));
  s.ok({"import", "many.csv"});
  // The first page of the open tickets (four in five), either way round, and
  // a count that stops where counting would cost more than the page.
  Result page = s.ok({"list", "--limit", "3", "-q"});
  CHECK(page.out == "1\n2\n4\n");
  CHECK(page.err == "desk: showing 3 of more than 10000 tickets (--limit 0 shows all)\n");
  CHECK(s.ok({"list", "--limit", "3", "--sort", "-id", "-q"}).out ==
        std::to_string(n) + "\n" + std::to_string(n - 1) + "\n" + std::to_string(n - 3) + "\n");
  // What a list of one row holds: the program, its libraries and its
  // caches. A list of 80,000 open tickets (which the status index finds out
  // of order, so they are sorted) or of all 100,000, in any order, holds
  // little more, whatever the format.
  long base = measured(s, {"list", "--limit", "1"}).peak_kib;
  CAPTURE(base);
#ifdef DESK_SANITIZED
  // A sanitizer's shadow memory and red zones grow what desk holds: a list
  // may hold what a list of one row does and the caches' twice over.
  const long kLimitKib = base + 16 * 1024;
#else
  const long kLimitKib = 30 * 1024;
  CHECK(base < kLimitKib);
#endif
  std::vector<std::vector<std::string>> lists = {
      {"list"}, {"list", "--format", "json"}, {"list", "--all", "--sort", "-title", "-q"}};
#ifndef DESK_SANITIZED
  // Every other format too, where a run takes a second rather than fifteen.
  lists.insert(lists.end(), {{"list", "-q"},
                             {"list", "--format", "jsonl"},
                             {"list", "--format", "csv"},
                             {"list", "--format", "tsv"},
                             {"list", "--all", "--format", "jsonl"}});
#endif
  for (const auto& args : lists) {
    Measured m = measured(s, args);
    CAPTURE(joined(args));
    CHECK(m.peak_kib < kLimitKib);
    std::size_t rows =
        static_cast<std::size_t>(args.size() > 1 && args[1] == "--all" ? n : n / 5 * 4);
    bool heading = args.size() == 1 || (args.size() > 2 && (args[2] == "csv" || args[2] == "tsv"));
    CHECK(m.rows == rows + (heading ? 1 : 0));
  }
}
