#include <algorithm>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("config: bad TOML is refused with file:line:column, and nothing changes") {
  Sandbox s;
  s.log("keep me");
  std::string before = s.dump_store();
  s.configure("[desk]\ntimezone = \"UTC\"\n[tickets\ntypes = []\n");
  Result r = s.run({"log", "x", "-m", ""});
  CHECK(r.status == 78);
  CHECK(r.err_line().rfind("desk: desk.toml:3:", 0) == 0);
  CHECK(s.dump_store() == before);
}

TEST_CASE("config: a wrong value names where it is and what was expected") {
  Sandbox s;
  SUBCASE("unknown key") {
    s.configure("[teams.l1]\ntier = 1\nstategy = \"skills\"\n");
    Result r = s.run({"list"});
    CHECK(r.status == 78);
    CHECK(r.err_line() == "desk: desk.toml:3:11: unknown key 'stategy' in [teams.l1]");
    CHECK(r.err.find("hint: did you mean 'strategy'?") != std::string::npos);
  }
  SUBCASE("wrong type") {
    s.configure("[teams.l1]\ntier = \"one\"\n");
    Result r = s.run({"list"});
    CHECK(r.status == 78);
    CHECK(r.err_line() == "desk: desk.toml:2:8: tier must be a whole number");
  }
  SUBCASE("unknown zone") {
    s.configure("[desk]\ntimezone = \"Europe/Lodnon\"\n");
    Result r = s.run({"list"});
    CHECK(r.status == 78);
    CHECK(r.err_line() == "desk: desk.toml:2:12: unknown time zone 'Europe/Lodnon'");
  }
  SUBCASE("a 10 MB zone is quoted shortened") {
    std::string zone = "Europe/" + std::string(10 * 1024 * 1024, 'x') + "/end";
    s.configure("[desk]\ntimezone = \"" + zone + "\"\n");
    Result r = s.run({"list"});
    CHECK(r.status == 78);
    CHECK(r.err.size() < 400);
    CHECK(r.err_line() == "desk: desk.toml:2:12: unknown time zone 'Europe/" +
                              std::string(43, 'x') + "…" + std::string(46, 'x') + "/end'");
  }
  SUBCASE("matrix shape") {
    s.configure("[priority]\nimpact = [\"a\", \"b\"]\nurgency = [\"x\"]\nmatrix = [[\"P1\"]]\n");
    Result r = s.run({"list"});
    CHECK(r.status == 78);
    CHECK(r.err_line() == "desk: desk.toml:4:10: matrix must have 2 rows, one per impact level");
  }
  SUBCASE("dangling reference") {
    s.configure("[teams.l1]\nescalates_to = \"l3\"\n[teams.l2]\n");
    Result r = s.run({"list"});
    CHECK(r.status == 78);
    CHECK(r.err_line() == "desk: desk.toml:2:16: unknown team 'l3'");
    CHECK(r.err.find("did you mean 'l1'?") != std::string::npos);
  }
}

TEST_CASE("config: a small file takes every other default") {
  Sandbox s;
  s.configure("[tickets]\ntypes = [\"incident\", \"question\"]\n");
  s.ok({"log", "-q", "How do I?", "-m", "", "--type", "question"});
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["type"] == "question");
  CHECK(t["priority"] == "P3");  // the default matrix still applies
  CHECK(s.run({"log", "x", "-m", "", "--type", "complaint"}).status == 65);
}

TEST_CASE("config: check validates a named file, show prints a file that checks again") {
  Sandbox s;
  s.write("other.toml", "[desk]\nstore = \"other.db\"\n[tickets]\nchannels = [\"phone\"]\n");
  CHECK(s.ok({"config", "check", "other.toml"}).out == "other.toml: ok\n");
  s.write("bad.toml", "[desk]\nstore = 3\n");
  Result bad = s.run({"config", "check", "bad.toml"});
  CHECK(bad.status == 78);
  CHECK(bad.err_line() == "desk: bad.toml:2:9: store must be a string");
  Result shown = s.ok({"--config", "other.toml", "config", "show"});
  CHECK(shown.out.find("channels = [ 'phone' ]") != std::string::npos);
  s.write("shown.toml", shown.out);
  CHECK(s.ok({"config", "check", "shown.toml"}).out == "shown.toml: ok\n");
}

TEST_CASE("config: lookup order is --config, DESK_CONFIG, ./desk.toml, XDG, /etc") {
  Sandbox s(false);
  s.env.erase("DESK_DB");  // the PostgreSQL run's, which would override them all
  s.write("a/desk.toml", "[desk]\nstore = \"a.db\"\n");
  s.write("b/desk.toml", "[desk]\nstore = \"b.db\"\n");
  s.write("home/.config/desk/desk.toml", "[desk]\nstore = \"xdg.db\"\n");
  auto store_of = [&](std::vector<std::string> args, std::map<std::string, std::string> env) {
    args.insert(args.end(), {"config", "path"});
    Result r = s.run_with(args, "", env);
    CHECK(r.status == 0);
    return r.out.substr(r.out.find("store   ") + 8);
  };
  CHECK(store_of({}, {}) == (s.dir() / "home/.config/desk/xdg.db").string() + "\n");
  s.write("desk.toml", "[desk]\nstore = \"here.db\"\n");
  CHECK(store_of({}, {}) == (s.dir() / "here.db").string() + "\n");
  CHECK(store_of({}, {{"DESK_CONFIG", "b/desk.toml"}}) == (s.dir() / "b/b.db").string() + "\n");
  CHECK(store_of({"--config", "a/desk.toml"}, {{"DESK_CONFIG", "b/desk.toml"}}) ==
        (s.dir() / "a/a.db").string() + "\n");
  CHECK(store_of({"--db", "x.db"}, {}) == (s.dir() / "x.db").string() + "\n");
  CHECK(store_of({}, {{"DESK_DB", "y.db"}}) == (s.dir() / "y.db").string() + "\n");
  Result missing = s.run({"--config", "nope.toml", "list"});
  CHECK(missing.status == 78);
  CHECK(missing.err_line() == "desk: no configuration file 'nope.toml'");
}

TEST_CASE("config: sla_rule is an array of tables, as the starter's comment shows it") {
  Sandbox s;
  s.configure("[[sla_rule]]\nmatch = { type = \"complaint\" }\nsla = \"standard\"\n");
  CHECK(s.ok({"config", "check"}).out == "desk.toml: ok\n");
  s.configure("[sla_rule]\nsla = \"standard\"\n");
  Result r = s.run({"config", "check"});
  CHECK(r.status == 78);
  CHECK(r.err_line() == "desk: desk.toml:1:1: sla_rule must be written as [[sla_rule]] tables");
}

TEST_CASE("config: issue 14: keys nested 50,000 deep are refused with the place, not a crash") {
  Sandbox s;
  std::string deep = "[teams.l1]\ntier = 1\n";
  for (int i = 0; i < 50000; ++i) deep += "a.";
  deep += "a = 1\n";
  s.write("deep.toml", deep);
  Result r = s.run({"config", "check", "deep.toml"});
  CHECK(r.status == 78);
  CHECK(r.err_line() == "desk: deep.toml:3:126: keys and values nested more than 64 deep");
  // The configuration in force is checked the same way, before any command.
  s.configure("[teams.l2]\nx = " + std::string(100000, '[') + "\n");
  std::string text = s.read("desk.toml");
  auto line = std::count(text.begin(), text.end(), '\n');
  r = s.run({"list"});
  CHECK(r.status == 78);
  CHECK(r.err_line() == "desk: desk.toml:" + std::to_string(line) +
                            ":67: keys and values nested more than 64 deep");
}

TEST_CASE("config: every match value of every rule is checked, as routing's are") {
  Sandbox s;
  std::string before = s.dump_store();
  s.configure(
      "[[sla_rule]]\nmatch = { type = \"complaint\", channel = \"fax\" }\nsla = \"standard\"\n");
  Result rule = s.run({"config", "check"});
  CHECK(rule.status == 78);
  CHECK(rule.err_line() == "desk: desk.toml:3:7: unknown channel 'fax'");
  CHECK(rule.err.find("hint: expected one of: phone, email") != std::string::npos);
  s.configure(
      "[teams.l1]\n[[escalation]]\nat = \"breach\"\naction = \"manager\"\n"
      "match = { priority = \"P9\" }\n");
  Result esc = s.run({"config", "check"});
  CHECK(esc.status == 78);
  CHECK(esc.err_line() == "desk: desk.toml:2:1: unknown priority 'P9'");
  s.configure("[[routing]]\nmatch = { category = \"netwrok\" }\nteam = \"service-desk\"\n");
  Result routing = s.run({"config", "check"});
  CHECK(routing.status == 78);
  CHECK(routing.err_line() == "desk: desk.toml:3:8: unknown category 'netwrok'");
  CHECK(routing.err.find("hint: did you mean 'network'?") != std::string::npos);
  CHECK(s.dump_store() == before);
}

TEST_CASE("config: the starter's complaint rule goes when the file's types have no complaint") {
  Sandbox s;
  s.configure("[tickets]\ntypes = [\"incident\", \"request\"]\n");
  Result r = s.run({"config", "check"});
  CHECK(r.status == 0);
  CHECK(r.err == "");
}

TEST_CASE("config: priorities of one's own keep the starter's policies, ranked onto them") {
  Sandbox s;
  s.configure(R"toml(
[priority]
impact = ["high", "medium", "low"]
urgency = ["high", "medium", "low"]
matrix = [["critical", "high", "medium"],
          ["high", "medium", "low"],
          ["medium", "low", "low"]]
)toml");
  Result check = s.run({"config", "check"});
  CHECK(check.status == 0);
  CHECK(check.err == "");
  // Most urgent to least: the starter's P1, P2, P4 and P5 targets.
  std::string shown = s.ok({"config", "show"}).out;
  CHECK(shown.find("    [sla.standard.response]\n    critical = '15m'\n    high = '1h'\n"
                   "    low = '2d'\n    medium = '1d'\n") != std::string::npos);
  s.log("down", {"-p", "critical"});
  CHECK(s.ok({"sla", "1", "--format", "json"}).json()["response_target_minutes"] == 15);
}
