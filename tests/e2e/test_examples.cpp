// The example scripts work as their comments say.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"
#include "report_checks.hpp"

using namespace e2e;

namespace {

std::string example(const std::string& name) {
  return (source_dir() / "examples" / name).string();
}

// A directory of stand-in programs put first on PATH.
std::string fake_bin(const Sandbox& s, const std::string& name, const std::string& script) {
  s.write("bin/" + name, "#!/bin/sh\n" + script);
  run_program({"chmod", "+x", s.path("bin/" + name).string()}, "", s.dir(), {});
  return s.path("bin").string() + ":" + std::getenv("PATH");
}

// The sandbox's own variables (its store, on PostgreSQL) and `extra`, for
// scripts run outside Sandbox::run.
std::map<std::string, std::string> with_store(const Sandbox& s,
                                              std::map<std::string, std::string> extra) {
  for (const auto& [k, v] : s.env) extra.emplace(k, v);
  return extra;
}

}  // namespace

TEST_CASE("examples: bulk-allocate.sh allocates one category's unassigned tickets") {
  Sandbox s;
  s.configure(kTeams);
  s.log("vpn", {"--category", "network"});
  s.log("printer", {"--category", "hardware"});
  s.log("switch", {"--category", "network"});
  Result r = run_program({"sh", example("bulk-allocate.sh"), "network", "second-line"}, "", s.dir(),
                         with_store(s, {{"DESK", desk_binary()}, {"DESK_NOW", kNow}}));
  CHECK(r.status == 0);
  CHECK(r.out ==
        "Allocated ticket 1 to second-line (second-line)\nAllocated ticket 3 to second-line "
        "(second-line)\n");
  CHECK(s.ok({"list", "--team", "second-line", "-q"}).out == "1\n3\n");
  Result none = run_program({"sh", example("bulk-allocate.sh"), "access", "alice"}, "", s.dir(),
                            with_store(s, {{"DESK", desk_binary()}, {"DESK_NOW", kNow}}));
  CHECK(none.out == "nothing to allocate in 'access'\n");
}

TEST_CASE("examples: the mail hook mails the customer on resolve") {
  Sandbox s;
  // jq is a test dependency (.ci/deps test), as the hook's comment says.
  REQUIRE(run_program({"sh", "-c", "command -v jq"}, "", s.dir(), {}).status == 0);
  std::string path = fake_bin(s, "sendmail", "cat > \"$SANDBOX/mail.txt\"\n");
  s.env["PATH"] = path;
  s.env["SANDBOX"] = s.dir().string();
  s.configure("[hooks]\nresolved = [\"" + example("hooks/mail-customer.sh") + "\"]\n");
  s.log("VPN drops", {"--customer", "jane@example.org"});
  Result r = s.ok({"resolve", "1", "--code", "workaround", "-m", "Client bug", "--workaround",
                   "Use the portal"});
  CHECK(r.err == "");
  std::string mail = s.read("mail.txt");
  CHECK(mail.find("To: jane@example.org\n") != std::string::npos);
  CHECK(mail.find("Subject: [#1] Resolved: VPN drops\n") != std::string::npos);
  CHECK(mail.find("Client bug") != std::string::npos);
  CHECK(mail.find("Use the portal") != std::string::npos);
}

TEST_CASE("examples: the webhook hook posts the event, and a failure is recorded") {
  Sandbox s;
  std::string path = fake_bin(s, "curl", "cat > \"$SANDBOX/posted.json\"\n[ \"$FAIL\" != 1 ]\n");
  s.env["PATH"] = path;
  s.env["SANDBOX"] = s.dir().string();
  s.env["DESK_WEBHOOK_URL"] = "https://chat.example/hook";
  s.configure("[hooks]\nlogged = [\"" + example("hooks/webhook.sh") + "\"]\n");
  s.log("VPN drops");
  CHECK(Json::parse(s.read("posted.json"))["event"]["kind"] == "logged");
  Result r = s.run_with({"log", "x", "-m", ""}, "", {{"FAIL", "1"}});
  CHECK(r.status == 0);
  CHECK(r.err_line() ==
        "desk: hook '" + example("hooks/webhook.sh") + "' for 'logged' on ticket 2 failed: exit 1");
}

TEST_CASE("examples: the crontab and systemd units run real desk commands") {
  Sandbox s;
  s.log("VPN drops");  // logged now: in the digest's backlog, breaching nothing yesterday
  // mail(1) stands in as a script that keeps what it was given.
  s.write("bin/mail", "#!/bin/sh\nprintf '%s\\n' \"$*\" > mail.args\ncat > mail.body\n");
  std::filesystem::permissions(s.path("bin/mail"), std::filesystem::perms::owner_all);
  std::string path = s.path("bin").string() + ":" + std::getenv("PATH");
  std::ifstream cron(example("cron/crontab"));
  std::string line;
  int commands = 0, mailed = 0;
  while (std::getline(cron, line)) {
    auto at = line.find("desk ");
    if (line.empty() || line[0] == '#' || at == std::string::npos || line.find('=') < at) continue;
    std::string args = line.substr(at + 5);
    Result r = run_program({"sh", "-c", "\"$DESK\" " + args}, "", s.dir(),
                           with_store(s, {{"DESK", desk_binary()}, {"PATH", path}}));
    CAPTURE(line);
    CHECK(r.status == 0);
    ++commands;
    if (line.find("| mail ") == std::string::npos) continue;
    ++mailed;
    // The digest, as the leads get it: an HTML page, declared as such.
    CHECK(s.read("mail.args").find("Content-Type: text/html") != std::string::npos);
    std::string body = s.read("mail.body");
    CHECK(body.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(body.find("Service desk digest") != std::string::npos);
    check_html(s, body);
  }
  CHECK(commands >= 5);
  CHECK(mailed == 1);
  // Each systemd service's ExecStart, with its paths brought into the sandbox.
  int units = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(source_dir() / "examples" / "systemd")) {
    if (entry.path().extension() != ".service") continue;
    std::ifstream unit(entry.path());
    while (std::getline(unit, line)) {
      if (line.rfind("ExecStart=/usr/local/bin/desk ", 0) != 0) continue;
      std::string args = line.substr(std::string("ExecStart=/usr/local/bin/desk ").size());
      for (auto at = args.find("/srv/www/reports/"); at != std::string::npos;
           at = args.find("/srv/www/reports/"))
        args.erase(at, std::string("/srv/www/reports/").size());
      Result r = run_program({"sh", "-c", "\"$DESK\" " + args}, "", s.dir(),
                             with_store(s, {{"DESK", desk_binary()}}));
      CAPTURE(line);
      CHECK(r.status == 0);
      ++units;
    }
  }
  CHECK(units == 3);
}

TEST_CASE("examples: demo.sh, which make demo runs, shows something at every step") {
  Sandbox s(false);
  // The demo makes its store under TMPDIR: the sandbox, so the test leaves
  // nothing behind. Both outputs together, as a terminal shows them.
  Result r = run_program({"sh", "-c", "sh \"$0\" \"$1\" 2>&1", example("demo.sh"), desk_binary()},
                         "", s.dir(), {{"TMPDIR", s.dir().string()}, {"DESK_NOW", kNow}});
  CHECK(r.status == 0);
  CHECK(r.out.find("desk: ") == std::string::npos);  // no error, no warning
  // Each step is "\n\e[1m$ COMMAND\e[0m\n" then its output: every desk
  // command's output says something (a comment is a heading, and sed, which
  // edits desk.toml, is silent: `desk config check` shows its effect).
  const std::string bold = "\n\033[1m$ ", plain = "\033[0m\n";
  std::vector<std::pair<std::string, std::string>> steps;
  for (auto at = r.out.find(bold); at != std::string::npos;) {
    auto end = r.out.find(plain, at);
    REQUIRE(end != std::string::npos);
    std::string command = r.out.substr(at + bold.size(), end - at - bold.size());
    auto next = r.out.find(bold, end);
    steps.emplace_back(command, r.out.substr(end + plain.size(), next - end - plain.size()));
    at = next;
  }
  REQUIRE(steps.size() >= 15);
  for (const auto& [command, output] : steps) {
    CAPTURE(command);
    if (command.rfind("desk ", 0) != 0) continue;
    CHECK(output.find_first_not_of(" \n") != std::string::npos);
    // A listing shows tickets, not only its header.
    if (command.rfind("desk list", 0) == 0)
      CHECK(std::count(output.begin(), output.end(), '\n') >= 2);
  }
  auto output_of = [&](const std::string& command) {
    for (const auto& [c, o] : steps)
      if (c == command) return o;
    FAIL("the demo has no step '" << command << "'");
    return std::string();
  };
  // The last listing shows the two urgent tickets as they ended: resolved.
  std::string csv = output_of(
      "desk list --all --priority P1,P2 --format csv --columns "
      "id,status,priority,customer,title");
  CHECK(csv ==
        "id,status,priority,customer,title\n"
        "1,resolved,P2,jane@example.org,Printer on floor 3 is jammed\n"
        "2,resolved,P1,bob@example.org,VPN drops every hour\n");
  CHECK(output_of("desk config check").find(": ok\n") != std::string::npos);
}

namespace {

// Every desk command a reader is told to type in a Markdown file: "$ desk"
// and "desk" lines of fenced blocks and of indented blocks, continued over
// lines ending in "\", without their trailing "# comment".
std::vector<std::string> documented_commands(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> out;
  std::string line, command;
  bool fenced = false;
  while (std::getline(in, line)) {
    if (line.rfind("```", 0) == 0) {
      fenced = !fenced;
      continue;
    }
    if (!command.empty()) {  // a continuation
      command += ' ' + line.substr(line.find_first_not_of(' '));
    } else {
      bool indented = line.rfind("    ", 0) == 0;
      if (!fenced && !indented) continue;
      std::string text = line.substr(std::min(line.find_first_not_of(' '), line.size()));
      if (text.rfind("$ ", 0) == 0) text = text.substr(2);
      if (text.rfind("desk ", 0) != 0) continue;
      command = text;
    }
    if (!command.empty() && command.back() == '\\') {
      command.pop_back();
      continue;
    }
    if (auto hash = command.find("  #"); hash != std::string::npos) command.erase(hash);
    while (!command.empty() && command.back() == ' ') command.pop_back();
    out.push_back(command);
    command.clear();
  }
  return out;
}

// Runs `commands` in order in a fresh sandbox (examples/ reachable from its
// directory), `desk` being the binary under test.
std::vector<std::pair<std::string, Result>> run_documented(const std::vector<std::string>& commands,
                                                           bool init) {
  Sandbox s(init);
  std::filesystem::create_directory_symlink(source_dir() / "examples", s.path("examples"));
  s.write("bin/.keep", "");
  std::filesystem::create_symlink(desk_binary(), s.path("bin/desk"));
  std::string path = s.path("bin").string() + ":" + std::getenv("PATH");
  std::vector<std::pair<std::string, Result>> out;
  for (const auto& c : commands)
    out.emplace_back(c, run_program({"sh", "-c", c}, "", s.dir(),
                                    with_store(s, {{"PATH", path}, {"DESK_NOW", kNow}})));
  return out;
}

}  // namespace

TEST_CASE("examples: every command examples/import/README.md shows works") {
  // Issue 13 item 7: the README told users to run a period desk refused.
  auto commands = documented_commands(source_dir() / "examples" / "import" / "README.md");
  REQUIRE(commands.size() == 7);
  CHECK(commands.back() == "desk report sla --period 2026-11");
  for (const auto& [command, r] : run_documented(commands, true)) {
    CAPTURE(command);
    CAPTURE(r.err);
    CHECK(r.status == 0);
  }
}

TEST_CASE("examples: every command README.md shows is one desk accepts") {
  // The README's commands run in order on a store of its own. Some name
  // tickets a reader has and this store lacks (1042), or paths it cannot
  // write (/srv/www): those may be refused, but never as a misuse of desk
  // (exit 2: an unknown option, period or value) nor as a crash.
  auto commands = documented_commands(source_dir() / "README.md");
  REQUIRE(commands.size() >= 30);
  CHECK(commands.front() == "desk init");
  for (const auto& [command, r] : run_documented(commands, false)) {
    CAPTURE(command);
    CAPTURE(r.err);
    CHECK(r.status != 2);
    CHECK(r.status != 70);
    CHECK(r.status >= 0);
  }
}
