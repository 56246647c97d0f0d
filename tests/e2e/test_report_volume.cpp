// desk report volume on a small fixed store whose every figure is worked out
// by hand. The period is Mon 23 - Wed 25 Nov 2026 (--since/--until, UTC), so
// the previous period is the three days before it, Fri 20 - Sun 22.
//
//   before both   Thu 19 12:00  email                       counts nowhere
//   previous  P1  Fri 20 10:00  email
//             P2  Fri 20 15:00  phone
//             P3  Sun 22 09:00  email
//   period    C1  Mon 23 08:00  email
//             C2  Mon 23 09:00  email
//             C3  Mon 23 23:59  phone
//             C4  Tue 24 00:00  chat    (midnight belongs to the new day)
//             C5  Wed 25 12:00  no channel
//   after     Thu 26 10:00  email                           counts nowhere
//
// Per day, beside the day at the same position of the previous period:
//   Mon 23: 3 (C1-C3) against Fri 20: 2 (P1, P2)  change +1, +50.0%
//   Tue 24: 1 (C4)    against Sat 21: 0           change +1, no %
//   Wed 25: 1 (C5)    against Sun 22: 1 (P3)      change  0, 0.0%
//   total:  5 against 3: +2, +66.7%
// By channel (alphabetical, "(none)" last), share of the 5:
//   chat 1 (20.0%) against 0; email 2 (40.0%) against 2 (P1, P3): 0, 0.0%;
//   phone 1 (20.0%) against 1: 0, 0.0%; (none) 1 (20.0%) against 0.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "report_checks.hpp"

using namespace e2e;

namespace test_report_volume {

namespace {

void fixed_store(Sandbox& s) {
  s.now = "2026-11-27T17:00:00Z";
  s.log("before", {"--channel", "email", "--at", "2026-11-19 12:00"});
  s.log("P1", {"--channel", "email", "--at", "2026-11-20 10:00"});
  s.log("P2", {"--channel", "phone", "--at", "2026-11-20 15:00"});
  s.log("P3", {"--channel", "email", "--at", "2026-11-22 09:00"});
  s.log("C1", {"--channel", "email", "--at", "2026-11-23 08:00"});
  s.log("C2", {"--channel", "email", "--at", "2026-11-23 09:00"});
  s.log("C3", {"--channel", "phone", "--at", "2026-11-23 23:59"});
  s.log("C4", {"--channel", "chat", "--at", "2026-11-24 00:00"});
  s.log("C5", {"--at", "2026-11-25 12:00"});
  s.log("after", {"--channel", "email", "--at", "2026-11-26 10:00"});
}

const std::vector<std::string> kArgs = {"report",     "volume",  "--since",
                                        "2026-11-23", "--until", "2026-11-26"};

std::vector<std::string> with(std::vector<std::string> more) {
  std::vector<std::string> args = kArgs;
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

}  // namespace

TEST_CASE("report volume: every figure per day and per channel, in JSON") {
  Sandbox s;
  fixed_store(s);
  Json r = s.ok(with({"--format", "json"})).json();
  CHECK(r["report"] == "volume");
  CHECK(r["since"] == "2026-11-23T00:00:00+00:00");
  CHECK(r["until"] == "2026-11-26T00:00:00+00:00");
  CHECK(r["previous_since"] == "2026-11-20T00:00:00+00:00");
  CHECK(r["previous_until"] == "2026-11-23T00:00:00+00:00");
  CHECK(r["bucket"] == "day");
  CHECK(r["by"] == "channel");
  CHECK(r["buckets"] == Json::parse(R"j([
    {"bucket":"2026-11-23","since":"2026-11-23T00:00:00+00:00","tickets":3,"previous":2,
     "change":1,"change_pct":50.0},
    {"bucket":"2026-11-24","since":"2026-11-24T00:00:00+00:00","tickets":1,"previous":0,
     "change":1,"change_pct":null},
    {"bucket":"2026-11-25","since":"2026-11-25T00:00:00+00:00","tickets":1,"previous":1,
     "change":0,"change_pct":0.0}])j"));
  CHECK(r["groups"] == Json::parse(R"j([
    {"group":"chat","tickets":1,"share_pct":20.0,"previous":0,"change":1,"change_pct":null},
    {"group":"email","tickets":2,"share_pct":40.0,"previous":2,"change":0,"change_pct":0.0},
    {"group":"phone","tickets":1,"share_pct":20.0,"previous":1,"change":0,"change_pct":0.0},
    {"group":"(none)","tickets":1,"share_pct":20.0,"previous":0,"change":1,"change_pct":null},
    {"group":"all","tickets":5,"share_pct":100.0,"previous":3,"change":2,"change_pct":66.7}])j"));
  // Each day and channel with a ticket in either period (the detail
  // section, left out of the human formats).
  CHECK(r["bucket_groups"] == Json::parse(R"j([
    {"bucket":"2026-11-23","since":"2026-11-23T00:00:00+00:00","group":"email","tickets":2,
     "previous":1},
    {"bucket":"2026-11-23","since":"2026-11-23T00:00:00+00:00","group":"phone","tickets":1,
     "previous":1},
    {"bucket":"2026-11-24","since":"2026-11-24T00:00:00+00:00","group":"chat","tickets":1,
     "previous":0},
    {"bucket":"2026-11-25","since":"2026-11-25T00:00:00+00:00","group":"email","tickets":0,
     "previous":1},
    {"bucket":"2026-11-25","since":"2026-11-25T00:00:00+00:00","group":"(none)","tickets":1,
     "previous":0}])j"));
}

TEST_CASE("report volume: tickets logged after --now are not known yet") {
  Sandbox s;
  fixed_store(s);
  // At Tue 24 12:00, C5 (Wed 25) has not been logged: Wed counts 0 against 1.
  s.now = "2026-11-24T12:00:00Z";
  Json r = s.ok(with({"--format", "json"})).json();
  CHECK(r["buckets"][2]["tickets"] == 0);
  CHECK(r["buckets"][2]["change"] == -1);
  CHECK(r["buckets"][2]["change_pct"] == -100.0);
  CHECK(r["groups"].back()["tickets"] == 4);
}

TEST_CASE("report volume: --by, weeks and months") {
  Sandbox s;
  fixed_store(s);
  // Priorities: every ticket took the starter's middle one, P3.
  Json p = s.ok(with({"--by", "priority", "--format", "json"})).json();
  CHECK(p["groups"][0] == Json::parse(R"j({"group":"P3","tickets":5,"share_pct":100.0,
    "previous":3,"change":2,"change_pct":66.7})j"));
  // Weeks start on Monday: Mon 16 - Sun 22 holds P1-P3, Mon 23 - Sun 29 the
  // rest (C1-C5 and the one of Thu 26); the week before (Mon 9) is empty.
  Json w = s.ok({"report", "volume", "--since", "2026-11-16", "--until", "2026-11-30", "--bucket",
                 "week", "--format", "json"})
               .json();
  REQUIRE(w["buckets"].size() == 2);
  CHECK(w["buckets"][0]["bucket"] == "2026-11-16");
  CHECK(w["buckets"][0]["tickets"] == 4);  // with the one of Thu 19
  CHECK(w["buckets"][0]["previous"] == 0);
  CHECK(w["buckets"][1]["bucket"] == "2026-11-23");
  CHECK(w["buckets"][1]["tickets"] == 6);
  // A period that does not start on a Monday starts with a shorter week.
  Json part = s.ok({"report", "volume", "--since", "2026-11-22", "--until", "2026-11-30",
                    "--bucket", "week", "--format", "json"})
                  .json();
  REQUIRE(part["buckets"].size() == 2);
  CHECK(part["buckets"][0]["bucket"] == "2026-11-22");
  CHECK(part["buckets"][0]["tickets"] == 1);  // P3 only
  Json m =
      s.ok({"report", "volume", "--period", "this-month", "--bucket", "month", "--format", "json"})
          .json();
  REQUIRE(m["buckets"].size() == 1);
  CHECK(m["buckets"][0]["bucket"] == "2026-11");
  CHECK(m["buckets"][0]["tickets"] == 10);
  CHECK(m["buckets"][0]["previous"] == 0);
  CHECK(s.run(with({"--bucket", "fortnight"})).status == 2);
  CHECK(s.run(with({"--by", "colour"})).status == 2);
  CHECK(s.run(with({"--fail-on-breach"})).status == 2);  // volume knows no breaches
}

TEST_CASE("report volume: days are local days across a daylight-saving change") {
  Sandbox s;
  std::string toml = s.read("desk.toml");
  toml.replace(toml.find("timezone = \"UTC\""), 16, "timezone = \"Europe/London\"");
  s.configure(toml);
  s.now = "2026-10-28T12:00:00Z";
  // London leaves summer time at 02:00 BST on Sun 25 Oct 2026: that day
  // lasts 25 hours, from Sat 23:00 UTC to Mon 00:00 UTC.
  s.log("Sat 23:30 BST", {"--at", "2026-10-24T22:30:00Z"});
  s.log("Sun 00:30 BST", {"--at", "2026-10-24T23:30:00Z"});  // Saturday in UTC
  s.log("Sun 23:30 GMT", {"--at", "2026-10-25T23:30:00Z"});
  s.log("Mon 00:30 GMT", {"--at", "2026-10-26T00:30:00Z"});
  Json r = s.ok({"report", "volume", "--since", "2026-10-24", "--until", "2026-10-27", "--format",
                 "json"})
               .json();
  CHECK(r["timezone"] == "Europe/London");
  REQUIRE(r["buckets"].size() == 3);
  CHECK(r["buckets"][0]["since"] == "2026-10-24T00:00:00+01:00");
  CHECK(r["buckets"][0]["tickets"] == 1);
  CHECK(r["buckets"][1]["since"] == "2026-10-25T00:00:00+01:00");
  CHECK(r["buckets"][1]["tickets"] == 2);
  CHECK(r["buckets"][2]["since"] == "2026-10-26T00:00:00+00:00");
  CHECK(r["buckets"][2]["tickets"] == 1);
  // The spring change: Sun 29 Mar 2026 lasts 23 hours (00:00 GMT to 00:00 BST).
  s.now = "2026-04-02T12:00:00Z";
  s.log("Sun 23:30 BST", {"--at", "2026-03-29T22:30:00Z"});
  s.log("Mon 00:30 BST", {"--at", "2026-03-29T23:30:00Z"});
  Json spring = s.ok({"report", "volume", "--since", "2026-03-29", "--until", "2026-03-31",
                      "--format", "json"})
                    .json();
  REQUIRE(spring["buckets"].size() == 2);
  CHECK(spring["buckets"][0]["since"] == "2026-03-29T00:00:00+00:00");
  CHECK(spring["buckets"][0]["tickets"] == 1);
  CHECK(spring["buckets"][1]["since"] == "2026-03-30T00:00:00+01:00");
  CHECK(spring["buckets"][1]["tickets"] == 1);
}

TEST_CASE("report volume: every format, byte-identical twice, valid HTML with a chart") {
  Sandbox s;
  fixed_store(s);
  auto outs = check_every_format(s, kArgs);
  const std::string& table = outs[0];
  CHECK(table.rfind("Ticket volume\n", 0) == 0);
  CHECK(table.find("\n2026-11-23  2026-11-23 00:00        3         2       1      50.0\n") !=
        std::string::npos);
  CHECK(table.find("Tickets logged per day and channel") == std::string::npos);  // detail
  CHECK(outs[2].rfind("bucket,since,tickets,previous,change,change_pct\n"
                      "2026-11-23,2026-11-23T00:00:00+00:00,3,2,1,50.0\n",
                      0) == 0);
  CHECK(s.ok(with({"--format", "tsv", "--section", "groups"}))
            .out.rfind(
                "group\ttickets\tshare_pct\tprevious\tchange\tchange_pct\nchat\t1\t20.0\t0\t1\t\n",
                0) == 0);
  CHECK(s.ok(with({"--format", "csv", "--section", "bucket_groups"}))
            .out.rfind("bucket,since,group,tickets,previous\n", 0) == 0);
  const std::string& md = outs[4];
  CHECK(md.find("| 2026-11-23 | 2026-11-23 00:00 | 3 | 2 | 1 | 50.0 |") != std::string::npos);
  CHECK(md.find("5 tickets logged, 3 in the previous period (+2, +66.7%).") != std::string::npos);
  const std::string& html = outs[5];
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("<td>email</td><td class=\"n\">2</td>") != std::string::npos);
}

}  // namespace test_report_volume
