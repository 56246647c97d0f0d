#include <algorithm>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("show: JSON carries every documented field and the events") {
  Sandbox s;
  s.log("Printer on fire", {"--customer", "Jane Doe", "--channel", "phone"});
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  for (const char* key :
       {"id", "type", "title", "description", "status", "priority", "impact", "urgency", "customer",
        "channel", "category", "tags", "assignee", "team", "created_at", "updated_at", "events"}) {
    CAPTURE(key);
    CHECK(t.contains(key));
  }
  CHECK(t["id"] == 1);
  CHECK(t["customer"] == "Jane Doe");
  const Json& e = t["events"][0];
  CHECK(e["kind"] == "logged");
  CHECK(e["at"] == "2026-11-24T10:30:00+00:00");
  CHECK(e["changes"]["title"]["from"].is_null());
  CHECK(e["changes"]["title"]["to"] == "Printer on fire");
  CHECK(e["changes"]["status"]["to"] == "new");
}

TEST_CASE("show: times are shown in the configured zone, with the offset in JSON") {
  Sandbox s;
  std::string toml = s.read("desk.toml");
  toml.replace(toml.find("timezone = \"UTC\""), 16, "timezone = \"America/New_York\"");
  s.configure(toml);
  s.log("call");
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["created_at"] == "2026-11-24T05:30:00-05:00");
  Result text = s.ok({"show", "1"});
  CHECK(text.out.find("created       2026-11-24 05:30") != std::string::npos);
}

TEST_CASE("show: the text view tells the whole story") {
  Sandbox s;
  s.log("VPN drops", {"--customer", "jane@example.org", "--channel", "phone"});
  s.ok({"note", "1", "-m", "Checked the logs"});
  s.ok({"note", "1", "--reply", "-m", "We are on it", "--channel", "email"});
  s.ok({"edit", "1", "--priority", "P1", "-m", "CEO affected"});
  Result r = s.ok({"show", "1"});
  CHECK(r.out.rfind("Ticket 1: VPN drops\n", 0) == 0);
  CHECK(r.out.find("  customer      jane@example.org\n") != std::string::npos);
  CHECK(r.out.find("  priority      P1 (impact medium, urgency medium)\n") != std::string::npos);
  CHECK(r.out.find("tester     note") != std::string::npos);
  CHECK(r.out.find("      Checked the logs\n") != std::string::npos);
  CHECK(r.out.find("tester     reply       channel email") != std::string::npos);
  CHECK(r.out.find("priority P3 → P1") != std::string::npos);
  CHECK(r.out.find("      CEO affected\n") != std::string::npos);
}

TEST_CASE("show: issue 14: escape sequences in any text never reach the terminal") {
  Sandbox s;
  const std::string title_bar = "\x1b]0;owned\x07";  // sets the window title
  const std::string clear = "\x1b[2J";               // clears the screen
  const std::string csi =
      "\xc2\x9b"
      "31m";  // C1 CSI
  s.log("Printer", {"-m", "Line one " + title_bar + "\n\tindented" + clear + "\r\nend " + csi,
                    "--external-id", "EXT" + clear});
  s.ok({"note", "1", "-m", "Note " + title_bar + "\nsecond line"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "Fixed " + clear, "--workaround", "Try " + csi});
  s.ok({"rate", "1", "--score", "4", "-m", "ok " + title_bar});
  Result r = s.ok({"show", "1"});
  for (char c : r.out) {
    auto u = static_cast<unsigned char>(c);
    CHECK_FALSE(((u < 0x20 && c != '\n') || u == 0x7f));
  }
  CHECK(r.out.find("\xc2\x9b") == std::string::npos);
  CHECK(r.out.find("\nDescription\n  Line one  ]0;owned \n      indented [2J\n  end  31m\n") !=
        std::string::npos);
  CHECK(r.out.find("  external id   EXT [2J\n") != std::string::npos);
  CHECK(r.out.find("\nResolution\n  Fixed  [2J\n") != std::string::npos);
  CHECK(r.out.find("\nWorkaround\n  Try  31m\n") != std::string::npos);
  CHECK(r.out.find("  resolution 1: 4 of 5 \"ok  ]0;owned \"\n") != std::string::npos);
  CHECK(r.out.find("      Note  ]0;owned\n      second line\n") != std::string::npos);
  // JSON keeps the text as stored, escaped as JSON does.
  Json j = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(j["external_id"] == "EXT" + clear);
  CHECK(s.ok({"show", "1", "--format", "json"}).out.find("\\u001b]0;owned\\u0007") !=
        std::string::npos);
}

TEST_CASE("show: an unknown ticket is refused with exit 1") {
  Sandbox s;
  Result r = s.run({"show", "99"});
  CHECK(r.status == 1);
  CHECK(r.err_line() == "desk: no ticket 99");
  CHECK(r.out == "");
  Result bad = s.run({"show", "abc"});
  CHECK(bad.status == 2);
  CHECK(bad.err_line() == "desk: invalid ticket id 'abc'");
}

TEST_CASE("show: ids from standard input, and the history as CSV rows") {
  Sandbox s;
  s.log("one");
  s.log("two");
  Json both = s.ok({"show", "-", "--format", "json"}, "1\n#2\n").json();
  REQUIRE(both.is_array());
  CHECK(both.size() == 2);
  CHECK(both[1]["title"] == "two");
  Result csv = s.ok({"show", "1", "--format", "csv"});
  CHECK(csv.out.rfind("ticket,id,at,actor,kind,summary,text\n", 0) == 0);
  CHECK(csv.out.find("1,1,2026-11-24T10:30:00+00:00,tester,logged,") != std::string::npos);
  Result bad = s.run({"show", "-"}, "1\nbanana\n");
  CHECK(bad.status == 65);
  CHECK(bad.err_line() == "desk: standard input line 2: 'banana' is not a ticket id");
}

TEST_CASE("show: on a terminal, long lines of free text are filled to its width") {
  Sandbox s;
  std::string words;
  for (int i = 0; i < 30; ++i) words += (i ? " printer" : "printer") + std::to_string(i);
  s.log("long", {"-m", words + "\n\nsecond paragraph"});
  s.ok({"note", "1", "-m", words});
  // script(1) gives desk a terminal of 40 columns; NO_COLOR keeps the text
  // plain, --no-pager prints it straight to the terminal.
  Result r = run_program(
      {"script", "-qec",
       "stty cols 40; NO_COLOR=1 \"$DESK\" --now 2026-11-24T10:30:00Z --no-pager show 1",
       "/dev/null"},
      "", s.dir(), {{"DESK", desk_binary()}});
  REQUIRE(r.status == 0);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < r.out.size()) {
    std::size_t end = r.out.find('\n', start);
    if (end == std::string::npos) end = r.out.size();
    std::string l = r.out.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.pop_back();
    lines.push_back(l);
    start = end + 1;
  }
  std::size_t description = 0, widest_text = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] == "Description") description = i;
    if (lines[i].find("printer") != std::string::npos)
      widest_text = std::max(widest_text, lines[i].size());
  }
  REQUIRE(description > 0);
  CHECK(lines[description + 1] ==
        "  printer0 printer1 printer2 printer3");  // filled, not one 270-column line
  CHECK(widest_text <= 40);
  CHECK(r.out.find("  second paragraph") != std::string::npos);
  // A pipe gets each line whole.
  CHECK(s.ok({"show", "1"}).out.find("  " + words + "\n") != std::string::npos);
}
