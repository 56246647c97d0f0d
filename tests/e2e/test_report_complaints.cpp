// Complaints: their own policy (the starter's: acknowledged within 2 working
// days, a final response within 8 weeks), a mandatory outcome, and the
// register. Office calendar Mon-Fri 09:00-17:00 UTC; a working day is 8h.
//
//   C1 email Mon 23 09:00, reply Tue 10:00 (8h+1h = 540m, in time),
//      resolved Wed 09:00 upheld (16h = 960m)
//   C2 vpn   Mon 23 13:00, reply Thu 09:00 (4h+8h+8h = 1200m > 960m: late),
//      resolved Thu 12:00 not upheld (23h = 1380m)
//   C3 email Wed 25 09:00, no reply: due Thu 17:00, late by now (Fri 17:00)
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

void complaints(Sandbox& s) {
  s.now = "2026-11-27T17:00:00Z";
  s.ok({"catalog", "add", "email"});
  s.ok({"catalog", "add", "vpn"});
  auto resolve = [&](const char* id, const char* at, const char* outcome) {
    s.ok({"resolve", id, "--code", "fixed", "-m", "answered", "--outcome", outcome, "--root-cause",
          "a slow queue", "--action", "queue staffed", "--at", at});
  };
  s.log("C1", {"--type", "complaint", "--service", "email", "--at", "2026-11-23 09:00"});
  s.ok({"note", "1", "--reply", "-m", "sorry", "--at", "2026-11-24 10:00"});
  resolve("1", "2026-11-25 09:00", "upheld");
  s.log("C2", {"--type", "complaint", "--service", "vpn", "--at", "2026-11-23 13:00"});
  s.ok({"note", "2", "--reply", "-m", "sorry", "--at", "2026-11-26 09:00"});
  resolve("2", "2026-11-26 12:00", "not-upheld");
  s.log("C3", {"--type", "complaint", "--service", "email", "--at", "2026-11-25 09:00"});
  s.log("an incident", {"--service", "email", "--at", "2026-11-25 09:00"});
}

}  // namespace

TEST_CASE("complaints: resolving one needs outcome, root cause and action") {
  Sandbox s;
  s.log("rude agent", {"--type", "complaint"});
  s.log("printer");
  std::string before = s.dump_store();
  Result r = s.run({"resolve", "1", "--code", "fixed", "-m", "apologised"});
  CHECK(r.status == 2);
  CHECK(r.err_line() == "desk: resolving complaint 1 needs its outcome, root cause and action");
  Result bad = s.run({"resolve", "1", "--code", "fixed", "-m", "x", "--outcome", "upheldd",
                      "--root-cause", "c", "--action", "a"});
  CHECK(bad.status == 65);
  CHECK(bad.err.find("did you mean 'upheld'?") != std::string::npos);
  Result notc = s.run({"resolve", "2", "--code", "fixed", "-m", "x", "--outcome", "upheld"});
  CHECK(notc.status == 2);
  CHECK(notc.err_line() == "desk: ticket 2 is not a complaint");
  CHECK(s.dump_store() == before);
  s.ok({"resolve", "1", "--code", "fixed", "-m", "apologised", "--outcome", "partly-upheld",
        "--root-cause", "training", "--action", "coaching"});
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["outcome"] == "partly-upheld");
  CHECK(t["root_cause"] == "training");
  CHECK(t["action"] == "coaching");
  CHECK(s.ok({"sla", "1", "--format", "json"}).json()["policy"] == "complaints");
  CHECK(s.ok({"show", "1"}).out.find("  outcome       partly-upheld\n") != std::string::npos);
  s.ok({"reopen", "1", "-m", "customer came back"});
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["outcome"].is_null());
}

TEST_CASE("report complaints: the register by service, every figure by hand") {
  Sandbox s;
  complaints(s);
  Json r = s.ok({"report", "complaints", "--since", "2026-11-23", "--until", "2026-11-28",
                 "--format", "json"})
               .json();
  CHECK(r["report"] == "complaints");
  const Json& g = r["groups"];
  REQUIRE(g.size() == 3);
  CHECK(g[0] == Json::parse(R"({"group":"email","complaints":2,"open":1,"upheld":1,
    "partly_upheld":0,"not_upheld":0,"acknowledged_in_time":1,"acknowledged_late":1,
    "acknowledge_median_minutes":540,"responded_in_time":1,"responded_late":0,
    "response_median_minutes":960,"upheld_percent":100.0})"));
  CHECK(g[1] == Json::parse(R"({"group":"vpn","complaints":1,"open":0,"upheld":0,
    "partly_upheld":0,"not_upheld":1,"acknowledged_in_time":0,"acknowledged_late":1,
    "acknowledge_median_minutes":1200,"responded_in_time":1,"responded_late":0,
    "response_median_minutes":1380,"upheld_percent":0.0})"));
  CHECK(g[2]["group"] == "all");
  CHECK(g[2]["complaints"] == 3);
  CHECK(g[2]["acknowledged_late"] == 2);
  CHECK(g[2]["acknowledge_median_minutes"] == 540);
  CHECK(g[2]["response_median_minutes"] == 960);
  const Json& reg = r["register"];
  REQUIRE(reg.size() == 3);
  CHECK(reg[0]["ticket"] == 1);
  CHECK(reg[0]["policy"] == "complaints");
  CHECK(reg[0]["outcome"] == "upheld");
  CHECK(reg[0]["root_cause"] == "a slow queue");
  CHECK(reg[2]["acknowledge_breached"] == true);
  CHECK(reg[2]["acknowledge_minutes"].is_null());
  Result md = s.ok({"report", "complaints", "--since", "2026-11-23", "--until", "2026-11-28",
                    "--format", "markdown"});
  CHECK(md.out.find("Complaints register") != std::string::npos);
  CHECK(s.ok({"report", "complaints", "--since", "2026-11-23", "--until", "2026-11-28", "--format",
              "html"})
            .out.find("<svg") != std::string::npos);
}
