#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("edit: each change is recorded with old and new values") {
  Sandbox s;
  s.log("Printr broken", {"--category", "hardware", "--tag", "a"});
  Result r = s.ok({"edit", "1", "--title", "Printer broken", "--category", "network", "--tag", "b",
                   "--untag", "a", "--channel", "phone"});
  CHECK(r.out == "Edited ticket 1: title, channel, category, tags\n");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["title"] == "Printer broken");
  CHECK(t["category"] == "network");
  CHECK(t["channel"] == "phone");
  CHECK(t["tags"] == Json::array({"b"}));
  const Json& e = t["events"][1];
  CHECK(e["kind"] == "edited");
  CHECK(e["changes"]["title"]["from"] == "Printr broken");
  CHECK(e["changes"]["title"]["to"] == "Printer broken");
  CHECK(e["changes"]["channel"]["from"].is_null());
  CHECK(e["changes"]["tags"]["from"] == Json::array({"a"}));
}

TEST_CASE("edit: a priority change needs a reason") {
  Sandbox s;
  s.log("call");
  std::string before = s.dump_store();
  Result r = s.run({"edit", "1", "--priority", "P1"});
  CHECK(r.status == 2);
  CHECK(r.err_line() == "desk: changing the priority of ticket 1 needs a reason");
  CHECK(r.err.find("hint: say why with -m REASON") != std::string::npos);
  CHECK(s.dump_store() == before);
  s.ok({"edit", "1", "--priority", "P1", "-m", "whole floor down"});
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["priority"] == "P1");
  CHECK(t["events"][1]["text"] == "whole floor down");
}

TEST_CASE("edit: a new impact re-derives the priority") {
  Sandbox s;
  s.log("call", {"--impact", "low", "--urgency", "low"});
  CHECK(s.run({"edit", "1", "--impact", "high"}).status == 2);
  s.ok({"edit", "1", "--impact", "high", "-m", "more users"});
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["impact"] == "high");
  CHECK(t["priority"] == "P3");
}

TEST_CASE("edit: nothing new is not an event") {
  Sandbox s;
  s.log("call", {"--category", "network"});
  CHECK(s.ok({"edit", "1", "--category", "network"}).out == "Ticket 1 unchanged\n");
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["events"].size() == 1);
  CHECK(s.run({"edit", "1"}).status == 2);
  CHECK(s.run({"edit", "9", "--title", "x"}).status == 1);
  CHECK(s.run({"edit", "1", "--category", "netwrk"}).status == 65);
}

TEST_CASE("edit: several tickets at once, each its own event, all or nothing") {
  Sandbox s;
  s.log("one");
  s.log("two", {"--category", "network"});
  CHECK(s.ok({"edit", "1", "2", "--category", "network"}).out ==
        "Edited ticket 1: category\nTicket 2 unchanged\n");
  CHECK(s.ok({"edit", "-", "-t", "outage"}, "1\n2\n").out ==
        "Edited ticket 1: tags\nEdited ticket 2: tags\n");
  std::string before = s.dump_store();
  Result missing = s.run({"edit", "1", "9", "--title", "x"});
  CHECK(missing.status == 1);
  CHECK(s.dump_store() == before);
}
