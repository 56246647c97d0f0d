#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("resume: back to in-progress, the pending reason cleared") {
  Sandbox s;
  s.log("one", {"--at", "2026-11-24 08:00"});
  s.ok({"pending", "1", "--on", "customer", "--at", "2026-11-24 09:00"});
  CHECK(s.ok({"resume", "1", "--at", "2026-11-24 10:00"}).out == "Resumed ticket 1\n");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["status"] == "in-progress");
  CHECK(t["pending_reason"].is_null());
  Result r = s.run({"resume", "1"});
  CHECK(r.status == 1);
  CHECK(r.err_line() == "desk: ticket 1 is in-progress; it cannot be resumed");
}

TEST_CASE("resume: --at may not go back before the ticket's last event") {
  Sandbox s;
  s.log("one", {"--at", "2026-11-24 08:00"});
  s.ok({"pending", "1", "--on", "customer", "--at", "2026-11-24 09:00"});
  Result r = s.run({"resume", "1", "--at", "2026-11-24 08:00"});
  CHECK(r.status == 65);
  CHECK(r.err.find("hint: the ticket's history must stay in order") != std::string::npos);
}
