// Long text from $EDITOR: only on a terminal, so these run desk under
// script(1) (util-linux, always on Debian), which gives it one.
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

// desk ARGS on a terminal, with `editor` as $EDITOR; stdout and stderr
// both arrive in out.
Result on_terminal(const Sandbox& s, const std::string& args, const std::string& editor) {
  std::string command = desk_binary() + " --now=" + kNow + " " + args;
  return run_program({"script", "-qec", command, "/dev/null"}, "", s.dir(), {{"EDITOR", editor}});
}

}  // namespace

TEST_CASE("editor: what is written becomes the description") {
  Sandbox s;
  Result r = on_terminal(s, "log 'Printer jammed'", "sh -c 'echo Paper jam >> \"$0\"'");
  CHECK(r.status == 0);
  CHECK(r.out.find("Logged ticket 1: Printer jammed") != std::string::npos);
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["description"] == "Paper jam");
}

TEST_CASE("editor: an empty text aborts, as the file says, and records nothing") {
  Sandbox s;
  std::string before = s.dump_store();
  Result r = on_terminal(s, "log 'Printer jammed'", "true");
  CHECK(r.status == 65);
  CHECK(r.out.find("desk: the text is empty; nothing was recorded") != std::string::npos);
  CHECK(s.dump_store() == before);
}

TEST_CASE("editor: issue 14: text that is not UTF-8 is refused, and records nothing") {
  Sandbox s;
  std::string before = s.dump_store();
  Result r = on_terminal(s, "log 'Printer jammed'", "sh -c 'printf \"caf\\351\\n\" >> \"$0\"'");
  CHECK(r.status == 65);
  CHECK(r.out.find("desk: the text from the editor is not UTF-8: byte 0xe9 at line ") !=
        std::string::npos);
  CHECK(s.dump_store() == before);
}
