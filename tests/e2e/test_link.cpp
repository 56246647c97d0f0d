#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("link: relations are shown from both sides") {
  Sandbox s;
  s.log("outage");
  s.log("my mail is down");
  CHECK(s.ok({"link", "2", "--to", "1", "--kind", "caused-by"}).out ==
        "Linked ticket 2 (caused-by 1)\n");
  CHECK(s.ok({"link", "2", "--to", "1", "--kind", "caused-by"}).out ==
        "Already linked ticket 2 (caused-by 1)\n");
  CHECK(s.ok({"show", "2", "--format", "json"}).json()["links"] ==
        Json::parse(R"([{"kind":"caused-by","ticket":1}])"));
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["links"] ==
        Json::parse(R"([{"kind":"causes","ticket":2}])"));
  CHECK(s.ok({"show", "1"}).out.find("Links\n  causes #2\n") != std::string::npos);
  CHECK(s.run({"link", "2", "--to", "2"}).status == 65);
  CHECK(s.run({"link", "2", "--to", "9"}).status == 1);
  Result kind = s.run({"link", "2", "--to", "1", "--kind", "blocks"});
  CHECK(kind.status == 65);
  CHECK(kind.err_line() == "desk: unknown link kind 'blocks'");
}

TEST_CASE("link: --as is the actor, never the kind, and the old spelling is refused") {
  Sandbox s;
  s.log("outage");
  s.log("my mail is down");
  std::string before = s.dump_store();
  Result old = s.run({"link", "2", "--to", "1", "--as", "caused-by"});
  CHECK(old.status == 2);
  CHECK(old.err_line() == "desk: --as names who acts, not the kind of link: use --kind caused-by");
  CHECK(old.err.find("hint: desk link 2 --to 1 --kind caused-by") != std::string::npos);
  CHECK(s.dump_store() == before);
  s.ok({"link", "2", "--to", "1", "-k", "caused-by", "--as", "bob"});
  Json e = s.ok({"show", "2", "--format", "json"}).json()["events"].back();
  CHECK(e["kind"] == "linked");
  CHECK(e["actor"] == "bob");
  CHECK(e["link"] == "caused-by");
}

TEST_CASE("link: several tickets to one, all or nothing") {
  Sandbox s;
  s.log("outage");
  s.log("mail down");
  s.log("web down");
  CHECK(s.ok({"link", "2", "3", "--to", "1", "--kind", "caused-by"}).out ==
        "Linked ticket 2 (caused-by 1)\nLinked ticket 3 (caused-by 1)\n");
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["links"] ==
        Json::parse(R"([{"kind":"causes","ticket":2},{"kind":"causes","ticket":3}])"));
  std::string before = s.dump_store();
  CHECK(s.run({"link", "-", "--to", "2"}, "3\n9\n").status == 1);
  CHECK(s.dump_store() == before);
}
