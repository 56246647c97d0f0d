// desk report sla on a small fixed store whose every figure is worked out by
// hand (office calendar Mon-Fri 09:00-17:00 UTC; nearest-rank percentiles).
//
//   T1 P2 Mon 09:00, reply 09:30 (30m, met),  resolved Mon 12:00 (180m of 480, met)
//   T2 P2 Mon 10:00, reply 11:30 (90m > 60m), resolved Tue 10:00 (480m: due then, met)
//   T3 P1 Tue 09:00, reply 09:10 (10m, met),  resolved Tue 15:00 (360m > 240m, breached)
//   T4 P3 Wed 09:00, no reply: response due Wed 13:00, breached by now (Fri 17:00);
//      resolve 3d = 24h due Fri 17:00 = now: not breached (strictly after)
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

void fixed_store(Sandbox& s) {
  s.now = "2026-11-27T17:00:00Z";
  s.log("T1", {"--priority", "P2", "--at", "2026-11-23 09:00"});
  s.ok({"note", "1", "--reply", "-m", "r", "--at", "2026-11-23 09:30"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "x", "--at", "2026-11-23 12:00"});
  s.log("T2", {"--priority", "P2", "--at", "2026-11-23 10:00"});
  s.ok({"note", "2", "--reply", "-m", "r", "--at", "2026-11-23 11:30"});
  s.ok({"resolve", "2", "--code", "fixed", "-m", "x", "--at", "2026-11-24 10:00"});
  s.log("T3", {"--priority", "P1", "--at", "2026-11-24 09:00"});
  s.ok({"note", "3", "--reply", "-m", "r", "--at", "2026-11-24 09:10"});
  s.ok({"resolve", "3", "--code", "fixed", "-m", "x", "--at", "2026-11-24 15:00"});
  s.log("T4", {"--priority", "P3", "--at", "2026-11-25 09:00"});
}

const std::vector<std::string> kArgs = {"report",  "sla",        "--since", "2026-11-23",
                                        "--until", "2026-11-28", "--by",    "priority"};

std::vector<std::string> with(std::vector<std::string> more) {
  std::vector<std::string> args = kArgs;
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

}  // namespace

TEST_CASE("report sla: every figure, by priority, in JSON") {
  Sandbox s;
  fixed_store(s);
  Json r = s.ok(with({"--format", "json"})).json();
  CHECK(r["report"] == "sla");
  CHECK(r["since"] == "2026-11-23T00:00:00+00:00");
  CHECK(r["until"] == "2026-11-28T00:00:00+00:00");
  const Json& g = r["groups"];
  REQUIRE(g.size() == 4);
  CHECK(g[0] == Json::parse(R"({"group":"P1","tickets":1,
    "response_met":1,"response_breached":0,"response_open":0,"response_compliance":100.0,
    "response_median_minutes":10,"response_p90_minutes":10,
    "resolve_met":0,"resolve_breached":1,"resolve_open":0,"resolve_compliance":0.0,
    "resolve_median_minutes":360,"resolve_p90_minutes":360})"));
  CHECK(g[1] == Json::parse(R"({"group":"P2","tickets":2,
    "response_met":1,"response_breached":1,"response_open":0,"response_compliance":50.0,
    "response_median_minutes":30,"response_p90_minutes":90,
    "resolve_met":2,"resolve_breached":0,"resolve_open":0,"resolve_compliance":100.0,
    "resolve_median_minutes":180,"resolve_p90_minutes":480})"));
  CHECK(g[2] == Json::parse(R"({"group":"P3","tickets":1,
    "response_met":0,"response_breached":1,"response_open":0,"response_compliance":0.0,
    "response_median_minutes":null,"response_p90_minutes":null,
    "resolve_met":0,"resolve_breached":0,"resolve_open":1,"resolve_compliance":null,
    "resolve_median_minutes":null,"resolve_p90_minutes":null})"));
  CHECK(g[3] == Json::parse(R"({"group":"all","tickets":4,
    "response_met":2,"response_breached":2,"response_open":0,"response_compliance":50.0,
    "response_median_minutes":30,"response_p90_minutes":90,
    "resolve_met":2,"resolve_breached":1,"resolve_open":1,"resolve_compliance":66.7,
    "resolve_median_minutes":360,"resolve_p90_minutes":480})"));
  const Json& b = r["breaches"];
  REQUIRE(b.size() == 3);
  // Most overdue first.
  CHECK(b[0]["ticket"] == 4);
  CHECK(b[0]["clock"] == "response");
  CHECK(b[0]["late_minutes"] == 1200);  // Wed 09:00 to Fri 17:00 is 24h of business time, target 4h
  CHECK(b[1]["ticket"] == 3);
  CHECK(b[1]["clock"] == "resolve");
  CHECK(b[1]["late_minutes"] == 120);
  CHECK(b[2]["ticket"] == 2);
  CHECK(b[2]["late_minutes"] == 30);
  Json two = s.ok(with({"--format", "json", "--limit", "2"})).json();
  CHECK(two["breaches"].size() == 2);
  CHECK(two["breaches"][1]["ticket"] == 3);
  CHECK(s.ok(with({"--limit", "1"}))
            .out.find("The 1 most overdue of 3 breaches (--limit 0 lists all).") !=
        std::string::npos);  // Wed 09:00 to Fri 17:00 is 24h of business time, target 4h
}

TEST_CASE("report sla: --fail-on-breach exits 3, and nothing else does") {
  Sandbox s;
  fixed_store(s);
  Result r = s.run(with({"--fail-on-breach", "--format", "csv"}));
  CHECK(r.status == 3);
  CHECK(r.err == "desk: 3 SLA breaches found\n");
  CHECK(r.out.rfind("group,tickets,response_met,", 0) == 0);
  CHECK(s.run(with({"--format", "csv"})).status == 0);
  // Only T1 (logged Mon 09:00) met everything.
  Result clean = s.run({"report", "sla", "--since", "2026-11-23", "--until", "2026-11-23 09:30",
                        "--fail-on-breach"});
  CHECK(clean.status == 0);
  CHECK(clean.err == "");
}

TEST_CASE("report sla: every format renders the same figures") {
  Sandbox s;
  fixed_store(s);
  Result table = s.ok(with({}));
  CHECK(table.out.rfind("Service levels\n", 0) == 0);
  CHECK(table.out.find("\nP2              2         1              1    50.0") !=
        std::string::npos);
  Result md = s.ok(with({"--format", "markdown"}));
  CHECK(md.out.find("| P2 | 2 | 1 | 1 | 50.0 | 30m | 1h 30m | 2 | 0 | 100.0 | 3h | 1d |") !=
        std::string::npos);
  Result html = s.ok(with({"--format", "html"}));
  CHECK(html.out.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.out.find("<svg") != std::string::npos);
  CHECK(html.out.find("<td>P2</td><td class=\"n\">2</td>") != std::string::npos);
  Result tsv = s.ok(with({"--format", "tsv", "--section", "breaches"}));
  CHECK(tsv.out.rfind("ticket\tclock\tpriority", 0) == 0);
  CHECK(s.run(with({"--format", "csv", "--section", "nope"})).status == 2);
}

TEST_CASE("report sla: the same store and --now give byte-identical output") {
  Sandbox s;
  fixed_store(s);
  for (const char* f : {"table", "json", "csv", "markdown", "html"}) {
    CAPTURE(f);
    CHECK(s.ok(with({"--format", f})).out == s.ok(with({"--format", f})).out);
  }
}

TEST_CASE("report sla: --output writes the file atomically and prints nothing") {
  Sandbox s;
  fixed_store(s);
  Result r = s.ok(with({"--format", "html", "--output", "sla.html"}));
  CHECK(r.out == "");
  CHECK(s.read("sla.html").rfind("<!DOCTYPE html>", 0) == 0);
  Result bad = s.run(with({"--output", "no/such/dir/sla.html"}));
  CHECK(bad.status == 74);
}

TEST_CASE("report sla: periods are buckets in the configured zone") {
  Sandbox s;
  std::string toml = s.read("desk.toml");
  toml.replace(toml.find("timezone = \"UTC\""), 16, "timezone = \"Pacific/Auckland\"");
  s.configure(toml);
  s.now = "2026-11-24T10:30:00Z";  // Tue 24 Nov 23:30 in Auckland (+13:00)
  Json r = s.ok({"report", "sla", "--period", "this-month", "--format", "json"}).json();
  CHECK(r["since"] == "2026-11-01T00:00:00+13:00");
  CHECK(r["until"] == "2026-12-01T00:00:00+13:00");
  Json y = s.ok({"report", "sla", "--period", "yesterday", "--format", "json"}).json();
  CHECK(y["since"] == "2026-11-23T00:00:00+13:00");
  CHECK(s.run({"report", "sla", "--period", "last-fortnight"}).status == 2);
}

TEST_CASE("report --by tag and tag:PREFIX: a ticket counts in each of its tags") {
  // Issue 13 item 16: volume, SLA and CSAT per product, products being tags.
  Sandbox s;
  s.now = "2026-11-27T17:00:00Z";
  s.log("mail down", {"-t", "product:mail,vip", "--at", "2026-11-23 09:00"});
  s.log("vpn and mail", {"-t", "product:mail,product:vpn", "--at", "2026-11-24 09:00"});
  s.log("untagged", {"--at", "2026-11-25 09:00"});
  const std::vector<std::string> period = {"--since",    "2026-11-23", "--until",
                                           "2026-11-28", "--format",   "json"};
  auto report = [&](std::vector<std::string> args) {
    args.insert(args.end(), period.begin(), period.end());
    return s.ok(args).json();
  };
  auto groups = [](const Json& rows) {
    std::vector<std::pair<std::string, long long>> out;
    for (const auto& r : rows) out.emplace_back(r["group"], r["tickets"].get<long long>());
    return out;
  };
  using Groups = std::vector<std::pair<std::string, long long>>;
  Json v = report({"report", "volume", "--by", "tag:product:"});
  CHECK(groups(v["groups"]) ==
        Groups{{"product:mail", 2}, {"product:vpn", 1}, {"(none)", 1}, {"all", 3}});
  Json all = report({"report", "volume", "--by", "tag"});
  CHECK(groups(all["groups"]) ==
        Groups{{"product:mail", 2}, {"product:vpn", 1}, {"vip", 1}, {"(none)", 1}, {"all", 3}});
  // Every report orders its groups alike: "(none)" after the named ones.
  Json sla = report({"report", "sla", "--by", "tag:product:"});
  CHECK(groups(sla["groups"]) ==
        Groups{{"product:mail", 2}, {"product:vpn", 1}, {"(none)", 1}, {"all", 3}});
  CHECK(s.ok({"report", "sla", "--by", "tag:product:", "--since", "2026-11-23"})
            .out.find("A ticket with several tags counts in each.") != std::string::npos);
  Result bad = s.run({"report", "sla", "--by", "tag:"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("needs a prefix") != std::string::npos);
  CHECK(s.run({"report", "sla", "--by", "tags"}).status == 2);
}
