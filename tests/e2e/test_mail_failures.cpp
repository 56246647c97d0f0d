// desk mail receive for the mail server: 0 once a message is stored, 75 for
// anything that stops it (the server then keeps the message and tries
// again), and nothing stored when it fails.
#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include "harness.hpp"
#include "mail_fixtures.hpp"

using namespace e2e;

TEST_CASE("mail failures: no mail address is exit 75, nothing stored") {
  Sandbox s;
  std::string before = s.dump_store();
  Result r = receive(s, "new-request-base64.eml");
  CHECK(r.status == 75);
  CHECK(r.out == "");
  CHECK(r.err ==
        "desk: [mail] address is not set: desk does not know its own address\n"
        "hint: set address in the [mail] section of desk.toml (see desk.toml(5))\n"
        "desk: the message was not stored; exit 75 has the mail server deliver it again\n");
  CHECK(s.dump_store() == before);
}

TEST_CASE("mail failures: a bad configuration is exit 75, not 78") {
  Sandbox s;
  s.configure("[mail]\naddress = \"support\"\n");
  Result r = receive(s, "new-request-base64.eml");
  CHECK(r.status == 75);
  CHECK(r.err_line() == "desk: desk.toml:2:11: address 'support' is not a mail address");
}

TEST_CASE("mail failures: a busy store is exit 75, and the message arrives on the retry") {
  Sandbox s;
  set_up_mail(s, "[desk]\nbusy_timeout = \"1s\"\n");
  std::string before = s.dump_store();
  {
    WriteLock holder(s);
    Result r = receive(s, "new-request-base64.eml");
    CHECK(r.status == 75);
    CHECK(r.err.find("desk: the message was not stored; exit 75 has the mail server deliver "
                     "it again\n") != std::string::npos);
  }
  CHECK(s.dump_store() == before);
  Result retry = receive(s, "new-request-base64.eml");
  CHECK(retry.status == 0);
  CHECK(retry.out == "Logged ticket 1\n");
}

TEST_CASE("mail failures: an unknown --ticket or --team is exit 75, nothing stored") {
  Sandbox s;
  set_up_mail(s);
  std::string before = s.dump_store();
  Result ticket = receive(s, "new-request-base64.eml", {"--ticket", "9"});
  CHECK(ticket.status == 75);
  CHECK(ticket.err_line() == "desk: no ticket 9");
  Result team = receive(s, "new-request-base64.eml", {"--team", "nobody"});
  CHECK(team.status == 75);
  CHECK(team.err_line() == "desk: unknown team 'nobody'");
  CHECK(s.dump_store() == before);
}

TEST_CASE("mail failures: a read-only store is exit 75, and the retry stores the message") {
  Sandbox s;
  set_up_mail(s);
  // desk as a user file modes stop: root ignores them, so "nobody" then.
  std::vector<std::string> argv;
  if (geteuid() == 0) {
    REQUIRE(
        run_program({"chown", "-R", "nobody:nogroup", s.dir().string()}, "", s.dir(), {}).status ==
        0);
    argv = {"setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"};
  }
  argv.insert(argv.end(), {desk_binary(), std::string("--now=") + kNow, "mail", "receive"});
  chmod(s.store().c_str(), 0444);
  Result r = run_program(argv, corpus("new-request-base64.eml"), s.dir(), {});
  CHECK(r.status == 75);
  CHECK(r.err_line() ==
        "desk: cannot write to the store '" + s.store().string() + "': it is read-only");
  chmod(s.store().c_str(), 0644);
  Result retry = run_program(argv, corpus("new-request-base64.eml"), s.dir(), {});
  CHECK(retry.status == 0);
  CHECK(retry.out == "Logged ticket 1\n");
  chmod(s.dir().c_str(), 0755);
}

TEST_CASE("mail failures: a command line desk cannot read is exit 2") {
  Sandbox s;
  set_up_mail(s);
  Result r = s.run({"mail", "receive", "--ticket", "x"}, corpus("new-request-base64.eml"));
  CHECK(r.status == 2);
}

// GMime and its libraries are in desk-mime.so, loaded by the commands that
// read or write mail: the binary itself needs none of them.
TEST_CASE("mail failures: desk loads no mail library until it handles mail") {
  Sandbox s;
  Result libs = run_program({desk_binary()}, "", s.dir(), {{"LD_TRACE_LOADED_OBJECTS", "1"}});
  REQUIRE(libs.status == 0);
  CHECK(libs.out.find("libc.so") != std::string::npos);  // the list is there
  for (const char* lib : {"libgmime", "libglib", "libgio", "libuchardet", "libgumbo"})
    CHECK_MESSAGE(libs.out.find(lib) == std::string::npos, lib << " is linked");
}

// A desk copied away from its module cannot read mail: the message stays
// with the mail server (75), and the error says which file is missing.
TEST_CASE("mail failures: without desk-mime.so beside it, receiving is exit 75 naming the file") {
  Sandbox s;
  set_up_mail(s);
  if (std::filesystem::exists(DESK_MIME_INSTALL_DIR "/desk-mime.so"))
    return;  // installed on this machine: the copy would find it there
  std::filesystem::create_directories(s.path("bin"));
  std::filesystem::copy_file(desk_binary(), s.path("bin/desk"));
  std::string before = s.dump_store();
  Result r =
      run_program({s.path("bin/desk").string(), "--now=" + std::string(kNow), "mail", "receive"},
                  corpus("new-request-base64.eml"), s.dir(), s.env);
  CHECK(r.status == 75);
  CHECK(r.err.find("desk: cannot read or write mail: desk-mime.so is missing (looked for " +
                   s.path("lib/desk/desk-mime.so").string() +
                   " or " DESK_MIME_INSTALL_DIR "/desk-mime.so)\n") != std::string::npos);
  CHECK(r.err.find("hint: reinstall desk") != std::string::npos);
  CHECK(s.dump_store() == before);
  // Beside it again, it does.
  std::filesystem::create_directories(s.path("lib/desk"));
  std::filesystem::copy_file(
      std::filesystem::path(desk_binary()).parent_path() / "../lib/desk/desk-mime.so",
      s.path("lib/desk/desk-mime.so"));
  Result again =
      run_program({s.path("bin/desk").string(), "--now=" + std::string(kNow), "mail", "receive"},
                  corpus("new-request-base64.eml"), s.dir(), s.env);
  CHECK(again.status == 0);
  CHECK(again.out == "Logged ticket 1\n");
}
