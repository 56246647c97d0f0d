#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("resolve: code, resolution and workaround are recorded") {
  Sandbox s;
  s.log("VPN drops");
  Result r = s.ok({"resolve", "1", "--code", "workaround", "-m", "Known bug in client 4.2",
                   "--workaround", "Use the web portal until 4.3"});
  CHECK(r.out == "Resolved ticket 1\n");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["status"] == "resolved");
  CHECK(t["resolution_code"] == "workaround");
  CHECK(t["resolution"] == "Known bug in client 4.2");
  CHECK(t["workaround"] == "Use the web portal until 4.3");
  CHECK(t["resolved_at"] == "2026-11-24T10:30:00+00:00");
  CHECK(t["open"] == false);
}

TEST_CASE("resolve: --duplicate-of links the duplicate") {
  Sandbox s;
  s.log("original");
  s.log("same again");
  s.ok({"resolve", "2", "--duplicate-of", "1", "-m", "see 1"});
  Json t = s.ok({"show", "2", "--format", "json"}).json();
  CHECK(t["resolution_code"] == "duplicate");
  CHECK(t["duplicate_of"] == 1);
  CHECK(t["links"] == Json::parse(R"([{"kind":"duplicate-of","ticket":1}])"));
  Json o = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(o["links"] == Json::parse(R"([{"kind":"duplicated-by","ticket":2}])"));
}

TEST_CASE("resolve: refusals") {
  Sandbox s;
  s.log("one");
  std::string before = s.dump_store();
  Result nocode = s.run({"resolve", "1", "-m", "x"});
  CHECK(nocode.status == 2);
  CHECK(nocode.err_line() == "desk: a resolution needs a code");
  Result badcode = s.run({"resolve", "1", "--code", "fixd", "-m", "x"});
  CHECK(badcode.status == 65);
  CHECK(badcode.err.find("did you mean 'fixed'?") != std::string::npos);
  CHECK(s.run({"resolve", "1", "--code", "fixed", "-m", " "}).status == 2);
  CHECK(s.run({"resolve", "1", "--code", "duplicate", "-m", "x"}).status == 2);
  CHECK(s.run({"resolve", "1", "--duplicate-of", "1", "-m", "x"}).status == 65);
  CHECK(s.run({"resolve", "1", "--duplicate-of", "7", "-m", "x"}).status == 1);
  CHECK(s.dump_store() == before);
}

TEST_CASE("resolve: --kb records the article that resolved it, or refuses everything") {
  Sandbox s;
  s.log("VPN drops");
  s.log("VPN drops again");
  s.ok({"kb", "add", "VPN client 4.2 drops", "--kind", "known-error", "--symptom", "drops hourly",
        "--workaround", "use the portal", "-m", "body"});
  s.ok({"kb", "publish", "1"});
  std::string before = s.dump_store();
  Result bad = s.run({"resolve", "2", "--code", "fixed", "-m", "x", "--kb", "9"});
  CHECK(bad.status == 1);
  CHECK(bad.err_line() == "desk: no article 9");
  CHECK(s.dump_store() == before);
  s.ok({"resolve", "1", "--code", "workaround", "-m", "known error", "--kb", "1"});
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  REQUIRE(t["articles"].size() == 1);
  CHECK(t["articles"][0]["id"] == 1);
  CHECK(t["articles"][0]["resolved_at"] == "2026-11-24T10:30:00+00:00");
  CHECK(t["events"].back()["article"] == 1);
  Json a = s.ok({"kb", "show", "1", "--format", "json"}).json();
  CHECK(a["use_count"] == 1);
  CHECK(a["resolved_tickets"] == Json::array({1}));
}
