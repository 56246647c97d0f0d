// desk report backlog on a small fixed store whose every figure is worked out
// by hand, at --now Fri 27 Nov 2026 12:00 UTC (teams of fixtures.hpp).
//
//   T1  logged Fri 27 09:00                         new          age 3h       0-1d
//   T2  logged Thu 26 12:00, alice                  assigned     age 1d       1-3d (1d is not 0-1d)
//   T3  logged Tue 24 12:00, bob, started           in-progress  age 3d       3-7d
//   T4  logged Fri 20 11:59, alice, pending         pending      age 7d 1m    7-30d
//   T5  logged Thu  1 Oct 00:00, bob, escalated up  new          age 57d 12h  30d+
//       (second-line's queue: nobody holds it)
//   T6  logged Wed 25, resolved Thu 26                           not open
//   T7  logged Thu 26 10:00, resolved Sat 28 (after --now)  new  age 1d 2h    1-3d
//   T8  logged Fri 27 13:00 (after --now)                        not known yet
//
// Six open: by age 1 / 2 / 1 / 1 / 1; by status new 3 (T1, T7, T5),
// assigned 1, in-progress 1, pending 1; by team second-line 1 (T5),
// service-desk 3 (T2, T3, T4, the oldest T4), none 2 (T1, T7).
// Oldest first: T5, T4, T3, T7, T2, T1.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"
#include "report_checks.hpp"

using namespace e2e;

namespace test_report_backlog {

namespace {

void fixed_store(Sandbox& s) {
  s.configure(kTeams);
  s.now = "2026-11-28T12:00:00Z";
  s.log("T1", {"--at", "2026-11-27 09:00"});
  s.log("T2", {"--at", "2026-11-26 12:00"});
  s.ok({"allocate", "2", "--to", "alice", "--at", "2026-11-26 12:05"});
  s.log("T3", {"--at", "2026-11-24 12:00"});
  s.ok({"allocate", "3", "--to", "bob", "--at", "2026-11-24 12:05"});
  s.ok({"start", "3", "--at", "2026-11-24 13:00"});
  s.log("T4", {"--at", "2026-11-20 11:59"});
  s.ok({"allocate", "4", "--to", "alice", "--at", "2026-11-20 12:00"});
  s.ok({"pending", "4", "--on", "customer", "--at", "2026-11-21 09:00"});
  s.log("T5", {"--at", "2026-10-01 00:00"});
  s.ok({"allocate", "5", "--to", "bob", "--at", "2026-10-01 09:00"});
  s.ok({"escalate", "5", "--up", "-m", "needs second line", "--at", "2026-10-02 09:00"});
  s.log("T6", {"--at", "2026-11-25 10:00"});
  s.ok({"resolve", "6", "--code", "fixed", "-m", "x", "--at", "2026-11-26 10:00"});
  s.log("T7", {"--at", "2026-11-26 10:00"});
  s.ok({"resolve", "7", "--code", "fixed", "-m", "x", "--at", "2026-11-28 09:00"});
  s.log("T8", {"--at", "2026-11-27 13:00"});
  s.now = "2026-11-27T12:00:00Z";
}

const std::vector<std::string> kArgs = {"report", "backlog"};

}  // namespace

TEST_CASE("report backlog: every figure by age, status and team, in JSON") {
  Sandbox s;
  fixed_store(s);
  Json r = s.ok({"report", "backlog", "--format", "json"}).json();
  CHECK(r["report"] == "backlog");
  CHECK(r["now"] == "2026-11-27T12:00:00+00:00");
  CHECK(r["by"] == "team");
  CHECK(r["ages"] == Json::parse(R"j([
    {"age":"0-1d","tickets":1,"new":1,"assigned":0,"in_progress":0,"pending":0},
    {"age":"1-3d","tickets":2,"new":1,"assigned":1,"in_progress":0,"pending":0},
    {"age":"3-7d","tickets":1,"new":0,"assigned":0,"in_progress":1,"pending":0},
    {"age":"7-30d","tickets":1,"new":0,"assigned":0,"in_progress":0,"pending":1},
    {"age":"30d+","tickets":1,"new":1,"assigned":0,"in_progress":0,"pending":0}])j"));
  CHECK(r["statuses"] == Json::parse(R"j([
    {"status":"new","tickets":3,"age_0_1d":1,"age_1_3d":1,"age_3_7d":0,"age_7_30d":0,
     "age_30d":1,"oldest":"2026-10-01T00:00:00+00:00"},
    {"status":"assigned","tickets":1,"age_0_1d":0,"age_1_3d":1,"age_3_7d":0,"age_7_30d":0,
     "age_30d":0,"oldest":"2026-11-26T12:00:00+00:00"},
    {"status":"in-progress","tickets":1,"age_0_1d":0,"age_1_3d":0,"age_3_7d":1,"age_7_30d":0,
     "age_30d":0,"oldest":"2026-11-24T12:00:00+00:00"},
    {"status":"pending","tickets":1,"age_0_1d":0,"age_1_3d":0,"age_3_7d":0,"age_7_30d":1,
     "age_30d":0,"oldest":"2026-11-20T11:59:00+00:00"},
    {"status":"all","tickets":6,"age_0_1d":1,"age_1_3d":2,"age_3_7d":1,"age_7_30d":1,
     "age_30d":1,"oldest":"2026-10-01T00:00:00+00:00"}])j"));
  CHECK(r["groups"] == Json::parse(R"j([
    {"group":"second-line","tickets":1,"age_0_1d":0,"age_1_3d":0,"age_3_7d":0,"age_7_30d":0,
     "age_30d":1,"oldest":"2026-10-01T00:00:00+00:00"},
    {"group":"service-desk","tickets":3,"age_0_1d":0,"age_1_3d":1,"age_3_7d":1,"age_7_30d":1,
     "age_30d":0,"oldest":"2026-11-20T11:59:00+00:00"},
    {"group":"(none)","tickets":2,"age_0_1d":1,"age_1_3d":1,"age_3_7d":0,"age_7_30d":0,
     "age_30d":0,"oldest":"2026-11-26T10:00:00+00:00"},
    {"group":"all","tickets":6,"age_0_1d":1,"age_1_3d":2,"age_3_7d":1,"age_7_30d":1,
     "age_30d":1,"oldest":"2026-10-01T00:00:00+00:00"}])j"));
  const Json& oldest = r["oldest"];
  REQUIRE(oldest.size() == 6);
  std::vector<long long> order;
  for (const auto& t : oldest) order.push_back(t["ticket"].get<long long>());
  CHECK(order == std::vector<long long>{5, 4, 3, 7, 2, 1});
  CHECK(oldest[0] == Json::parse(R"j({"ticket":5,"created_at":"2026-10-01T00:00:00+00:00",
    "age_seconds":4968000,"status":"new","priority":"P3","team":"second-line","assignee":null,
    "title":"T5"})j"));  // 57 days 12 hours
  CHECK(oldest[1]["age_seconds"] == 7 * 86400 + 60);
  CHECK(oldest[1]["assignee"] == "alice");
}

TEST_CASE("report backlog: --by assignee, and the backlog at another --now") {
  Sandbox s;
  fixed_store(s);
  Json r = s.ok({"report", "backlog", "--by", "assignee", "--format", "json"}).json();
  const Json& g = r["groups"];
  REQUIRE(g.size() == 4);
  CHECK(g[0]["group"] == "alice");
  CHECK(g[0]["tickets"] == 2);  // T2, T4
  CHECK(g[1]["group"] == "bob");
  CHECK(g[1]["tickets"] == 1);  // T3 (T5 left him when escalated)
  CHECK(g[2]["group"] == "(none)");
  CHECK(g[2]["tickets"] == 3);  // T1, T5, T7
  // On Sat 28 at 12:00 T7 has been resolved and T8 logged (new, 23h old).
  s.now = "2026-11-28T12:00:00Z";
  Json later = s.ok({"report", "backlog", "--format", "json"}).json();
  CHECK(later["ages"][0]["tickets"] == 1);  // T8
  CHECK(later["ages"][1]["tickets"] == 2);  // T1 (1d 3h), T2 (2d)
  CHECK(later["statuses"].back()["tickets"] == 6);
}

TEST_CASE("report backlog: an empty desk has an empty backlog") {
  Sandbox s;
  Json r = s.ok({"report", "backlog", "--format", "json"}).json();
  CHECK(r["statuses"].back()["tickets"] == 0);
  CHECK(r["statuses"].back()["oldest"].is_null());
  CHECK(r["oldest"] == Json::array());
  CHECK(s.ok({"report", "backlog"}).out.find("No open tickets.") != std::string::npos);
}

TEST_CASE("report backlog: every format, byte-identical twice, valid HTML with a chart") {
  Sandbox s;
  fixed_store(s);
  auto outs = check_every_format(s, kArgs);
  const std::string& table = outs[0];
  CHECK(table.rfind("Backlog\n", 0) == 0);
  CHECK(table.find("6 open tickets; the oldest was logged 2026-10-01 00:00 (57d 12h ago).") !=
        std::string::npos);
  CHECK(outs[2].rfind("age,tickets,new,assigned,in_progress,pending\n0-1d,1,1,0,0,0\n", 0) == 0);
  CHECK(s.ok({"report", "backlog", "--format", "csv", "--section", "oldest"})
            .out.rfind("ticket,created_at,age_seconds,status,priority,team,assignee,title\n"
                       "5,2026-10-01T00:00:00+00:00,4968000,new,P3,second-line,,T5\n",
                       0) == 0);
  CHECK(outs[4].find("| 5 | 2026-10-01 00:00 | 57d 12h | new | P3 | second-line |  | T5 |") !=
        std::string::npos);
  CHECK(outs[5].find("<svg") != std::string::npos);
  CHECK(outs[5].find("<td>service-desk</td><td class=\"n\">3</td>") != std::string::npos);
}

TEST_CASE("report backlog: issue 14: Markdown escapes HTML and markup in every title") {
  Sandbox s;
  s.log("<script>alert(1)</script> & [x](javascript:y) *b* |p| `c` <!-- c -->");
  Result md = s.ok({"report", "backlog", "--format", "markdown"});
  CHECK(md.out.find("<script") == std::string::npos);
  CHECK(md.out.find("<!--") == std::string::npos);
  CHECK(md.out.find(" | &lt;script&gt;alert(1)&lt;/script&gt; &amp; \\[x\\](javascript:y) \\*b\\* "
                    "\\|p\\| \\`c\\` &lt;!-- c --&gt; |\n") != std::string::npos);
  // Headings and the rows around the title keep their Markdown.
  CHECK(md.out.rfind("# Backlog\n", 0) == 0);
  CHECK(md.out.find("\n| TICKET | LOGGED |") != std::string::npos);
  Result html = s.ok({"report", "backlog", "--format", "html"});
  CHECK(html.out.find("<script") == std::string::npos);
  CHECK(html.out.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; [x](javascript:y)") !=
        std::string::npos);
}

}  // namespace test_report_backlog
