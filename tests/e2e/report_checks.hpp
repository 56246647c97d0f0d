// Checks every report test runs: the HTML is valid by two validators from
// Debian (tidy, and html5lib's strict parser of the WHATWG grammar: both are
// in `.ci/deps test`), and the same store and --now give byte-identical
// output in every format.
#pragma once

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "harness.hpp"

namespace e2e {

// Fails the test unless `html` passes tidy without a warning or an error
// and html5lib parses it strictly.
inline void check_html(const Sandbox& s, const std::string& html) {
  s.write("report.html", html);
  std::string file = s.path("report.html").string();
  Result tidy = run_program({"sh", "-c", "tidy -q -e \"$1\"", "tidy", file}, "", s.dir(), {});
  CHECK_MESSAGE(tidy.status == 0, "tidy: " << tidy.err << tidy.out);
  CHECK(tidy.err == "");
  const char* strict =
      "import sys, html5lib\n"
      "html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], 'rb'))\n";
  Result parse = run_program({"/usr/bin/python3", "-c", strict, file}, "", s.dir(), {});
  CHECK_MESSAGE(parse.status == 0, "html5lib: " << parse.err);
}

// Runs `args` with each --format twice: exit 0 and the same bytes both
// times; the HTML is valid. Returns the outputs by format.
inline std::vector<std::string> check_every_format(const Sandbox& s,
                                                   const std::vector<std::string>& args) {
  std::vector<std::string> outs;
  for (const char* f : {"table", "json", "csv", "tsv", "markdown", "html"}) {
    CAPTURE(f);
    std::vector<std::string> a = args;
    a.insert(a.end(), {"--format", f});
    Result first = s.ok(a);
    Result second = s.ok(a);
    CHECK(first.out == second.out);
    CHECK(!first.out.empty());
    if (std::string(f) == "html") check_html(s, first.out);
    outs.push_back(first.out);
  }
  return outs;
}

}  // namespace e2e
