// The digest laid out from figures made by hand (issue 15 item 5: figures
// apart from layout), and business time in working days (issue 13 item 1).
#include <doctest/doctest.h>

#include "desk/core/time.hpp"
#include "desk/report/digest.hpp"

using namespace desk;
using report::Json;

namespace {

report::DigestFigures figures() {
  report::DigestFigures f;
  f.logged = 4;
  f.logged_before = 2;
  f.resolved = 1;
  f.resolved_before = 1;
  f.open_end = 4;
  f.open_start = 1;
  f.missed = 1;
  f.breaches = {
      {2, "response", Instant{Seconds{3600}}, 465, 100, "P1", "", "", "Sales email down"}};
  for (const char* key : {"categories", "services", "repeats"})
    f.trends.sections.push_back({key, key, {}, {}, std::nullopt, ""});
  f.trends.meta["repeat_groups"] = 0;
  return f;
}

}  // namespace

TEST_SUITE("report/digest") {
  TEST_CASE("the layout shows the figures it is given") {
    report::Period p;
    p.name = "yesterday";
    auto d = report::digest_layout(figures(), p, Zone::utc(), Instant{});
    CHECK(d.breaches == 1);
    const auto* summary = d.report.section("summary");
    REQUIRE(summary != nullptr);
    CHECK(summary->rows[0] ==
          Json::parse(R"({"measure":"new","label":"tickets logged","value":4,"previous":2,
                          "change":2})"));
    REQUIRE(summary->chart.has_value());
    CHECK(summary->chart->rows.size() == 2);  // new and resolved beside the period before
    const auto* missed = d.report.section("breaches");
    REQUIRE(missed != nullptr);
    CHECK(missed->rows[0]["late_minutes"] == 465);
    CHECK(missed->note == "1 target missed in the period.");
    const auto* risk = d.report.section("at_risk");
    REQUIRE(risk != nullptr);
    CHECK(risk->rows.empty());
    CHECK(risk->note == "No open tickets at risk.");
  }

  TEST_CASE("business time reads in working days") {
    const std::int64_t office = 8 * 3600;  // 09:00-17:00
    CHECK(format_span(24 * 3600, office) == "3d");
    CHECK(format_span(23 * 3600, office) == "2d 7h");
    CHECK(format_span(80 * 3600, office) == "10d");
    CHECK(format_span(7 * 3600 + 45 * 60, office) == "7h 45m");
    CHECK(format_span(-9 * 3600, office) == "-1d 1h");
    CHECK(format_span(24 * 3600) == "1d");  // elapsed time: days of 24 hours
  }
}
