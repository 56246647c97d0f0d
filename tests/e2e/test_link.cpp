#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("link: relations are shown from both sides") {
  Sandbox s;
  s.log("outage");
  s.log("my mail is down");
  CHECK(s.ok({"link", "2", "--to", "1", "--as", "caused-by"}).out ==
        "Linked ticket 2 (caused-by 1)\n");
  CHECK(s.ok({"link", "2", "--to", "1", "--as", "caused-by"}).out ==
        "Already linked ticket 2 (caused-by 1)\n");
  CHECK(s.ok({"show", "2", "--format", "json"}).json()["links"] ==
        Json::parse(R"([{"kind":"caused-by","ticket":1}])"));
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["links"] ==
        Json::parse(R"([{"kind":"causes","ticket":2}])"));
  CHECK(s.ok({"show", "1"}).out.find("Links\n  causes #2\n") != std::string::npos);
  CHECK(s.run({"link", "2", "--to", "2"}).status == 65);
  CHECK(s.run({"link", "2", "--to", "9"}).status == 1);
  Result kind = s.run({"link", "2", "--to", "1", "--as", "blocks"});
  CHECK(kind.status == 65);
  CHECK(kind.err_line() == "desk: unknown link kind 'blocks'");
}
