#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("init: writes a commented desk.toml and creates its store") {
  Sandbox s(false);
  Result r = s.run({"init"});
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out.find("Created " + (s.dir() / "desk.toml").string()) != std::string::npos);
  CHECK(r.out.find("Created store " + s.location() + "\n") != std::string::npos);
  std::string toml = s.read("desk.toml");
  CHECK(toml.find("[priority]") != std::string::npos);
  CHECK(toml.find("[calendars.office]") != std::string::npos);
  CHECK(toml.find("[sla.standard]") != std::string::npos);
  CHECK(toml.find("[teams.service-desk]") != std::string::npos);
  CHECK(toml.find("members = [\"tester\"]") != std::string::npos);
  CHECK(s.ok({"config", "check"}).out == "desk.toml: ok\n");
}

TEST_CASE("init: running it again overwrites nothing") {
  Sandbox s;
  s.write("desk.toml", s.read("desk.toml") + "# my own edit\n");
  s.log("a ticket that must survive");
  std::string before = s.dump_store();
  Result r = s.run({"init"});
  CHECK(r.status == 0);
  CHECK(r.out.find("Kept existing " + (s.dir() / "desk.toml").string()) != std::string::npos);
  CHECK(r.out.find("Kept existing store") != std::string::npos);
  CHECK(s.read("desk.toml").find("# my own edit") != std::string::npos);
  CHECK(s.dump_store() == before);
}

TEST_CASE("init: DIR holds the file, and the store path is relative to the file") {
  Sandbox s(false);
  s.ok({"init", "team"});
  CHECK(std::filesystem::exists(s.path("team/desk.toml")));
  if (on_postgres())
    CHECK(s.read("team/desk.toml").find("store = \"" + s.database() + "\"") != std::string::npos);
  else
    CHECK(std::filesystem::exists(s.path("team/desk.db")));
  // From anywhere, DESK_CONFIG finds it and its store.
  Result r =
      s.run_with({"log", "-q", "from elsewhere", "-m", ""}, "",
                 {{"DESK_CONFIG", s.path("team/desk.toml").string()}, {"DESK_DB", "<unset>"}});
  CHECK(r.status == 0);
  CHECK(r.out == "1\n");
}

TEST_CASE("init: creates the store a hand-written desk.toml names") {
  Sandbox s(false);
  if (on_postgres()) {
    s.write("desk.toml", "[desk]\nstore = \"" + s.database() + "\"\n");
    Result r = s.run_with({"init"}, "", {{"DESK_DB", "<unset>"}});
    CHECK(r.status == 0);
    CHECK(r.out.find("Kept existing") != std::string::npos);
    CHECK(r.out.find("Created store " + s.database() + "\n") != std::string::npos);
    CHECK(s.sql_ok("SELECT count(*) FROM tickets") == "0\n");
    return;
  }
  s.write("desk.toml", "[desk]\nstore = \"data/tickets.db\"\n");
  Result r = s.ok({"init"});
  CHECK(r.out.find("Kept existing") != std::string::npos);
  CHECK(std::filesystem::exists(s.path("data/tickets.db")));
}

TEST_CASE("init: the DESK_CONFIG hint only when the file is not in the current directory") {
  Sandbox here(false);
  CHECK(here.ok({"init"}).out.find("DESK_CONFIG") == std::string::npos);
  Sandbox there(false);
  Result r = there.ok({"init", "team"});
  CHECK(r.out.find("From another directory, first: export DESK_CONFIG=" +
                   there.path("team/desk.toml").string() + "\n") != std::string::npos);
}
