// The rates and rules reports share: percentages, changes, trend and
// first-contact rules, age buckets.
#include <doctest/doctest.h>

#include "desk/report/backlog.hpp"
#include "desk/report/figures.hpp"
#include "desk/report/performance.hpp"
#include "desk/report/trends.hpp"

using namespace desk;
using report::Json;

TEST_SUITE("report/figures") {
  TEST_CASE("percentages to one decimal, null when there is nothing to divide") {
    CHECK(report::percent(1, 3) == Json(33.3));
    CHECK(report::percent(2, 3) == Json(66.7));
    CHECK(report::percent(3, 2) == Json(150.0));
    CHECK(report::percent(0, 5) == Json(0.0));
    CHECK(report::percent(0, 0).is_null());
    CHECK(report::round1(-0.04) == 0.0);
    CHECK(report::round1(12.25) == doctest::Approx(12.3).epsilon(0.001));
  }

  TEST_CASE("a change in percent of what it was") {
    CHECK(report::change_percent(3, 2) == Json(50.0));
    CHECK(report::change_percent(0, 1) == Json(-100.0));
    CHECK(report::change_percent(5, 3) == Json(66.7));
    CHECK(report::change_percent(1, 0).is_null());
  }

  TEST_CASE("rising takes 5 tickets more and 50% more, falling 5 fewer and 50% fewer") {
    CHECK(report::trend_of(6, 1) == "rising");      // +5, +500%
    CHECK(report::trend_of(5, 0) == "rising");      // +5 from nothing
    CHECK(report::trend_of(4, 0) == "steady");      // +4 is too few
    CHECK(report::trend_of(15, 10) == "rising");    // +5, +50% exactly
    CHECK(report::trend_of(15, 10.1) == "steady");  // +4.9
    CHECK(report::trend_of(30, 24) == "steady");    // +6 but +25%
    CHECK(report::trend_of(1, 6) == "falling");     // -5, -83.3%
    CHECK(report::trend_of(5, 10) == "falling");    // -5, -50% exactly
    CHECK(report::trend_of(20, 26) == "steady");    // -6 but -23%
    CHECK(report::trend_of(0, 3) == "steady");      // -100% but only -3
  }

  TEST_CASE(
      "first-contact resolution: resolved at first line, never escalated, reassigned or "
      "reopened") {
    report::ContactFacts f{true, 0, 0, 1, 1};
    CHECK(report::first_contact(f));
    f.technicians = 0;  // resolved as it was logged, by nobody in particular
    f.tier = 0;
    CHECK(report::first_contact(f));
    CHECK_FALSE(report::first_contact({false, 0, 0, 1, 1}));  // not resolved
    CHECK_FALSE(report::first_contact({true, 1, 0, 1, 1}));   // escalated
    CHECK_FALSE(report::first_contact({true, 0, 1, 1, 1}));   // reopened
    CHECK_FALSE(report::first_contact({true, 0, 0, 2, 1}));   // reassigned
    CHECK_FALSE(report::first_contact({true, 0, 0, 1, 2}));   // second line
  }

  TEST_CASE("age buckets are half-open whole days of 24 hours") {
    const std::int64_t day = 86400;
    CHECK(report::age_bucket(0) == 0);
    CHECK(report::age_bucket(day - 1) == 0);
    CHECK(report::age_bucket(day) == 1);
    CHECK(report::age_bucket(3 * day - 1) == 1);
    CHECK(report::age_bucket(3 * day) == 2);
    CHECK(report::age_bucket(7 * day) == 3);
    CHECK(report::age_bucket(30 * day - 1) == 3);
    CHECK(report::age_bucket(30 * day) == 4);
    CHECK(std::string(report::age_label(4)) == "30d+");
  }
}
