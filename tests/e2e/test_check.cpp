// desk check ID STEP: ticking a ticket's checklist.
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("check: by number or by text, each tick an event, a closed ticket is final") {
  Sandbox s;
  s.ok({"catalog", "add", "laptop", "--step", "Order it", "--step", "Image it", "--step",
        "Hand it over"});
  s.log("laptop for Sam", {"--service", "laptop", "--at", "2026-11-24 09:00"});
  CHECK(s.ok({"check", "1", "1"}).out == "Ticket 1: step 1 done (1/3): Order it\n");
  CHECK(s.ok({"check", "#1", "Hand it over", "--at", "2026-11-24 10:00"}).out ==
        "Ticket 1: step 3 done (2/3): Hand it over\n");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["checklist"][2]["done_at"] == "2026-11-24T10:00:00+00:00");
  CHECK(t["checklist"][1]["done_at"].is_null());
  s.ok({"resolve", "1", "--code", "fixed", "-m", "done"});
  s.ok({"close", "1"});
  std::string before = s.dump_store();
  Result r = s.run({"check", "1", "2"});
  CHECK(r.status == 1);
  CHECK(r.err_line() == "desk: ticket 1 is closed");
  CHECK(s.run({"check", "7", "1"}).status == 1);
  CHECK(s.run({"check", "1"}).status == 2);
  CHECK(s.dump_store() == before);
}
