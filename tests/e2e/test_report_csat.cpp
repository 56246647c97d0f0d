// desk report csat on a small store worked out by hand:
//   T1 resolved by alice, rated 5; T2 by bob, rated 2 ("slow");
//   T3 by bob, not rated; T4 by alice, rated 4.
//   3 ratings of 4 resolutions: average 11/3 = 3.67, satisfied (4-5) 2 of 3,
//   response rate 75%; alice 2 of 2, average 4.5; bob 1 of 2, average 2.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"

using namespace e2e;

namespace test_report_csat {

namespace {

void rated(Sandbox& s) {
  s.configure(kTeams);
  s.now = "2026-11-27T17:00:00Z";
  const char* who[] = {"alice", "bob", "bob", "alice"};
  for (int i = 0; i < 4; ++i) {
    std::string id = std::to_string(i + 1);
    s.log("T" + id, {"--category", i < 2 ? "hardware" : "software", "--at", "2026-11-23 09:00"});
    s.ok({"--as", who[i], "take", id, "--at", "2026-11-23 10:00"});
    s.ok({"--as", who[i], "resolve", id, "--code", "fixed", "-m", "x", "--at", "2026-11-24 10:00"});
  }
  s.ok({"rate", "1", "--score", "5", "--at", "2026-11-25 09:00"});
  s.ok({"rate", "2", "--score", "2", "-m", "slow", "--at", "2026-11-25 09:00"});
  s.ok({"rate", "4", "--score", "4", "--at", "2026-11-25 09:00"});
}

const std::vector<std::string> kArgs = {"report",     "csat",    "--since",
                                        "2026-11-23", "--until", "2026-11-28"};

std::vector<std::string> with(std::vector<std::string> more) {
  std::vector<std::string> args = kArgs;
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

}  // namespace

TEST_CASE("report csat: average, scores, response rate, by technician, low scores") {
  Sandbox s;
  rated(s);
  Json r = s.ok(with({"--format", "json"})).json();
  CHECK(r["report"] == "csat");
  CHECK(r["summary"][0] == Json::parse(R"({"group":"all","ratings":3,"average":3.67,
    "satisfied_percent":66.7,"resolutions":4,"response_rate":75.0})"));
  CHECK(r["distribution"] == Json::parse(R"([
    {"score":5,"ratings":1,"percent":33.3},{"score":4,"ratings":1,"percent":33.3},
    {"score":3,"ratings":0,"percent":0.0},{"score":2,"ratings":1,"percent":33.3},
    {"score":1,"ratings":0,"percent":0.0}])"));
  CHECK(r["by_technician"] == Json::parse(R"([
    {"group":"alice","ratings":2,"average":4.5,"satisfied_percent":100.0,"resolutions":2,
     "response_rate":100.0},
    {"group":"bob","ratings":1,"average":2.0,"satisfied_percent":0.0,"resolutions":2,
     "response_rate":50.0}])"));
  CHECK(r["by_category"][0]["group"] == "hardware");
  CHECK(r["by_category"][0]["average"] == 3.5);
  REQUIRE(r["low_scores"].size() == 1);
  CHECK(r["low_scores"][0]["ticket"] == 2);
  CHECK(r["low_scores"][0]["technician"] == "bob");
  CHECK(r["low_scores"][0]["comment"] == "slow");
}

TEST_CASE("report csat: --by one grouping, every format, and no ratings at all") {
  Sandbox s;
  rated(s);
  Json r = s.ok(with({"--by", "category", "--format", "json"})).json();
  CHECK(r.contains("by_category"));
  CHECK_FALSE(r.contains("by_technician"));
  Result bad = s.run(with({"--by", "colour"}));
  CHECK(bad.status == 65);
  for (const char* f : {"table", "csv", "tsv", "markdown", "html"}) {
    CAPTURE(f);
    CHECK(s.ok(with({"--format", f})).out.size() > 0);
  }
  Sandbox empty;
  Json e = empty.ok(with({"--format", "json"})).json();
  CHECK(e["summary"][0]["ratings"] == 0);
  CHECK(e["summary"][0]["average"].is_null());
}

TEST_CASE("report csat: ratings and resolutions go to the technician who held the ticket") {
  // Issue 13 item 2: alice holds the ticket, bob records its resolution.
  // The rating went to bob and the resolution to alice: two rows, each
  // half empty. Both belong to alice, who held it when it was resolved.
  Sandbox s;
  s.configure(kTeams);
  s.now = "2026-11-27T17:00:00Z";
  s.log("T1", {"--at", "2026-11-23 09:00"});
  s.ok({"--as", "alice", "take", "1", "--at", "2026-11-23 10:00"});
  s.ok({"--as", "bob", "resolve", "1", "--code", "fixed", "-m", "x", "--at", "2026-11-24 10:00"});
  s.ok({"rate", "1", "--score", "4", "--at", "2026-11-25 09:00"});
  Json r = s.ok(with({"--format", "json"})).json();
  CHECK(r["by_technician"] == Json::parse(R"([
    {"group":"alice","ratings":1,"average":4.0,"satisfied_percent":100.0,"resolutions":1,
     "response_rate":100.0}])"));
  // Reassigned after a reopen: each resolution is rated for its own holder.
  s.ok({"reopen", "1", "-m", "again", "--at", "2026-11-25 10:00"});
  s.ok({"--as", "bob", "take", "1", "--at", "2026-11-25 11:00"});
  s.ok({"--as", "bob", "resolve", "1", "--code", "fixed", "-m", "y", "--at", "2026-11-26 10:00"});
  s.ok({"rate", "1", "--score", "2", "--at", "2026-11-26 11:00"});
  r = s.ok(with({"--format", "json"})).json();
  CHECK(r["by_technician"] == Json::parse(R"([
    {"group":"alice","ratings":1,"average":4.0,"satisfied_percent":100.0,"resolutions":1,
     "response_rate":100.0},
    {"group":"bob","ratings":1,"average":2.0,"satisfied_percent":0.0,"resolutions":1,
     "response_rate":100.0}])"));
  CHECK(r["low_scores"][0]["technician"] == "bob");
}

}  // namespace test_report_csat
