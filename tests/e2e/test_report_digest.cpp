// desk report digest on a small fixed store whose every figure is worked out
// by hand. The starter's standard policy on the office calendar (Mon-Fri
// 09:00-17:00 UTC): response P1 15m, P2 1h, P3 4h; resolve P1 4h, P2 8h,
// P3 3d (24 business hours); warn at 75%. --now Wed 25 Nov 2026 08:00, so
// the digest's default period is yesterday, Tue 24, and the one before it
// Mon 23. Every ticket is in category network.
//
//   D1 P3 Mon 23 10:00, reply 10:30, resolved 15:00
//   D6 P3 Mon 23 09:00, no reply: response due Mon 13:00, missed (before
//      the period); resolve 960 of 1440 minutes used: not at risk (and a
//      ticket with a missed target is not "at risk")
//   D2 P1 Tue 24 09:00 "Sales email down", no reply: response due 09:15,
//      resolve due 13:00; by --now 480 business minutes: late 465 and 240
//   D3 P3 Tue 24 11:00 "Email down for sales", reply 11:20: resolve 360 of
//      1440 used (25%)
//   D4 P2 Tue 24 10:30 "Email down for the sales team", reply 10:40: resolve
//      390 of 480 used (81%), due Wed 10:30, 90 minutes left: at risk
//   D5 P3 Tue 24 16:00, reply 16:10, resolved 16:30
//   D7 P3 Wed 25 07:00: after the period, open, no business time yet
//
// Summary: new 4 (D2-D5) against 2 (D1, D6), +2; resolved 1 (D5) against 1
// (D1), 0; backlog at the end of Tue 4 (D2, D3, D4, D6) against 1 at its
// start (D6), +3; targets missed 2 (D2's two) against 1 (D6's response), +1;
// at risk now 1 (D4).
// Trends, the 7 days to Wed 25 00:00 against the three weeks before:
// network 6 (D1-D6) against nothing, rising; the service "(none)" rises
// the same way but is nothing to act on, so it is left out. Repeats: D2, D3,
// D4 share "email", "down" and "sales": three incidents, a problem record,
// under the earliest one's title, D2's.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "report_checks.hpp"

using namespace e2e;

namespace test_report_digest {

namespace {

void fixed_store(Sandbox& s) {
  s.now = "2026-11-25T08:00:00Z";
  auto log = [&](const char* title, const char* priority, const char* at) {
    return std::to_string(
        s.log(title, {"--priority", priority, "--category", "network", "--at", at}));
  };
  std::string d1 = log("Printer jam", "P3", "2026-11-23 10:00");
  s.ok({"note", d1, "--reply", "-m", "r", "--at", "2026-11-23 10:30"});
  s.ok({"resolve", d1, "--code", "fixed", "-m", "x", "--at", "2026-11-23 15:00"});
  std::string d2 = log("Sales email down", "P1", "2026-11-24 09:00");
  std::string d3 = log("Email down for sales", "P3", "2026-11-24 11:00");
  s.ok({"note", d3, "--reply", "-m", "r", "--at", "2026-11-24 11:20"});
  std::string d4 = log("Email down for the sales team", "P2", "2026-11-24 10:30");
  s.ok({"note", d4, "--reply", "-m", "r", "--at", "2026-11-24 10:40"});
  std::string d5 = log("Password reset", "P3", "2026-11-24 16:00");
  s.ok({"note", d5, "--reply", "-m", "r", "--at", "2026-11-24 16:10"});
  s.ok({"resolve", d5, "--code", "fixed", "-m", "x", "--at", "2026-11-24 16:30"});
  log("Monitor flickers", "P3", "2026-11-23 09:00");
  log("Laptop will not boot", "P3", "2026-11-25 07:00");
}

}  // namespace

TEST_CASE("report digest: yesterday's figures, breaches, risks and trends") {
  Sandbox s;
  fixed_store(s);
  Json r = s.ok({"report", "digest", "--format", "json"}).json();
  CHECK(r["report"] == "digest");
  CHECK(r["period"] == "yesterday");
  CHECK(r["since"] == "2026-11-24T00:00:00+00:00");
  CHECK(r["until"] == "2026-11-25T00:00:00+00:00");
  CHECK(r["summary"] == Json::parse(R"j([
    {"measure":"new","label":"tickets logged","value":4,"previous":2,"change":2},
    {"measure":"resolved","label":"tickets resolved","value":1,"previous":1,"change":0},
    {"measure":"backlog","label":"open tickets","value":4,"previous":1,"change":3},
    {"measure":"breached","label":"SLA targets missed","value":2,"previous":1,"change":1},
    {"measure":"at_risk","label":"tickets at risk now","value":1,"previous":null,
     "change":null}])j"));
  CHECK(r["breaches"] == Json::parse(R"j([
    {"ticket":2,"clock":"response","priority":"P1","team":null,"assignee":null,
     "due":"2026-11-24T09:15:00+00:00","late_minutes":465,"title":"Sales email down"},
    {"ticket":2,"clock":"resolve","priority":"P1","team":null,"assignee":null,
     "due":"2026-11-24T13:00:00+00:00","late_minutes":240,"title":"Sales email down"}])j"));
  CHECK(r["at_risk"] == Json::parse(R"j([
    {"ticket":4,"clock":"resolve","priority":"P2","team":null,"assignee":null,
     "due":"2026-11-25T10:30:00+00:00","left_minutes":90,"used_pct":81,
     "title":"Email down for the sales team"}])j"));
  CHECK(r["trends"] == Json::parse(R"j([
    {"kind":"category","name":"network","tickets":6,"baseline":0.0,"change_pct":null,
     "trend":"rising"}])j"));
  CHECK(r["repeats"] == Json::parse(R"j([
    {"category":"network","tickets":3,"title":"Sales email down","suggestion":"problem record",
     "ticket_ids":[2,3,4]}])j"));
}

TEST_CASE("report digest: --fail-on-breach, another period, and a later --now") {
  Sandbox s;
  fixed_store(s);
  Result failed = s.run({"report", "digest", "--fail-on-breach", "--format", "json"});
  CHECK(failed.status == 3);
  CHECK(failed.err == "desk: 2 SLA breaches found\n");
  CHECK(!failed.out.empty());  // the report is still written
  // Monday alone (--since/--until): D1 and D6 logged, D1 resolved, D6's
  // response missed; the day before (Sun 22) had nothing.
  Json mon = s.ok({"report", "digest", "--since", "2026-11-23", "--until", "2026-11-24", "--format",
                   "json"})
                 .json();
  CHECK(mon["summary"][0]["value"] == 2);
  CHECK(mon["summary"][0]["previous"] == 0);
  CHECK(mon["summary"][2]["value"] == 1);  // D6 open at the end of Monday
  CHECK(mon["summary"][3]["value"] == 1);
  CHECK(mon["breaches"][0]["ticket"] == 6);
  CHECK(mon["breaches"][0]["late_minutes"] == 960 - 240);  // Mon and Tue, target 4h
  CHECK(s.run({"report", "digest", "--since", "2026-11-23", "--until", "2026-11-24",
               "--fail-on-breach"})
            .status == 3);
  // Wed 25 at 10:45 D4's resolve (due 10:30) is missed too, and nothing is
  // at risk: D3 has used 360 + 105 of 1440 minutes, D7 105 of 1440 and its
  // response 105 of 240 (43%).
  s.now = "2026-11-25T10:45:00Z";
  Json later = s.ok({"report", "digest", "--format", "json"}).json();
  CHECK(later["summary"][4]["value"] == 0);
  CHECK(later["at_risk"] == Json::array());
  CHECK(later["summary"][3]["value"] == 2);  // D4's falls due Wed, not yesterday
}

TEST_CASE("report digest: every format, byte-identical twice, valid HTML") {
  Sandbox s;
  fixed_store(s);
  auto outs = check_every_format(s, {"report", "digest"});
  const std::string& table = outs[0];
  CHECK(table.rfind("Service desk digest\n", 0) == 0);
  CHECK(table.find("SLA targets missed       2         1       1\n") != std::string::npos);
  CHECK(table.find("1 open ticket at risk.") != std::string::npos);
  CHECK(table.find("1 category or service moving.") != std::string::npos);
  CHECK(table.find("1 group of similar tickets.") != std::string::npos);
  CHECK(table.find("     2  response  P1                        2026-11-24 09:15  7h 45m  Sales "
                   "email down\n") != std::string::npos);
  CHECK(outs[2].rfind("label,value,previous,change\ntickets logged,4,2,2\n", 0) == 0);
  CHECK(s.ok({"report", "digest", "--format", "csv", "--section", "at_risk"})
            .out.find("\n4,resolve,P2,,,2026-11-25T10:30:00+00:00,90,81,Email down for the "
                      "sales team\n") != std::string::npos);
  CHECK(outs[4].find("| tickets logged | 4 | 2 | 2 |") != std::string::npos);
  CHECK(outs[5].rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(outs[5].find("<td>Sales email down</td>") != std::string::npos);
  // --output: the same bytes, written atomically, nothing on stdout.
  Result to_file = s.ok({"report", "digest", "--format", "html", "--output", "digest.html"});
  CHECK(to_file.out == "");
  CHECK(s.read("digest.html") == outs[5]);
}

TEST_CASE("report digest: an empty list says so once") {
  // Issue 13 item 5: "No open tickets at risk." was followed by "(none)".
  Sandbox s;
  s.now = "2026-11-25T08:00:00Z";
  s.log("Printer jam", {"--priority", "P3", "--at", "2026-11-24 10:00"});
  auto out = s.ok({"report", "digest"}).out;
  CHECK(out.find("No open tickets at risk.\n") != std::string::npos);
  CHECK(out.find("(none)") == std::string::npos);
  auto md = s.ok({"report", "digest", "--format", "markdown"}).out;
  CHECK(md.find("(none)") == std::string::npos);
  auto html = s.ok({"report", "digest", "--format", "html"}).out;
  CHECK(html.find("(none)") == std::string::npos);
}

}  // namespace test_report_digest
