// On a terminal, long output goes through a pager, as git's does; never
// when standard output is not a terminal, nor when turned off.
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

// A pager that keeps what it was given and the $LESS it saw.
void fake_pager(const Sandbox& s) {
  s.write("pager",
          "#!/bin/sh\necho \"LESS=$LESS\" > \"$(dirname \"$0\")/pager-env\"\n"
          "cat > \"$(dirname \"$0\")/paged\"\n");
  std::filesystem::permissions(s.path("pager"), std::filesystem::perms::owner_all);
}

// desk ARGS on a terminal (script(1)) wide enough for whole titles, in the sandbox.
Result on_terminal(const Sandbox& s, const std::string& args,
                   std::map<std::string, std::string> env = {}) {
  env["DESK"] = desk_binary();
  return run_program({"script", "-qec", "stty cols 200; NO_COLOR=1 \"$DESK\" " + args, "/dev/null"},
                     "", s.dir(), env);
}

bool paged(const Sandbox& s) {
  return std::filesystem::exists(s.path("paged"));
}

}  // namespace

TEST_CASE("pager: on a terminal, a listing goes through $DESK_PAGER with LESS=FRX") {
  Sandbox s;
  fake_pager(s);
  s.log("Printer on fire");
  Result r = on_terminal(s, "list", {{"DESK_PAGER", s.path("pager").string()}});
  CHECK(r.status == 0);
  REQUIRE(paged(s));
  CHECK(s.read("paged").find("Printer on fire") != std::string::npos);
  CHECK(r.out.find("Printer on fire") == std::string::npos);  // the pager had it, not the tty
  CHECK(s.read("pager-env") == "LESS=FRX\n");
}

TEST_CASE("pager: a LESS the user set is kept, and PAGER is used without DESK_PAGER") {
  Sandbox s;
  fake_pager(s);
  s.log("Printer on fire");
  Result r = on_terminal(s, "show 1", {{"PAGER", s.path("pager").string()}, {"LESS", "-S"}});
  CHECK(r.status == 0);
  REQUIRE(paged(s));
  CHECK(s.read("paged").find("Printer on fire") != std::string::npos);
  CHECK(s.read("pager-env") == "LESS=-S\n");
}

TEST_CASE("pager: the pager named in desk.toml, after DESK_PAGER") {
  Sandbox s;
  fake_pager(s);
  s.log("Printer on fire");
  s.configure("[desk]\npager = \"" + s.path("pager").string() + "\"\n");
  CHECK(on_terminal(s, "list").status == 0);
  REQUIRE(paged(s));
  std::filesystem::remove(s.path("paged"));
  Result direct = on_terminal(s, "list", {{"DESK_PAGER", "cat"}});
  CHECK_FALSE(paged(s));
  CHECK(direct.out.find("Printer on fire") != std::string::npos);
}

TEST_CASE("pager: --no-pager, pager = false in desk.toml and an empty DESK_PAGER print directly") {
  Sandbox s;
  fake_pager(s);
  s.log("Printer on fire");
  std::map<std::string, std::string> env{{"DESK_PAGER", s.path("pager").string()}};
  Result r = on_terminal(s, "--no-pager list", env);
  CHECK(r.status == 0);
  CHECK(r.out.find("Printer on fire") != std::string::npos);
  CHECK_FALSE(paged(s));
  CHECK(on_terminal(s, "list", {{"DESK_PAGER", ""}}).out.find("Printer on fire") !=
        std::string::npos);
  CHECK_FALSE(paged(s));
  s.configure("[desk]\npager = false\n");
  CHECK(on_terminal(s, "list", env).out.find("Printer on fire") != std::string::npos);
  CHECK_FALSE(paged(s));
}

TEST_CASE("pager: never when standard output is not a terminal, nor for a command that writes") {
  Sandbox s;
  fake_pager(s);
  s.env["DESK_PAGER"] = s.path("pager").string();
  s.log("Printer on fire");
  CHECK(s.ok({"list"}).out.find("Printer on fire") != std::string::npos);
  CHECK_FALSE(paged(s));
  CHECK(on_terminal(s, "note 1 -m Smoke", {{"DESK_PAGER", s.path("pager").string()}}).status == 0);
  CHECK_FALSE(paged(s));
}

TEST_CASE("pager: a pager in desk.toml that is neither a boolean nor a command is a config error") {
  Sandbox s;
  s.configure("[desk]\npager = 3\n");
  Result r = s.run({"config", "check"});
  CHECK(r.status == 78);
  CHECK(r.err_line().find("pager must be true, false or a command") != std::string::npos);
}
