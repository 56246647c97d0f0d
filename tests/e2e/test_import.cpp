#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

std::string example_csv() {
  Sandbox s(false);
  return run_program({"cat", (source_dir() / "examples" / "import" / "other-tool.csv").string()},
                     "", s.dir(), {})
      .out;
}

Json show(const Sandbox& s, long long id) {
  return s.ok({"show", std::to_string(id), "--format", "json"}).json();
}

std::vector<std::string> kinds(const Json& ticket) {
  std::vector<std::string> out;
  for (const auto& e : ticket["events"]) out.push_back(e["kind"].get<std::string>());
  return out;
}

// A store with a bit of every kind of history: customers, allocation,
// notes and replies, pending, escalation, edits, links, resolution with a
// duplicate, reopening, closing.
void busy_store(const Sandbox& s) {
  s.configure(kTeams);
  s.log("VPN drops", {"-c", "jane@example.org", "--channel", "phone", "--category", "network", "-t",
                      "vpn,remote", "--at", "2026-11-20 09:00", "-m", "Every hour, on the hour"});
  s.log("Printer jams", {"-c", "Omar Haddad", "--impact", "high", "--urgency", "low",
                         "--external-id", "OT-7", "--at", "2026-11-20 10:00"});
  s.log("Printer jams again", {"-c", "Omar Haddad", "--at", "2026-11-20 11:00"});
  s.log("New laptop", {"--type", "service-request", "--at", "2026-11-21 08:00", "-m",
                       "Line one\nline \"two\", with a comma"});
  s.ok({"allocate", "1", "--to", "alice", "--at", "2026-11-20 09:05"});
  s.ok({"note", "1", "--reply", "--channel", "email", "-m", "Looking", "--at", "2026-11-20 09:10"});
  s.ok({"start", "1", "--as", "alice", "--at", "2026-11-20 09:20"});
  s.ok({"pending", "1", "--on", "customer", "-m", "Asked for logs", "--at", "2026-11-20 09:30"});
  s.ok({"resume", "1", "--at", "2026-11-21 09:00"});
  s.ok({"escalate", "1", "--up", "-m", "Needs networks", "--at", "2026-11-21 09:30"});
  s.ok({"edit", "2", "--title", "Printer jams on floor 3", "--priority", "P1", "-m", "VIP", "--at",
        "2026-11-20 10:30"});
  s.ok({"resolve", "3", "--duplicate-of", "2", "-m", "Same printer", "--at", "2026-11-20 11:30"});
  s.ok({"link", "1", "--to", "4", "--at", "2026-11-21 10:00"});
  s.ok({"resolve", "2", "--code", "fixed", "-m", "New roller", "--at", "2026-11-22 10:00"});
  s.ok({"reopen", "2", "-m", "Jammed again", "--at", "2026-11-22 12:00"});
  s.ok({"resolve", "2", "--code", "workaround", "-m", "Manual feed", "--workaround", "Use tray 2",
        "--at", "2026-11-22 13:00"});
  s.ok({"close", "3", "--at", "2026-11-23 13:00"});
  // Two people with one name: the import must tell them apart by email
  // (a bug the 1M-ticket round trip found).
  s.ok({"customer", "add", "Sam Lee", "--email", "sam@one.example"});
  s.ok({"customer", "add", "Sam Lee", "--email", "sam@two.example"});
  s.log("Sam two's call", {"-c", "sam@two.example", "--at", "2026-11-23 14:00"});
  s.log("Sam one's call", {"-c", "sam@one.example", "--at", "2026-11-23 15:00"});
}

}  // namespace

TEST_CASE("import: desk export into an empty store reproduces every ticket, event and link") {
  Sandbox from;
  busy_store(from);
  std::string exported = from.ok({"export"}).out;
  REQUIRE(std::count(exported.begin(), exported.end(), '\n') == 6);

  Sandbox to;
  to.configure(kTeams);
  Result r = to.run({"import", "-"}, exported);
  CHECK(r.status == 0);
  CHECK(r.out == "");
  std::size_t events = 0;
  for (const auto& t : from.ok({"export"}).jsonl()) events += t["events"].size();
  CHECK(events == 20);
  CHECK(r.err == "Imported 'standard input': 6 created, 0 updated, 0 skipped (" +
                     std::to_string(events) + " events)\n");
  CHECK(to.ok({"export"}).out == exported);
  for (long long id = 1; id <= 6; ++id) {
    CAPTURE(id);
    CHECK(show(to, id) == show(from, id));  // links included
  }
  CHECK(to.ok({"doctor"}).status == 0);
  // The kept event ids interleave across tickets (ticket 1 has 1, 5, ...):
  // the audit chain, which runs in id order, still verifies.
  CHECK(to.ok({"audit", "verify"}).out.rfind("ok: ", 0) == 0);

  // Again: the same history is there already, so nothing changes.
  std::string before = to.dump_store();
  Result again = to.run({"import", "-", "--format", "jsonl"}, exported);
  CHECK(again.status == 0);
  CHECK(again.err == "Imported 'standard input': 0 created, 0 updated, 6 skipped (0 events)\n");
  CHECK(to.dump_store() == before);
}

TEST_CASE("import: desk's CSV export round-trips through its events column") {
  Sandbox from;
  busy_store(from);
  std::string csv = from.ok({"export", "--format", "csv"}).out;
  CHECK(csv.rfind("id,external_id,type,title,description,status,", 0) == 0);
  from.write("all.csv", csv);
  Sandbox to;
  to.configure(kTeams);
  to.write("all.csv", csv);
  Result r = to.run({"import", "all.csv"});
  CHECK(r.status == 0);
  CHECK(r.err == "Imported 'all.csv': 6 created, 0 updated, 0 skipped (20 events)\n");
  CHECK(to.ok({"export"}).out == from.ok({"export"}).out);
}

TEST_CASE("import: a history that continues the stored one adds the new events") {
  Sandbox s;
  long long id = s.log("VPN drops", {"--at", "2026-11-20 09:00"});
  std::string first = s.ok({"export"}).out;
  s.ok({"note", std::to_string(id), "-m", "later", "--at", "2026-11-21 09:00"});
  std::string longer = s.ok({"export"}).out;
  Sandbox t;
  t.ok({"import", "-"}, first);
  Result r = t.run({"import", "-"}, longer);
  CHECK(r.err == "Imported 'standard input': 0 created, 1 updated, 0 skipped (1 events)\n");
  CHECK(t.ok({"export"}).out == longer);
  // Another ticket 1 with a different story is refused.
  Sandbox u;
  u.log("Something else");
  std::string before = u.dump_store();
  Result clash = u.run({"import", "-"}, longer);
  CHECK(clash.status == 65);
  CHECK(clash.err_line() == "desk: line 1: ticket 1 exists already with another history");
  CHECK(u.dump_store() == before);
}

TEST_CASE("import: a row that is not the replay of its events is refused") {
  Sandbox s;
  s.log("VPN drops");
  Json row = s.ok({"export"}).jsonl()[0];
  row["status"] = "resolved";
  Sandbox t;
  std::string before = t.dump_store();
  Result r = t.run({"import", "-"}, row.dump() + "\n");
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: line 1: ticket 1's status is not what its events make it");
  CHECK(t.dump_store() == before);
}

TEST_CASE("import: another tool's CSV gets the events a technician would have written") {
  Sandbox s;
  s.write("other-tool.csv", example_csv());
  Result r = s.run({"import", "other-tool.csv"});
  CHECK(r.status == 0);
  CHECK(r.out == "");
  CHECK(r.err == "Imported 'other-tool.csv': 5 created, 0 updated, 0 skipped (19 events)\n");

  Json vpn = show(s, 1);
  CHECK(vpn["external_id"] == "OT-1041");
  CHECK(vpn["title"] == "VPN drops every hour");
  CHECK(vpn["description"] ==
        "Drops at :00 and reconnects after two minutes.\nStarted after Monday's client update.");
  CHECK(vpn["priority"] == "P2");  // high impact x medium urgency
  CHECK(vpn["customer"] == "jane.doe@example.org");
  CHECK(vpn["tags"] == Json::array({"remote", "vpn"}));
  CHECK(vpn["status"] == "closed");
  CHECK(vpn["team"] == "service-desk");
  CHECK(vpn["created_at"] == "2026-11-02T09:15:00+00:00");
  CHECK(vpn["first_response_at"] == "2026-11-02T09:40:00+00:00");
  CHECK(vpn["resolved_at"] == "2026-11-03T14:10:00+00:00");
  CHECK(vpn["closed_at"] == "2026-11-08T14:10:00+00:00");
  CHECK(vpn["resolution_code"] == "fixed");
  CHECK(kinds(vpn) ==
        std::vector<std::string>{"logged", "allocated", "reply", "resolved", "closed"});
  CHECK(vpn["events"][0]["at"] == "2026-11-02T09:15:00+00:00");
  CHECK(vpn["events"][0]["actor"] == "tester");
  CHECK(vpn["events"][0]["imported"] == true);

  Json laptop = show(s, 2);
  CHECK(laptop["title"] == "New starter: laptop for \"Sam\", Finance");
  CHECK(laptop["customer"] == "Omar Haddad");
  CHECK(laptop["status"] == "resolved");
  Json audit = show(s, 3);
  CHECK(audit["status"] == "new");  // a team, nobody yet
  CHECK(kinds(audit) == std::vector<std::string>{"logged", "allocated", "reply"});
  Json printer = show(s, 4);
  CHECK(printer["priority"] == "P2");                    // medium impact x high urgency
  CHECK(printer["customer"] == "jane.doe@example.org");  // the same customer as ticket 1
  CHECK(printer["customer_id"] == vpn["customer_id"]);
  // No team in the file: routed (issue 13 item 12).
  CHECK(kinds(printer) == std::vector<std::string>{"logged", "allocated"});
  CHECK(printer["team"] == "service-desk");
  CHECK(s.ok({"doctor"}).status == 0);

  // Service levels run on the imported history: ticket 5 was answered.
  Json sla = s.ok({"sla", "5", "--format", "json"}).json();
  CHECK(sla.dump().find("\"met\"") != std::string::npos);
}

TEST_CASE("import: the same file twice creates nothing, a changed row is an edit") {
  Sandbox s;
  s.write("other-tool.csv", example_csv());
  s.ok({"import", "other-tool.csv"});
  std::string before = s.dump_store();
  Result again = s.run({"import", "other-tool.csv"});
  CHECK(again.status == 0);
  CHECK(again.err == "Imported 'other-tool.csv': 0 created, 0 updated, 5 skipped (0 events)\n");
  CHECK(s.dump_store() == before);

  s.write(
      "changed.jsonl",
      R"({"external_id": "OT-1043", "title": "Shared drive access for the audit team", "priority": "P2", "tags": ["audit"]})"
      "\n"
      R"({"external_id": "OT-1045", "title": "Closed tickets stay as they were"})"
      "\n");
  Result changed = s.run({"import", "changed.jsonl"});
  CHECK(changed.status == 0);
  CHECK(changed.err == "Imported 'changed.jsonl': 0 created, 1 updated, 1 skipped (1 events)\n");
  Json audit = show(s, 3);
  CHECK(audit["priority"] == "P2");
  CHECK(audit["tags"] == Json::array({"audit"}));
  const Json& edit = audit["events"].back();
  CHECK(edit["kind"] == "edited");
  CHECK(edit["text"] == "imported from changed.jsonl");
  CHECK(edit["changes"]["priority"]["from"] == "P3");
  CHECK(edit["changes"].contains("title") == false);
}

TEST_CASE("import: an event of a kind desk does not know is refused, naming the kinds") {
  Sandbox s;
  s.log("VPN drops");
  Json row = s.ok({"export"}).jsonl()[0];
  Sandbox t;
  std::string before = t.dump_store();
  for (Json kind : {Json("hook_failed"), Json("Logged"), Json(""), Json(7)}) {
    CAPTURE(kind.dump());
    Json bad = row;
    bad["events"][0]["kind"] = kind;
    Result r = t.run({"import", "-"}, bad.dump() + "\n");
    CHECK(r.status == 65);
    CHECK(
        r.err_line() ==
        "desk: line 1: an event's 'kind' must be one of logged, edited, note, reply, allocated, "
        "escalated, status, resolved, closed, reopened, linked, rated, hook-failed, checked, "
        "worked, "
        "received, delivery-failed, service-added, service-edited, service-retired, "
        "customer-added, customer-edited, customer-merged, erased, purged, article-version, away, "
        "away-cancelled");
    CHECK(t.dump_store() == before);
  }
}

TEST_CASE("import: a bad row is refused with its line and why, and nothing is written") {
  Sandbox s;
  s.log("already here");
  std::string before = s.dump_store();
  struct Case {
    std::string file, err, hint;
  };
  std::vector<Case> cases = {
      {"title,channel\nfine,phone\n\"two\nlines\",email\nbad,fax\n",
       "desk: line 5: unknown channel 'fax'",
       "hint: allowed: phone, email, chat, portal, walk-in, bot"},
      {"title,priorty\nx,P1\n", "desk: line 2: unknown column 'priorty'",
       "hint: did you mean 'priority'?"},
      {"title,created_at\nx,yesterday-ish\n",
       "desk: line 2: 'created_at': invalid time 'yesterday-ish'", ""},
      {"title,status\nx,resolved\n", "desk: line 2: a resolved ticket needs 'resolved_at'", ""},
      {"title,created_at,resolved_at,resolution_code\nx,2026-11-20,2026-11-19,fixed\n",
       "desk: line 2: 'resolved_at' 2026-11-19T00:00:00+00:00 is before 'created_at' "
       "2026-11-20T00:00:00+00:00",
       ""},
      {"title,created_at\nx,2027-01-01\n",
       "desk: line 2: 'created_at' 2027-01-01T00:00:00+00:00 is in the future", ""},
      {"title,assignee\nx,nobody\n", "desk: line 2: unknown assignee 'nobody'", ""},
      {"title\n\"unterminated\n", "desk: line 2: a quoted field is not closed", ""},
      {"title,type\nx\n", "desk: line 2: 1 fields, but the header names 2 columns", ""},
      {"{\"title\": \"ok\"}\n{\"title\": }\n",
       "desk: line 2: invalid JSON: The JSON document has an improper structure: missing or "
       "superfluous commas, braces, missing keys, etc.",
       ""},
      {"{\"title\": \"\"}\n", "desk: line 1: the title must not be empty", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.file);
    Result r = s.run({"import", "-"}, c.file);
    CHECK(r.status == 65);
    CHECK(r.err_line() == c.err);
    if (!c.hint.empty()) CHECK(r.err.substr(r.err.find('\n') + 1) == c.hint + "\n");
    CHECK(s.dump_store() == before);
  }
}

TEST_CASE("import: --dry-run checks and reports but writes nothing, no progress bar in a pipe") {
  Sandbox s;
  s.write("other-tool.csv", example_csv());
  std::string before = s.dump_store();
  Result dry = s.run({"import", "other-tool.csv", "--dry-run"});
  CHECK(dry.status == 0);
  CHECK(dry.err == "Would import 'other-tool.csv': 5 created, 0 updated, 0 skipped (19 events)\n");
  CHECK(s.dump_store() == before);
  Result quiet = s.run({"import", "other-tool.csv", "-q"});
  CHECK(quiet.status == 0);
  CHECK(quiet.err == "");
  CHECK(quiet.out == "");
  Result missing = s.run({"import", "nowhere.csv"});
  CHECK(missing.status == 74);
  CHECK(missing.err_line() == "desk: cannot read 'nowhere.csv': No such file or directory");
}

TEST_CASE("import: CSV quoting follows RFC 4180, CRLF and a byte-order mark included") {
  Sandbox s;
  std::string csv =
      "\xEF\xBB\xBFtitle,description,tags\r\n"
      "\"a, b\",\"said \"\"hi\"\"\r\nthen left\",\"x y\"\r\n"
      "plain,,\r\n";
  Result r = s.run({"import", "-", "--format", "csv"}, csv);
  CHECK(r.status == 0);
  Json one = show(s, 1);
  CHECK(one["title"] == "a, b");
  CHECK(one["description"] == "said \"hi\"\r\nthen left");
  CHECK(one["tags"] == Json::array({"x", "y"}));
  CHECK(show(s, 2)["title"] == "plain");
}

TEST_CASE("import: ratings come back with the history that records them") {
  Sandbox from;
  from.configure(kTeams);
  from.log("Slow mail", {"--at", "2026-11-20 09:00"});
  from.ok({"take", "1", "--as", "alice", "--at", "2026-11-20 09:05"});
  from.ok({"resolve", "1", "--as", "alice", "--code", "fixed", "-m", "Quota", "--at",
           "2026-11-20 10:00"});
  from.ok({"rate", "1", "--score", "2", "-m", "Took long", "--at", "2026-11-21 09:00"});
  std::string exported = from.ok({"export"}).out;

  Sandbox to;
  to.configure(kTeams);
  to.ok({"import", "-"}, exported);
  Json ratings = show(to, 1)["ratings"];
  REQUIRE(ratings.size() == 1);
  CHECK(ratings[0]["score"] == 2);
  CHECK(ratings[0]["comment"] == "Took long");
  CHECK(ratings[0]["resolver"] == "alice");
  CHECK(ratings == show(from, 1)["ratings"]);
  // Importing again adds no second rating.
  to.ok({"import", "-"}, exported);
  CHECK(show(to, 1)["ratings"].size() == 1);
}

// Rows are read and checked on a second thread, a few hundred at a time,
// while the first writes: a bad row far into a file must still stop the
// import at its own line with nothing written, and a long file must come
// in whole, in order.
TEST_CASE("import: a long file comes in whole, and a bad row late in it writes nothing") {
  Sandbox s;
  s.log("already here");
  std::string before = s.dump_store();
  std::string rows = "external_id,title,channel\n";
  for (int i = 1; i <= 3000; ++i)
    rows += "X-" + std::to_string(i) + ",ticket " + std::to_string(i) + ",phone\n";
  std::string bad = rows;
  std::size_t at = bad.find("X-2600,ticket 2600,phone");
  REQUIRE(at != std::string::npos);
  bad.replace(at, std::string("X-2600,ticket 2600,phone").size(), "X-2600,ticket 2600,fax");
  Result refused = s.run({"import", "-"}, bad);
  CHECK(refused.status == 65);
  CHECK(refused.err_line() == "desk: line 2601: unknown channel 'fax'");
  CHECK(s.dump_store() == before);

  Result done = s.run({"import", "-"}, rows);
  CHECK(done.status == 0);
  CHECK(done.err ==
        "Imported 'standard input': 3000 created, 0 updated, 0 skipped (6000 events)\n");
  Json last = show(s, 3001);
  CHECK(last["external_id"] == "X-3000");
  CHECK(last["title"] == "ticket 3000");
  CHECK(show(s, 1500)["external_id"] == "X-1499");
}

TEST_CASE("import: issue 14: JSON nested 100,000 deep is bad data, not a crash") {
  Sandbox s;
  std::string before = s.dump_store();
  Result r = s.run({"import", "-", "--format", "jsonl"},
                   "{\"title\": " + std::string(100000, '[') + std::string(100000, ']') + "}\n");
  CHECK(r.status == 65);
  CHECK(r.err_line() ==
        "desk: line 1: invalid JSON: The JSON document was too deep (too many "
        "nested objects and arrays)");
  CHECK(s.dump_store() == before);
}

TEST_CASE("import: issue 13: every bad row of a file is reported in one run, nothing written") {
  Sandbox s;
  s.configure(kTeams);
  s.log("already here");
  std::string before = s.dump_store();
  std::string csv =
      "external_id,title,description,customer,channel,priority,assignee,created_at,resolved_at,"
      "resolution_code\n"
      "A-1,\"Printer, 3rd floor\",\"Jams on\nevery page\",\"Doe, Jane\",phone,P3,,2026-11-02 "
      "09:00,,\n"
      "A-2,Fax broken,,jane@example.org,fax,P3,,2026-11-02 09:00,,\n"
      "A-3,\"Mail \"\"slow\"\"\",\"line one\nline two\",,email,urgent,,2026-11-02 09:00,,\n"
      "A-4,VPN,,,email,P2,,2026-11-05 10:00,2026-11-04 10:00,fixed\n"
      "A-5,Laptop,,,email,P4,nobody,2026-11-02 09:00,,\n"
      "A-6,Fine,,,email,P4,,2026-11-02 09:00,,\n";
  Result r = s.run({"import", "-", "--format", "csv"}, csv);
  CHECK(r.status == 65);
  CHECK(r.out == "");
  CHECK(r.err ==
        "desk: line 4: unknown channel 'fax'\n"
        "hint: allowed: phone, email, chat, portal, walk-in, bot\n"
        "desk: line 5: unknown priority 'urgent'\n"
        "hint: allowed: P1, P2, P3, P4, P5\n"
        "desk: line 7: 'resolved_at' 2026-11-04T10:00:00+00:00 is before 'created_at' "
        "2026-11-05T10:00:00+00:00\n"
        "hint: 'resolved_at' must be no earlier than 'created_at': the times go created_at, "
        "first_response_at, resolved_at, closed_at\n"
        "desk: line 8: unknown assignee 'nobody'\n"
        "hint: allowed: alice, bob, carol, erin, frank, grace, heidi\n"
        "desk: 4 rows are bad; nothing was imported\n"
        "hint: fix them and try again; nothing is written while a row is bad\n");
  CHECK(s.dump_store() == before);
  // --dry-run reports the same.
  CHECK(s.run({"import", "-", "--format", "csv", "--dry-run"}, csv).err == r.err);

  // Past 50 bad rows, the rest are counted; a misspelt column is told once.
  std::string many = "title,channel\n";
  for (int i = 0; i < 70; ++i) many += "t" + std::to_string(i) + ",fax\n";
  Result lots = s.run({"import", "-", "--format", "csv"}, many);
  CHECK(lots.status == 65);
  CHECK(lots.err.find("desk: line 51: unknown channel 'fax'\n") != std::string::npos);
  CHECK(lots.err.find("desk: line 52:") == std::string::npos);
  CHECK(lots.err.substr(lots.err.rfind("desk: ")) ==
        "desk: 70 rows are bad (50 listed above); nothing was imported\n"
        "hint: fix them and try again; nothing is written while a row is bad\n");
  Result column = s.run({"import", "-", "--format", "csv"}, "title,priorty\na,P1\nb,P2\n");
  CHECK(column.err ==
        "desk: line 2: unknown column 'priorty'\nhint: did you mean 'priority'?\n"
        "desk: 2 rows are bad (1 listed above); nothing was imported\n"
        "hint: fix them and try again; nothing is written while a row is bad\n");
  // Bad text that is not a row at all does not hide the rows after it.
  Result json = s.run({"import", "-", "--format", "jsonl"},
                      "{\"title\": }\n{\"title\": \"x\", \"channel\": \"fax\"}\n");
  CHECK(json.err.find("desk: line 1: invalid JSON") == 0);
  CHECK(json.err.find("desk: line 2: unknown channel 'fax'") != std::string::npos);
  CHECK(s.dump_store() == before);
}

TEST_CASE("import: issue 13: customers come with name, email, phone and organisation") {
  Sandbox s;
  std::string csv =
      "external_id,title,description,customer_name,customer_email,customer_phone,organisation\n"
      "C-1,\"VPN, again\",\"Drops at :00\nevery hour\",\"Doe, Jane\",jane@example.org,+44 20 "
      "7946 0000,\"Acme, Ltd\"\n"
      "C-2,Printer,,\"Doe, Jane\",JANE@example.org,,\n"
      "C-3,Laptop,,Omar Haddad,,,\n";
  Result r = s.run({"import", "-", "--format", "csv"}, csv);
  REQUIRE(r.status == 0);
  CHECK(r.err == "Imported 'standard input': 3 created, 0 updated, 0 skipped (6 events)\n");
  Json one = show(s, 1), two = show(s, 2);
  CHECK(one["customer"] == "Doe, Jane <jane@example.org>");
  CHECK(two["customer_id"] == one["customer_id"]);
  CHECK(show(s, 3)["customer"] == "Omar Haddad");
  Json jane = s.ok({"customer", "export", "jane@example.org"}).json()["customer"];
  CHECK(jane["name"] == "Doe, Jane");
  CHECK(jane["phone"] == "+44 20 7946 0000");
  CHECK(jane["organisation"] == "Acme, Ltd");

  // One email with two names is reported, whether the other is in the file or the store.
  std::string before = s.dump_store();
  Result clash = s.run({"import", "-", "--format", "csv"},
                       "title,customer_name,customer_email\n"
                       "a,Sam Lee,sam@example.org\n"
                       "b,Samuel Lee,sam@example.org\n"
                       "c,J. Doe,jane@example.org\n");
  CHECK(clash.status == 65);
  CHECK(clash.err.find("desk: line 3: customer 'sam@example.org' is named 'Sam Lee' already, not "
                       "'Samuel Lee'\nhint: one email is one customer") == 0);
  CHECK(clash.err.find("desk: line 4: customer 'jane@example.org' is named 'Doe, Jane' already, "
                       "not 'J. Doe'\n") != std::string::npos);
  Result both = s.run({"import", "-", "--format", "csv"},
                      "title,customer,customer_email\na,x@example.org,y@example.org\n");
  CHECK(both.err_line() ==
        "desk: line 2: both 'customer' and 'customer_name' or 'customer_email' are given");
  CHECK(s.dump_store() == before);
}

TEST_CASE("import: issue 13: the configuration names the resolution code rows lack") {
  Sandbox s;
  std::string csv =
      "external_id,title,created_at,status,resolved_at,closed_at\n"
      "R-1,\"Mail, slow\",2026-11-02 09:00,resolved,2026-11-02 10:00,\n"
      "R-2,Printer,2026-11-02 09:00,closed,2026-11-02 10:00,2026-11-03 10:00\n";
  std::string before = s.dump_store();
  Result refused = s.run({"import", "-", "--format", "csv"}, csv);
  CHECK(refused.status == 65);
  CHECK(refused.err.find(
            "desk: line 2: a resolved ticket needs 'resolution_code'\n"
            "hint: one of: fixed, workaround, information-given, no-fault-found, duplicate, "
            "cancelled; or name "
            "the one to use in desk.toml's [import] resolution_code\n") == 0);
  CHECK(s.dump_store() == before);

  s.configure("[import]\nresolution_code = \"no-fault-found\"\n");
  Result r = s.run({"import", "-", "--format", "csv"}, csv);
  CHECK(r.status == 0);
  CHECK(show(s, 1)["resolution_code"] == "no-fault-found");
  CHECK(show(s, 2)["resolution_code"] == "no-fault-found");
  CHECK(s.ok({"config", "show"}).out.find("[import]\nresolution_code = 'no-fault-found'") !=
        std::string::npos);

  s.configure("[import]\nresolution_code = \"fixd\"\n");
  Result check = s.run({"config", "check"});
  CHECK(check.status == 78);
  CHECK(check.err_line().find("unknown resolution code 'fixd'") != std::string::npos);
}

TEST_CASE("import: issue 13: rows without a team are routed, unless --no-route") {
  Sandbox s;
  s.configure(kTeams);
  std::string csv =
      "external_id,title,description,category,team,assignee\n"
      "T-1,VPN drops,\"every hour,\non the hour\",network,,\n"
      "T-2,\"Printer, 3rd floor\",,hardware,,\n"
      "T-3,Laptop,,hardware,third-line,\n"
      "T-4,Mouse,,hardware,,bob\n";
  Result r = s.run({"import", "-", "--format", "csv"}, csv);
  REQUIRE(r.status == 0);
  Json vpn = show(s, 1);
  CHECK(vpn["team"] == "second-line");  // the [[routing]] rule for network
  CHECK(vpn["status"] == "new");
  CHECK(kinds(vpn) == std::vector<std::string>{"logged", "allocated"});
  CHECK(vpn["events"][1]["reason"] == "routed");
  CHECK(vpn["events"][1]["at"] == vpn["created_at"]);
  CHECK(show(s, 2)["team"] == "service-desk");  // no rule: the first-line team
  CHECK(show(s, 3)["team"] == "third-line");    // named: kept
  CHECK(show(s, 4)["team"] == "service-desk");  // bob's team
  Json workload = s.ok({"report", "workload", "--format", "json"}).json();
  CHECK(workload.dump().find("second-line") != std::string::npos);

  Sandbox exact;
  exact.configure(kTeams);
  REQUIRE(exact.run({"import", "-", "--format", "csv", "--no-route"}, csv).status == 0);
  CHECK(show(exact, 1)["team"].is_null());
  CHECK(kinds(show(exact, 1)) == std::vector<std::string>{"logged"});
  CHECK(show(exact, 3)["team"] == "third-line");
}

TEST_CASE("import: issue 13: ratings come in with another tool's tickets") {
  Sandbox s;
  s.configure(kTeams);
  std::string csv =
      "external_id,title,assignee,created_at,resolved_at,resolution_code,closed_at,rating,"
      "rating_comment,rated_at\n"
      "S-1,\"Mail, slow\",alice,2026-11-02 09:00,2026-11-02 10:00,fixed,2026-11-09 10:00,2,"
      "\"Slow.\nHad to call twice, too\",2026-11-03 08:00\n"
      "S-2,Printer,bob,2026-11-02 09:00,2026-11-02 11:00,fixed,,5,,\n"
      "S-3,Laptop,bob,2026-11-02 09:00,2026-11-02 11:00,fixed,2026-11-03 11:00,4,,2026-11-05 "
      "11:00\n";
  Result r = s.run({"import", "-", "--format", "csv"}, csv);
  REQUIRE(r.status == 0);
  Json one = show(s, 1);
  CHECK(kinds(one) ==
        std::vector<std::string>{"logged", "allocated", "resolved", "rated", "closed"});
  REQUIRE(one["ratings"].size() == 1);
  CHECK(one["ratings"][0] == Json::parse(R"({"resolution":1,"score":2,
    "comment":"Slow.\nHad to call twice, too","at":"2026-11-03T08:00:00+00:00","resolver":"alice"})"));
  CHECK(show(s, 2)["ratings"][0]["at"] == "2026-11-02T11:00:00+00:00");  // when resolved
  CHECK(kinds(show(s, 3)) ==
        std::vector<std::string>{"logged", "allocated", "resolved", "closed", "rated"});
  Json csat = s.ok({"report", "csat", "--since", "2026-11-01", "--format", "json"}).json();
  CHECK(csat.dump().find("\"ratings\":3") != std::string::npos);

  std::string before = s.dump_store();
  Result bad = s.run({"import", "-", "--format", "csv"}, "title,rating\nopen one,4\n");
  CHECK(bad.err_line() ==
        "desk: line 2: a rating is of a resolution, but the ticket is not resolved");
  Result early = s.run({"import", "-", "--format", "csv"},
                       "title,created_at,resolved_at,resolution_code,rating,rated_at\n"
                       "x,2026-11-01 09:00,2026-11-02 10:00,fixed,9,\n"
                       "y,2026-11-01 09:00,2026-11-02 10:00,fixed,3,2026-11-01 10:00\n");
  CHECK(early.err.find("desk: line 2: 'rating' must be 1 to 5, not '9'\n") == 0);
  CHECK(early.err.find("desk: line 3: 'rated_at' 2026-11-01T10:00:00+00:00 is before "
                       "'resolved_at' 2026-11-02T10:00:00+00:00\n") != std::string::npos);
  CHECK(s.dump_store() == before);
}
