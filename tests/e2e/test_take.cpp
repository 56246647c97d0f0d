#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"

using namespace e2e;

TEST_CASE("take: allocates to the actor") {
  Sandbox s;
  s.configure(kTeams);
  s.log("one");
  Result r = s.ok({"--as", "bob", "take", "1"});
  CHECK(r.out == "Took ticket 1\n");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["assignee"] == "bob");
  CHECK(t["team"] == "service-desk");
  CHECK(t["status"] == "assigned");
  Result again = s.run({"--as", "bob", "take", "1"});
  CHECK(again.status == 1);
  CHECK(again.err_line() == "desk: ticket 1 is already allocated to bob");
  Result stranger = s.run({"--as", "mallory", "take", "1"});
  CHECK(stranger.status == 65);
  CHECK(stranger.err_line() == "desk: unknown technician or team 'mallory'");
}
