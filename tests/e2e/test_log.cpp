#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("log: prints the new id, and only the id with -q") {
  Sandbox s;
  Result r = s.run({"log", "Printer on fire", "-m", "smoke"});
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out == "Logged ticket 1: Printer on fire [P3 incident]\n");
  Result q = s.run({"log", "-q", "Second", "-m", ""});
  CHECK(q.status == 0);
  CHECK(q.out == "2\n");
}

TEST_CASE("log: priority comes from impact x urgency, P = rank(impact) + rank(urgency) - 1") {
  Sandbox s;
  struct Case {
    const char* impact;
    const char* urgency;
    const char* priority;
  };
  for (Case c :
       {Case{"high", "high", "P1"}, Case{"high", "medium", "P2"}, Case{"medium", "high", "P2"},
        Case{"high", "low", "P3"}, Case{"medium", "medium", "P3"}, Case{"low", "medium", "P4"},
        Case{"low", "low", "P5"}}) {
    CAPTURE(c.impact);
    CAPTURE(c.urgency);
    long long id = s.log("call", {"--impact", c.impact, "--urgency", c.urgency});
    Json t = s.ok({"show", std::to_string(id), "--format", "json"}).json();
    CHECK(t["priority"] == c.priority);
    CHECK(t["impact"] == c.impact);
    CHECK(t["urgency"] == c.urgency);
  }
}

TEST_CASE("log: an explicit priority wins and records no invented axes") {
  Sandbox s;
  long long id = s.log("VIP down", {"--priority", "P1"});
  Json t = s.ok({"show", std::to_string(id), "--format", "json"}).json();
  CHECK(t["priority"] == "P1");
  CHECK(t["impact"].is_null());
  CHECK(t["urgency"].is_null());
}

TEST_CASE("log: records every field given, and the customer on the fly") {
  Sandbox s;
  s.ok({"log", "-q", "VPN drops every hour", "--type", "incident", "--customer", "jane@example.org",
        "--channel", "email", "--category", "network", "--tag", "vpn,remote", "-t", "vpn", "-m",
        "Since Monday"});
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["title"] == "VPN drops every hour");
  CHECK(t["type"] == "incident");
  CHECK(t["customer"] == "jane@example.org");
  CHECK(t["customer_email"] == "jane@example.org");
  CHECK(t["channel"] == "email");
  CHECK(t["category"] == "network");
  CHECK(t["tags"] == Json::array({"remote", "vpn"}));  // a set, kept sorted
  CHECK(t["description"] == "Since Monday");
  CHECK(t["status"] == "new");
  CHECK(t["created_at"] == "2026-11-24T10:30:00+00:00");
  CHECK(t["events"].size() == 1);
  CHECK(t["events"][0]["kind"] == "logged");
  CHECK(t["events"][0]["actor"] == "tester");
  // The same customer again is not a second customer.
  s.log("Again", {"--customer", "JANE@example.org"});
  Json t2 = s.ok({"show", "2", "--format", "json"}).json();
  CHECK(t2["customer_id"] == t["customer_id"]);
}

TEST_CASE("log: the description comes from stdin when it is not a terminal") {
  Sandbox s;
  s.ok({"log", "-q", "From a pipe"}, "line one\nline two\n");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["description"] == "line one\nline two");
}

TEST_CASE("log: --at records when the call came in") {
  Sandbox s;
  s.ok({"log", "-q", "Yesterday's call", "-m", "", "--at", "2026-11-23 16:45"});
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["created_at"] == "2026-11-23T16:45:00+00:00");
  CHECK(t["events"][0]["at"] == "2026-11-23T16:45:00+00:00");
  CHECK(t["events"][0]["recorded_at"] == "2026-11-24T10:30:00+00:00");
}

TEST_CASE("log: the actor is --as, else DESK_USER, else the login name") {
  Sandbox s;
  s.ok({"log", "-q", "a", "-m", "", "--as", "alice"});
  s.ok({"log", "-q", "b", "-m", ""});
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["events"][0]["actor"] == "alice");
  CHECK(s.ok({"show", "2", "--format", "json"}).json()["events"][0]["actor"] == "tester");
  Result r = s.run_with({"log", "-q", "c", "-m", ""}, "", {{"DESK_USER", "<unset>"}});
  CHECK(r.status == 0);
  CHECK(s.ok({"show", "3", "--format", "json"}).json()["events"][0]["actor"] != "tester");
}

TEST_CASE("log: any language is stored and shown intact") {
  Sandbox s;
  for (const char* title :
       {"Принтер не печатает", "Café résumé naïve", "打印机坏了", "Printer 🔥 on fire"})
    s.log(title);
  Json rows = s.ok({"list", "--format", "json"}).json();
  REQUIRE(rows.size() == 4);
  CHECK(rows[0]["title"] == "Принтер не печатает");
  CHECK(rows[1]["title"] == "Café résumé naïve");
  CHECK(rows[2]["title"] == "打印机坏了");
  CHECK(rows[3]["title"] == "Printer 🔥 on fire");
}

TEST_CASE("log: a value not in the configuration is bad data, with a did-you-mean") {
  Sandbox s;
  std::string before = s.dump_store();
  Result r = s.run({"log", "x", "-m", "", "--type", "incdent"});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: unknown type 'incdent'");
  CHECK(r.err.find("did you mean 'incident'?") != std::string::npos);
  CHECK(r.out == "");
  Result c = s.run({"log", "x", "-m", "", "--channel", "fax"});
  CHECK(c.status == 65);
  CHECK(c.err_line() == "desk: unknown channel 'fax'");
  CHECK(c.err.find("phone, email, chat, portal, walk-in, bot") != std::string::npos);
  CHECK(s.run({"log", "x", "-m", "", "--priority", "P9"}).status == 65);
  CHECK(s.run({"log", "x", "-m", "", "--impact", "huge"}).status == 65);
  CHECK(s.run({"log", "   ", "-m", ""}).status == 65);
  CHECK(s.run({"log", "x", "-m", "", "--at", "2026-11-25"}).status == 65);
  CHECK(s.run({"log", "x", "-m", "", "--at", "soon"}).status == 65);
  CHECK(s.dump_store() == before);
}

TEST_CASE("log: usage errors exit 2 and write nothing") {
  Sandbox s;
  std::string before = s.dump_store();
  Result r = s.run({"log"});
  CHECK(r.status == 2);
  CHECK(r.err_line().rfind("desk: ", 0) == 0);
  CHECK(r.err.find("desk log --help") != std::string::npos);
  CHECK(s.run({"log", "x", "--bogus"}).status == 2);
  CHECK(s.dump_store() == before);
}

TEST_CASE("log: configured values in any case, a space for a hyphen, stored as configured") {
  Sandbox s;
  Json t = s.ok({"log", "printer", "-m", "", "--type", "Incident", "--channel", "Walk in",
                 "--category", "HARDWARE", "-p", "p2", "--format", "json"})
               .json();
  CHECK(t["type"] == "incident");
  CHECK(t["channel"] == "walk-in");
  CHECK(t["category"] == "hardware");
  CHECK(t["priority"] == "P2");
  CHECK(s.ok({"list", "--channel", "WALK-IN", "-q"}).out == "1\n");
  s.ok({"edit", "1", "--category", "Network"});
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["category"] == "network");
  std::string before = s.dump_store();
  Result r = s.run({"log", "x", "-m", "", "--channel", "Social media"});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: unknown channel 'Social media'");
  CHECK(r.err.find("a configured name is one word: write a hyphen for a space") !=
        std::string::npos);
  CHECK(s.dump_store() == before);
}
