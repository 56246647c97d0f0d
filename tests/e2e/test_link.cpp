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

TEST_CASE("link: a parent-of cycle is refused, naming it, and nothing changes") {
  Sandbox s;
  s.log("one");
  s.log("two");
  s.log("three");
  s.ok({"link", "1", "--to", "2", "-k", "parent-of"});
  s.ok({"link", "2", "--to", "3", "-k", "parent-of"});
  std::string before = s.dump_store();
  Result r = s.run({"link", "3", "--to", "1", "-k", "parent-of"});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: linking 3 parent-of 1 would make a cycle: 1 → 2 → 3 → 1");
  CHECK(s.dump_store() == before);
  // The reverse of an existing link is the shortest cycle.
  Result back = s.run({"link", "2", "--to", "1", "-k", "parent-of"});
  CHECK(back.status == 65);
  CHECK(back.err_line() == "desk: linking 2 parent-of 1 would make a cycle: 1 → 2 → 1");
  Result self = s.run({"link", "1", "--to", "1", "-k", "parent-of"});
  CHECK(self.status == 65);
  CHECK(s.dump_store() == before);
  // Other kinds between the same tickets are not part of the parent-of graph.
  s.ok({"link", "3", "--to", "1", "-k", "related"});
}

TEST_CASE("link: duplicate-of and caused-by cannot go round either") {
  Sandbox s;
  s.log("one");
  s.log("two");
  s.log("three");
  s.ok({"link", "1", "--to", "2", "-k", "duplicate-of"});
  std::string before = s.dump_store();
  Result mutual = s.run({"link", "2", "--to", "1", "-k", "duplicate-of"});
  CHECK(mutual.status == 65);
  CHECK(mutual.err_line() == "desk: linking 2 duplicate-of 1 would make a cycle: 1 → 2 → 1");
  // Resolving as a duplicate links too, and is refused before anything is written.
  Result resolve = s.run({"resolve", "2", "--duplicate-of", "1", "-m", "same"});
  CHECK(resolve.status == 65);
  CHECK(resolve.err_line() == "desk: linking 2 duplicate-of 1 would make a cycle: 1 → 2 → 1");
  CHECK(s.dump_store() == before);
  s.ok({"link", "2", "--to", "3", "-k", "caused-by"});
  s.ok({"link", "3", "--to", "1", "-k", "caused-by"});
  Result caused = s.run({"link", "1", "--to", "2", "-k", "caused-by"});
  CHECK(caused.status == 65);
  CHECK(caused.err_line() == "desk: linking 1 caused-by 2 would make a cycle: 2 → 3 → 1 → 2");
}
