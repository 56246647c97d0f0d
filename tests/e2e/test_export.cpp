#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("export: every ticket of every status with its events, one JSON line each") {
  Sandbox s;
  s.log("one", {"-t", "vpn", "--at", "2026-11-20 09:00"});
  s.log("two", {"--priority", "P1", "--at", "2026-11-21 09:00"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "done", "--at", "2026-11-22 09:00"});
  auto rows = s.ok({"export"}).jsonl();
  REQUIRE(rows.size() == 2);
  Json shown = s.ok({"show", "1", "--format", "json"}).json();
  for (const char* only_shown : {"links", "articles", "checklist", "ratings", "worked_seconds"})
    shown.erase(only_shown);
  CHECK(rows[0] == shown);  // the same documented JSON as desk show
  CHECK(rows[0]["status"] == "resolved");
  CHECK(rows[0]["events"].size() == 2);
  CHECK(rows[0]["events"][1]["kind"] == "resolved");
  CHECK(rows[1]["id"] == 2);

  // Filters as in desk list.
  auto open = s.ok({"export", "status:open"}).jsonl();
  REQUIRE(open.size() == 1);
  CHECK(open[0]["id"] == 2);
  CHECK(s.ok({"export", "+vpn"}).jsonl().size() == 1);
  CHECK(s.ok({"export", "--priority", "P1"}).jsonl()[0]["id"] == 2);
  CHECK(s.ok({"export", "--since", "2026-11-21"}).jsonl()[0]["id"] == 2);
  Result bad = s.run({"export", "colour:red"});
  CHECK(bad.status == 2);
  Result none = s.ok({"export", "--team", "none", "status:closed"});
  CHECK(none.out == "");
}

TEST_CASE("export --format csv: one record per ticket, the history in an events column") {
  Sandbox s;
  s.log("Printer \"jams\", again", {"-t", "a,b", "-m", "line 1\nline 2"});
  Result r = s.ok({"export", "--format", "csv"});
  std::string header = r.out.substr(0, r.out.find('\n'));
  CHECK(header.rfind("id,external_id,type,title,description,status,", 0) == 0);
  CHECK(header.size() > 7);
  CHECK(header.substr(header.size() - 7) == ",events");
  CHECK(r.out.find("\"Printer \"\"jams\"\", again\"") != std::string::npos);
  CHECK(r.out.find("\"line 1\nline 2\"") != std::string::npos);
  CHECK(r.out.find(",\"a,b\",") != std::string::npos);
  CHECK(r.out.find("\"[{\"\"id\"\":1,\"\"ticket\"\":1,") != std::string::npos);
}
