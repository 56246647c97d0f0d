#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("pending: records who the ticket waits on") {
  Sandbox s;
  s.log("one");
  Result r = s.ok({"pending", "1", "--on", "supplier", "-m", "waiting for a part"});
  CHECK(r.out == "Ticket 1 is pending on supplier\n");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["status"] == "pending");
  CHECK(t["pending_reason"] == "supplier");
  Result bad = s.run({"pending", "1", "--on", "weather"});
  CHECK(bad.status == 65);
  CHECK(bad.err_line() == "desk: unknown pending reason 'weather'");
  CHECK(s.run({"pending", "1"}).status == 2);
}
