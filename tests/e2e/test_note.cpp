#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("note: an internal note and a reply, and the first reply is the first response") {
  Sandbox s;
  s.log("VPN drops", {"--at", "2026-11-24 09:00"});
  Result n = s.ok({"note", "1", "-m", "Looked at the logs", "--at", "2026-11-24 09:10"});
  CHECK(n.out == "Noted on ticket 1\n");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["first_response_at"].is_null());
  Result r = s.ok({"note", "1", "--reply", "-m", "We are on it", "--channel", "email", "--at",
                   "2026-11-24 09:20"});
  CHECK(r.out == "Replied on ticket 1 (first response)\n");
  CHECK(s.ok({"note", "1", "-r", "-m", "Fixed?"}).out == "Replied on ticket 1\n");
  t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["first_response_at"] == "2026-11-24T09:20:00+00:00");
  CHECK(t["updated_at"] == "2026-11-24T10:30:00+00:00");
  REQUIRE(t["events"].size() == 4);
  CHECK(t["events"][1]["kind"] == "note");
  CHECK(t["events"][1]["text"] == "Looked at the logs");
  CHECK(t["events"][2]["kind"] == "reply");
  CHECK(t["events"][2]["channel"] == "email");
}

TEST_CASE("note: a reply written up late still counts from when it was given") {
  Sandbox s;
  s.log("call", {"--at", "2026-11-24 08:00"});
  s.ok({"note", "1", "-m", "later note", "--at", "2026-11-24 10:00"});
  s.ok({"note", "1", "--reply", "-m", "phoned back", "--at", "2026-11-24 08:30"});
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["first_response_at"] == "2026-11-24T08:30:00+00:00");
}

TEST_CASE("note: refusals change nothing") {
  Sandbox s;
  s.log("call", {"--at", "2026-11-24 08:00"});
  std::string before = s.dump_store();
  CHECK(s.run({"note", "2", "-m", "x"}).status == 1);
  CHECK(s.run({"note", "1", "-m", "  "}).status == 65);
  CHECK(s.run({"note", "1", "-m", "x", "--channel", "pigeon"}).status == 65);
  Result early = s.run({"note", "1", "-m", "x", "--at", "2026-11-24 07:00"});
  CHECK(early.status == 65);
  CHECK(early.err_line() ==
        "desk: --at 2026-11-24T07:00:00+00:00 is before 2026-11-24T08:00:00+00:00");
  CHECK(s.dump_store() == before);
}

TEST_CASE("note: the text comes from standard input") {
  Sandbox s;
  s.log("call");
  s.ok({"note", "1"}, "from a script\n");
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["events"][1]["text"] == "from a script");
}

TEST_CASE("note: several tickets at once, one note each, all or nothing") {
  Sandbox s;
  s.log("one");
  s.log("two");
  CHECK(s.ok({"note", "1", "2", "-m", "the outage is over", "--reply"}).out ==
        "Replied on ticket 1 (first response)\nReplied on ticket 2 (first response)\n");
  CHECK(s.ok({"note", "-", "-m", "checked"}, "2\n1\n").out ==
        "Noted on ticket 2\nNoted on ticket 1\n");
  std::string before = s.dump_store();
  Result missing = s.run({"note", "1", "9", "-m", "x"});
  CHECK(missing.status == 1);
  CHECK(missing.err_line() == "desk: no ticket 9");
  Result no_text = s.run({"note", "-"}, "1\n");
  CHECK(no_text.status == 2);
  CHECK(no_text.err_line() == "desk: the ids come on standard input, so the text cannot");
  CHECK(s.dump_store() == before);
  Json j = s.ok({"note", "1", "2", "-m", "more", "--format", "json"}).json();
  REQUIRE(j.is_array());
  CHECK(j[0]["ticket"] == 1);
  CHECK(j[1]["ticket"] == 2);
}
