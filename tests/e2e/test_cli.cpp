// What every command's command line shares.
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("cli: a repeatable option takes one value each time, never the words after it") {
  Sandbox s;
  Result r = s.ok({"log", "-t", "vpn", "VPN drops", "-m", ""});
  CHECK(r.out == "Logged ticket 1: VPN drops [P3 incident]\n");
  s.log("Printer jammed", {"-t", "printer"});
  s.log("VPN and printer", {"-t", "vpn", "--tag", "printer,floor3"});
  CHECK(s.ok({"show", "3", "--format", "json"}).json()["tags"] ==
        Json::array({"floor3", "printer", "vpn"}));
  // The word after -t is a search term, not a second tag.
  CHECK(s.ok({"list", "-t", "vpn", "printer", "-q"}).out == "3\n");
  CHECK(s.ok({"list", "--priority", "P3", "drops", "-q"}).out == "1\n");
  CHECK(s.ok({"list", "-t", "vpn", "-t", "printer", "-q"}).out == "3\n");
  CHECK(s.ok({"edit", "3", "--untag", "floor3", "--untag", "vpn", "-q"}).out == "");
  CHECK(s.ok({"show", "3", "--format", "json"}).json()["tags"] == Json::array({"printer"}));
}

TEST_CASE("cli: a negative limit is a usage error that says what is expected") {
  Sandbox s;
  Result r = s.run({"list", "--limit", "-1"});
  CHECK(r.status == 2);
  CHECK(r.err_line() == "desk: --limit: must be a whole number, 0 or more");
  CHECK(r.out == "");
}

TEST_CASE("cli: issue 14: error messages quote what was typed without its control characters") {
  Sandbox s;
  Result r = s.run({"list", "--category", "x\x1b]0;owned\x07\x1b[2J"});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: unknown category 'x ]0;owned  [2J'");
  CHECK(r.err.find('\x1b') == std::string::npos);
  r = s.run({"nosuch\x1b[2J"});
  CHECK(r.status == 2);
  CHECK(r.err_line() == "desk: unknown command 'nosuch [2J'");
}
