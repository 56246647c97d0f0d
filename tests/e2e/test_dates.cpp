// Issue 14, item 11: only times every part of desk handles are accepted,
// and a report stands whatever times a store already holds.
#include <string>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("dates: a time before 1971 or after 2199 is refused wherever desk reads one") {
  Sandbox s;
  s.log("one");
  std::string before = s.dump_store();
  struct Case {
    std::vector<std::string> args;
    std::string time;
  };
  const Case cases[] = {
      {{"log", "old", "-m", "", "--at", "1969-12-31"}, "1969-12-31"},
      {{"log", "old", "-m", "", "--at", "0000-01-01"}, "0000-01-01"},
      {{"log", "old", "-m", "", "--at", "@0"}, "@0"},
      {{"note", "1", "-m", "x", "--at", "1970-06-01"}, "1970-06-01"},
      {{"log", "later", "-m", "", "--at", "9999-12-31"}, "9999-12-31"},
      {{"list", "since:1960-01-01"}, "1960-01-01"},
      {{"report", "digest", "--since", "1969-01-01"}, "1969-01-01"},
      {{"report", "sla", "--until", "2200-01-01"}, "2200-01-01"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args);
    Result r = s.run(c.args);
    CHECK(r.status == 65);
    CHECK(r.err_line() == "desk: time '" + c.time + "' is outside the range desk supports");
    CHECK(r.err.find("hint: times are from 1971-01-01 to 2199-12-31 UTC") != std::string::npos);
  }
  CHECK(s.dump_store() == before);
  // The edges are in.
  s.now = "2199-12-31T23:59:59Z";
  CHECK(s.run({"log", "first", "-m", "", "--at", "1971-01-01T00:00:00Z"}).status == 0);
  CHECK(s.run({"log", "last", "-m", "", "--at", "2199-12-31T23:59:59Z"}).status == 0);
}

TEST_CASE("dates: an import row with such a time is refused naming its line") {
  Sandbox s;
  s.write("rows.jsonl",
          "{\"title\":\"fine\",\"created_at\":\"2026-11-01T09:00:00Z\"}\n"
          "{\"title\":\"old\",\"created_at\":\"1969-07-20T20:17:00Z\"}\n");
  std::string before = s.dump_store();
  Result r = s.run({"import", "rows.jsonl"});
  CHECK(r.status == 65);
  CHECK(r.err_line().find("desk: line 2: ") == 0);
  CHECK(r.err_line().find("is outside the range desk supports") != std::string::npos);
  CHECK(s.dump_store() == before);
}

TEST_CASE("dates: a report leaves out a stored ticket with such a time, and says so once") {
  Sandbox s;
  s.log("fine", {"--at", "2026-11-23 09:00"});
  s.log("poisoned", {"--at", "2026-11-23 10:00"});
  s.log("also poisoned", {"--at", "2026-11-23 11:00"});
  // What an older desk let in, or a hand on the store.
  s.sql_ok(
      "UPDATE tickets SET created_at = -86400 WHERE id = 2; "
      "UPDATE tickets SET created_at = -62167219200 WHERE id = 3");  // 0000-01-01
  const std::string warning =
      "desk: warning: 2 ticket(s) left out of the report: a time of theirs is outside the range "
      "desk supports (1971-01-01 to 2199-12-31 UTC)\n";
  for (std::string report : {"digest", "backlog", "workload"}) {
    CAPTURE(report);
    Result r = s.run({"report", report});
    CHECK(r.status == 0);
    CHECK(r.err == warning);
  }
  // Reports of a period read only the tickets logged in it: these are not.
  for (std::string report : {"sla", "performance"}) {
    CAPTURE(report);
    Result r = s.run({"report", report, "--since", "1971-01-01"});
    CHECK(r.status == 0);
    CHECK(r.err == "");
  }
}
