#include <thread>

#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

Json show(const Sandbox& s, long long id) {
  return s.ok({"show", std::to_string(id), "--format", "json"}).json();
}

}  // namespace

TEST_CASE("allocate: to a technician sets the team too, and to a team leaves the technician open") {
  Sandbox s;
  s.configure(kTeams);
  s.log("one");
  s.log("two");
  Result r = s.ok({"allocate", "1", "--to", "alice"});
  CHECK(r.out == "Allocated ticket 1 to alice (service-desk)\n");
  Json t = show(s, 1);
  CHECK(t["assignee"] == "alice");
  CHECK(t["team"] == "service-desk");
  CHECK(t["tier"] == 1);
  CHECK(t["status"] == "assigned");
  const Json& e = t["events"][1];
  CHECK(e["kind"] == "allocated");
  CHECK(e["changes"]["assignee"]["from"].is_null());
  CHECK(e["changes"]["assignee"]["to"] == "alice");
  CHECK(e["reason"] == "allocated by tester");

  s.ok({"allocate", "2", "--to", "second-line"});
  Json t2 = show(s, 2);
  CHECK(t2["assignee"].is_null());
  CHECK(t2["team"] == "second-line");
  CHECK(t2["tier"] == 2);
  CHECK(t2["status"] == "new");
}

TEST_CASE("allocate: several ids and ids on stdin, all or nothing") {
  Sandbox s;
  s.configure(kTeams);
  for (int i = 0; i < 3; ++i) s.log("t");
  s.ok({"resolve", "3", "--code", "fixed", "-m", "done"});
  std::string before = s.dump_store();
  Result bad = s.run({"allocate", "-", "--to", "erin"}, "1\n2\n3\n");
  CHECK(bad.status == 1);
  CHECK(bad.err_line() == "desk: ticket 3 is resolved; it cannot be allocated");
  CHECK(s.dump_store() == before);
  Result ok = s.ok({"allocate", "-", "--to", "erin", "-q"}, "1\n2\n");
  CHECK(ok.out == "1\n2\n");
  CHECK(show(s, 2)["assignee"] == "erin");
}

TEST_CASE("allocate: unknown targets, away technicians and full capacity are refused") {
  Sandbox s;
  s.configure(kTeams);
  for (int i = 0; i < 4; ++i) s.log("t");
  Result unknown = s.run({"allocate", "1", "--to", "alise"});
  CHECK(unknown.status == 65);
  CHECK(unknown.err_line() == "desk: unknown technician or team 'alise'");
  CHECK(unknown.err.find("did you mean 'alice'?") != std::string::npos);
  Result away = s.run({"allocate", "1", "--to", "carol"});
  CHECK(away.status == 1);
  CHECK(away.err_line() == "desk: carol is away");
  s.ok({"allocate", "1", "2", "--to", "alice"});
  Result full = s.run({"allocate", "3", "--to", "alice"});
  CHECK(full.status == 1);
  CHECK(full.err_line() == "desk: alice is at capacity (2 open of 2)");
  s.ok({"allocate", "3", "--to", "alice", "--force"});
  CHECK(show(s, 3)["assignee"] == "alice");
  Result supplier = s.run({"allocate", "4", "--to", "acme"});
  CHECK(supplier.status == 65);
}

TEST_CASE("allocate --auto: routing picks the team, least-loaded the technician") {
  Sandbox s;
  s.configure(kTeams);
  s.log("a", {"--priority", "P3"});
  s.log("b", {"--priority", "P1"});
  s.log("c", {"--priority", "P3"});
  Result r = s.ok({"allocate", "--auto", "--format", "json"});
  Json d = r.json();
  REQUIRE(d.size() == 3);
  // Most urgent first; ties to the member listed first; carol is away.
  CHECK(d[0]["ticket"] == 2);
  CHECK(d[0]["assignee"] == "alice");
  CHECK(d[0]["reason"] == "least loaded: 0 open");
  CHECK(d[1]["ticket"] == 1);
  CHECK(d[1]["assignee"] == "bob");
  CHECK(d[1]["reason"] == "least loaded: 0 open");
  CHECK(d[2]["ticket"] == 3);
  CHECK(d[2]["assignee"] == "alice");
  CHECK(d[2]["reason"] == "least loaded: 1 open");
  CHECK(show(s, 3)["events"][1]["reason"] == "least loaded: 1 open");
  CHECK(show(s, 3)["events"][1]["auto"] == true);
}

TEST_CASE("allocate --auto: capacity is respected and the rest are reported") {
  Sandbox s;
  s.configure(kTeams);
  for (int i = 0; i < 6; ++i) s.log("t");
  Result r = s.ok({"allocate", "--auto"});
  CHECK(r.err == "Allocated 4 tickets; 2 left unallocated (nobody could take them)\n");
  CHECK(r.out.find("every member is away, off shift or at capacity") != std::string::npos);
  CHECK(s.ok({"list", "--assignee", "alice", "-q"}).out == "1\n3\n");
  CHECK(s.ok({"list", "--assignee", "bob", "-q"}).out == "2\n4\n");
  CHECK(s.ok({"list", "--assignee", "none", "-q"}).out == "5\n6\n");
}

TEST_CASE("allocate --auto: round-robin continues where it left off") {
  Sandbox s;
  s.configure(kTeams);
  for (int i = 0; i < 3; ++i) s.log("vpn", {"--category", "network"});
  Json d = s.ok({"allocate", "--auto", "--format", "json"}).json();
  CHECK(d[0]["team"] == "second-line");
  CHECK(d[0]["assignee"] == "erin");
  CHECK(d[0]["reason"] == "round robin: first");
  CHECK(d[1]["assignee"] == "frank");
  CHECK(d[1]["reason"] == "round robin after erin");
  CHECK(d[2]["assignee"] == "erin");
  s.log("vpn", {"--category", "network"});
  Json next = s.ok({"allocate", "--auto", "--format", "json"}).json();
  CHECK(next[0]["assignee"] == "frank");
}

TEST_CASE("allocate --auto: the skills strategy matches category to skills") {
  Sandbox s;
  s.configure(kTeams);
  s.log("app crash", {"--category", "software"});
  s.log("switch down", {"--category", "network"});
  s.log("odd thing", {"--category", "other"});
  s.ok({"allocate", "1", "2", "3", "--to", "third-line"});
  Json d = s.ok({"allocate", "--auto", "--format", "json"}).json();
  REQUIRE(d.size() == 3);
  CHECK(d[0]["assignee"] == "heidi");
  CHECK(d[0]["reason"] == "skills: software; least loaded: 0 open");
  CHECK(d[1]["assignee"] == "grace");
  CHECK(d[1]["reason"] == "skills: network; least loaded: 0 open");
  CHECK(d[2]["assignee"] == "grace");
  CHECK(d[2]["reason"] == "nobody free has the skill 'other'; least loaded: 1 open");
}

TEST_CASE("allocate --auto --dry-run changes nothing, and --team limits the batch") {
  Sandbox s;
  s.configure(kTeams);
  s.log("desk");
  s.log("vpn", {"--category", "network"});
  std::string before = s.dump_store();
  Result dry = s.ok({"allocate", "--auto", "--dry-run"});
  CHECK(dry.err == "Would allocate 2 tickets\n");
  CHECK(s.dump_store() == before);
  Json d = s.ok({"allocate", "--auto", "--team", "second-line", "--format", "json"}).json();
  REQUIRE(d.size() == 1);
  CHECK(d[0]["ticket"] == 2);
  CHECK(show(s, 1)["assignee"].is_null());
}

TEST_CASE(
    "allocate --auto: four processes at once never allocate a ticket twice or exceed capacity") {
  Sandbox s;
  std::string toml = R"toml(
[teams.desk]
tier = 1
members = ["t1", "t2", "t3", "t4", "t5"]
strategy = "least-loaded"
[technicians.t1]
capacity = 70
[technicians.t2]
capacity = 70
[technicians.t3]
capacity = 70
[technicians.t4]
capacity = 70
[technicians.t5]
capacity = 70
)toml";
  s.configure(toml);
  // 400 new tickets in one desk import (400 processes of desk log take
  // minutes under the sanitizers); the import routes each to the team.
  std::string rows;
  for (int i = 1; i <= 400; ++i) rows += "{\"title\": \"call " + std::to_string(i) + "\"}\n";
  s.ok({"import", "-", "-q"}, rows);
  std::vector<Result> results(4);
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w)
    workers.emplace_back([&, w] {
      results[w] = s.run({"allocate", "--auto", "--format", "jsonl"});
    });
  for (auto& t : workers) t.join();
  int allocated = 0;
  for (const auto& r : results) {
    CHECK(r.status == 0);
    CHECK(r.err.find("locked") == std::string::npos);
    for (const auto& d : r.jsonl()) allocated += d["allocated"].get<bool>() ? 1 : 0;
  }
  CHECK(allocated == 350);  // 5 technicians x capacity 70
  // Exactly one allocation event per allocated ticket, none over capacity.
  Json all = s.ok({"list", "--all", "--format", "json"}).json();
  std::map<std::string, int> load;
  int unallocated = 0;
  for (const auto& t : all) {
    if (t["assignee"].is_null())
      ++unallocated;
    else
      ++load[t["assignee"].get<std::string>()];
  }
  CHECK(unallocated == 50);
  for (const auto& [tech, n] : load) CHECK(n == 70);
  CHECK(s.sql_ok("SELECT count(*), count(DISTINCT ticket_id) FROM events "
                 "WHERE kind = 'allocated' AND data LIKE '%\"auto\":true%'") == "350|350\n");
}
