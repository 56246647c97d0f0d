// Service levels derived from timeline marks: which policy, which pauses,
// what stops each clock. Office calendar Mon-Fri 09:00-17:00 UTC; values
// worked out by hand in the comments.
#include <doctest/doctest.h>

#include "desk/config/load.hpp"
#include "desk/sla/levels.hpp"

using namespace desk;

namespace test_sla_levels {

namespace {

Instant utc(const char* text) {
  return parse_time(text, Instant{}, Zone::utc());
}

config::Config office(const std::string& extra = "") {
  return config::load_text(std::string(R"toml(
[calendars.office]
timezone = "UTC"
mon = ["09:00-17:00"]
tue = ["09:00-17:00"]
wed = ["09:00-17:00"]
thu = ["09:00-17:00"]
fri = ["09:00-17:00"]

[sla.standard]
calendar = "office"
response = { P2 = "1h" }
resolve = { P2 = "8h" }
update = { P2 = "2h" }
pause_on = ["pending"]

[sla.vip]
calendar = "24x7"
response = { P2 = "10m" }
resolve = { P2 = "1h" }

[[sla_rule]]
match = { customer = "ceo@example.org" }
sla = "vip"

[teams.l2]
tier = 2

[ola.l2]
calendar = "office"
response = { P2 = "30m" }
resolve = { P2 = "4h" }
)toml") + extra,
                           "test.toml");
}

model::Ticket ticket(const char* created, const char* status) {
  model::Ticket t;
  t.id = 1;
  t.priority = "P2";
  t.status = *util::parse<model::Status>(status);
  t.created_at = utc(created);
  return t;
}

model::Mark mark(const char* kind, const char* at,
                 std::optional<std::string> status = std::nullopt) {
  model::Mark m;
  m.kind = *util::parse<model::EventKind>(kind);
  m.at = utc(at);
  if (status) m.status = *util::parse<model::Status>(*status);
  return m;
}

}  // namespace

TEST_SUITE("sla/levels") {
  TEST_CASE("policy: the first matching rule, else the default") {
    auto c = office();
    c.default_sla = "standard";
    sla::ServiceLevels levels(c);
    auto t = ticket("2026-11-23T09:00:00Z", "new");
    CHECK(levels.policy_for(t)->name == "standard");
    t.customer_email = "CEO@example.org";
    CHECK(levels.policy_for(t)->name == "vip");
  }

  TEST_CASE("pauses: two pending spans, the second still open") {
    auto c = office();
    c.default_sla = "standard";
    sla::ServiceLevels levels(c);
    // Mon 09:00 logged; pending 10:00-11:00; resumed; pending again from 15:00.
    auto t = ticket("2026-11-23T09:00:00Z", "pending");
    std::vector<model::Mark> marks = {mark("logged", "2026-11-23T09:00:00Z", "new"),
                                      mark("status", "2026-11-23T10:00:00Z", "pending"),
                                      mark("status", "2026-11-23T11:00:00Z", "in-progress"),
                                      mark("status", "2026-11-23T15:00:00Z", "pending")};
    auto s = levels.measure(t, marks, utc("2026-11-23T16:30:00Z"));
    CHECK(s.paused);
    const auto* resolve = s.clock("resolve");
    REQUIRE(resolve != nullptr);
    // Counted: 09-10 and 11-15 = 5h; 3h left from now, as if resumed now:
    // 16:30-17:00 then 2h30 on Tuesday = 11:30.
    CHECK(resolve->state.elapsed == 5 * 3600);
    CHECK(format_iso(resolve->state.due, Zone::utc()) == "2026-11-24T11:30:00+00:00");
  }

  TEST_CASE("response: the first reply, even one written up later") {
    auto c = office();
    c.default_sla = "standard";
    sla::ServiceLevels levels(c);
    auto t = ticket("2026-11-23T09:00:00Z", "in-progress");
    std::vector<model::Mark> marks = {mark("logged", "2026-11-23T09:00:00Z", "new"),
                                      mark("reply", "2026-11-23T09:50:00Z"),
                                      mark("reply", "2026-11-23T09:40:00Z")};
    auto s = levels.measure(t, marks, utc("2026-11-23T12:00:00Z"));
    const auto* r = s.clock("response");
    CHECK(r->state.met);
    CHECK(r->state.elapsed == 40 * 60);
    // Update: 2h from the last reply (09:50) is 11:50; at 12:00 breached.
    const auto* u = s.clock("update");
    CHECK(format_iso(u->state.due, Zone::utc()) == "2026-11-23T11:50:00+00:00");
    CHECK(u->state.breached);
  }

  TEST_CASE("response_met_by reply only: a resolve does not answer") {
    auto c = office("");
    c.default_sla = "standard";
    c.sla["standard"].response_met_by = {model::EventKind::reply};
    sla::ServiceLevels levels(c);
    auto t = ticket("2026-11-23T09:00:00Z", "resolved");
    std::vector<model::Mark> marks = {mark("logged", "2026-11-23T09:00:00Z", "new"),
                                      mark("resolved", "2026-11-23T09:30:00Z", "resolved")};
    auto s = levels.measure(t, marks, utc("2026-11-23T12:00:00Z"));
    CHECK(s.clock("response")->state.running);
    CHECK(s.clock("response")->state.breached);
    CHECK(s.clock("resolve")->state.met);
  }

  TEST_CASE("OLA: from reaching the team to a technician owning it, and to the resolve") {
    auto c = office();
    sla::ServiceLevels levels(c);
    auto t = ticket("2026-11-23T09:00:00Z", "assigned");
    t.team = "l2";
    model::Mark to_team = mark("escalated", "2026-11-23T10:00:00Z", "new");
    to_team.team = "l2";
    to_team.assignee = "";
    model::Mark owned = mark("allocated", "2026-11-23T10:45:00Z", "assigned");
    owned.assignee = "erin";
    std::vector<model::Mark> marks = {mark("logged", "2026-11-23T09:00:00Z", "new"), to_team,
                                      owned};
    auto s = levels.measure(t, marks, utc("2026-11-23T12:00:00Z"));
    CHECK(s.policy == "standard");  // the starter's default_sla
    CHECK(s.ola_team == "l2");
    const auto* r = s.clock("ola_response");
    REQUIRE(r != nullptr);
    CHECK(r->state.breached);  // 45m against 30m
    CHECK(r->state.elapsed == 45 * 60);
    const auto* res = s.clock("ola_resolve");
    CHECK(res->state.elapsed == 2 * 3600);  // 10:00 to now
    CHECK(format_iso(res->state.due, Zone::utc()) == "2026-11-23T14:00:00+00:00");
  }

  TEST_CASE("no target for a priority means no such clock") {
    auto c = office();
    c.default_sla = "standard";
    sla::ServiceLevels levels(c);
    auto t = ticket("2026-11-23T09:00:00Z", "new");
    t.priority = "P5";
    auto s = levels.measure(t, {}, utc("2026-11-23T12:00:00Z"));
    CHECK(s.clocks.empty());
    CHECK(s.next_due() == nullptr);
  }

  TEST_CASE("a ClockSet leaves clocks out without changing the others") {
    auto c = office();
    c.default_sla = "standard";
    sla::ServiceLevels levels(c);
    auto t = ticket("2026-11-23T09:00:00Z", "pending");
    t.team = "l2";
    model::Mark to_team = mark("escalated", "2026-11-23T10:00:00Z", "new");
    to_team.team = "l2";
    std::vector<model::Mark> marks = {mark("logged", "2026-11-23T09:00:00Z", "new"), to_team,
                                      mark("reply", "2026-11-23T10:20:00Z"),
                                      mark("status", "2026-11-23T11:00:00Z", "pending")};
    Instant now = utc("2026-11-24T12:00:00Z");
    auto all = levels.measure(t, marks, now);
    auto targets = levels.measure(t, marks, now, sla::ClockSet::targets());
    REQUIRE(all.clocks.size() == 5);
    REQUIRE(targets.clocks.size() == 2);
    CHECK(targets.policy == all.policy);
    CHECK(targets.paused == all.paused);
    for (const auto& kept : targets.clocks) {
      const auto* same = all.clock(kept.name);
      REQUIRE(same != nullptr);
      CHECK(kept.state.due == same->state.due);
      CHECK(kept.state.elapsed == same->state.elapsed);
      CHECK(kept.state.breached == same->state.breached);
    }
    CHECK(targets.clock("update") == nullptr);
    CHECK(targets.clock("ola_response") == nullptr);
  }
}

}  // namespace test_sla_levels
