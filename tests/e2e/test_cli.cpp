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
  CHECK(r.err_line() == "desk: --limit: must be a whole number from 0 to 1000000000, not '-1'");
  CHECK(r.out == "");
}

TEST_CASE("cli: issue 14: every integer option reads whole decimal numbers in its range, no more") {
  Sandbox s;
  s.log("x");
  s.ok({"resolve", "1", "--code", "fixed", "-m", "done"});
  s.ok({"kb", "add", "An article", "-m", "Text."});
  std::string before = s.dump_store();
  struct Option {
    std::vector<std::string> args;  // the value goes last
    const char* name;
    const char* range;
  };
  const Option options[] = {
      {{"list", "-n"}, "--limit", "from 0 to 1000000000"},
      {{"kb", "list", "-n"}, "--limit", "from 0 to 1000000000"},
      {{"kb", "search", "text", "-n"}, "--limit", "from 0 to 1000000000"},
      {{"kb", "suggest", "1", "-n"}, "--limit", "from 0 to 1000000000"},
      {{"kb", "show", "1", "--version"}, "--version", "from 1 to 1000000000"},
      {{"report", "sla", "-n"}, "--limit", "from 0 to 1000000000"},
      {{"catalog", "check", "--days"}, "--days", "from 1 to 36500"},
      {{"rate", "1", "--score"}, "--score", "from 1 to 5"},
  };
  for (const auto& o : options) {
    for (const char* bad :
         {"99999999999999999999", "0x10", "1e3", "+5", "-1", "1_000", "5 ", "", "ten"}) {
      std::vector<std::string> args = o.args;
      args.push_back(bad);
      CAPTURE(args);
      Result r = s.run(args);
      CHECK(r.status == 2);
      CHECK(r.err_line() == std::string("desk: ") + o.name + ": must be a whole number " + o.range +
                                ", not '" + bad + "'");
      CHECK(r.out == "");
    }
  }
  CHECK(s.run({"rate", "1", "--score", "6"}).err_line() ==
        "desk: --score: must be a whole number from 1 to 5, not '6'");
  CHECK(s.dump_store() == before);
  // Leading zeros are decimal: CLI11 alone read 010 as eight and 0x10 as 16.
  for (int i = 0; i < 11; ++i) s.log("t" + std::to_string(i));
  CHECK(s.ok({"list", "-n", "010", "-q"}).out == "2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n");
  s.ok({"rate", "1", "--score", "05"});
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["ratings"][0]["score"] == 5);
}

TEST_CASE(
    "cli: issue 14: text that is not UTF-8 is refused where it enters, and nothing is stored") {
  Sandbox s;
  s.log("A ticket");
  std::string before = s.dump_store();
  const std::string hint =
      "hint: desk keeps text in UTF-8; convert it first, as with 'iconv -f latin1 -t utf-8'\n";
  // An argument (the harness puts --now=TIME first).
  Result r = s.run({"log", "bad \xff\xfe"});
  CHECK(r.status == 65);
  CHECK(r.err == "desk: argument 3 is not UTF-8: byte 0xff at line 1, column 5\n" + hint);
  CHECK(r.out == "");
  r = s.run({"note", "1", "-m", "caf\xc3\xa9 \xc3\x28"});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: argument 5 is not UTF-8: byte 0xc3 at line 1, column 6");
  // An overlong form and a surrogate are not UTF-8 either.
  CHECK(s.run({"log", "\xc0\xaf"}).status == 65);
  CHECK(s.run({"log", "\xed\xa0\x80"}).status == 65);
  // Standard input.
  r = s.run({"log", "Title"}, "line one\nline \xe9two\n");
  CHECK(r.status == 65);
  CHECK(r.err == "desk: standard input is not UTF-8: byte 0xe9 at line 2, column 6\n" + hint);
  r = s.run({"note", "1"}, "\x80");
  CHECK(r.err_line() == "desk: standard input is not UTF-8: byte 0x80 at line 1, column 1");
  // The actor's name from the environment.
  r = s.run_with({"log", "x"}, "",
                 {{"DESK_USER",
                   "b\xff"
                   "b"}});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: the actor's name is not UTF-8: byte 0xff at line 1, column 2");
  // Imported files: tickets (CSV), articles, the catalogue.
  s.write("t.csv", "title,type\nbad \xff,incident\n");
  r = s.run({"import", "t.csv"});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: the title field is not UTF-8: byte 0xff at line 2, column 5");
  s.write("kb/a.md", "+++\nuid = \"a\"\ntitle = \"A\"\nkind = \"faq\"\n+++\nBody \xff\n");
  r = s.run({"kb", "import", "kb"});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: kb/a.md is not UTF-8: byte 0xff at line 6, column 6");
  s.write("c.toml", "[[service]]\nname = \"vpn\"\ndescription = \"\xff\"\n");
  r = s.run({"catalog", "import", "c.toml"});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: 'c.toml' is not UTF-8: byte 0xff at line 3, column 16");
  CHECK(s.dump_store() == before);
  // What was refused never reached the store: doctor finds it sound.
  CHECK(s.ok({"doctor"}).out.find("no problems found") != std::string::npos);
  // UTF-8 in any script passes, and is kept byte for byte.
  s.log("Принтер 打印机 \xf0\x9f\x96\xa8");
  CHECK(s.ok({"show", "2", "--format", "json"}).json()["title"] ==
        "Принтер 打印机 \xf0\x9f\x96\xa8");
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

TEST_CASE("cli: --format offers the command's own formats, and each writes what it names") {
  Sandbox s;
  s.log("Printer jammed");
  std::string before = s.dump_store();
  struct Refused {
    std::vector<std::string> args;
    const char* error;
  };
  for (const auto& [args, error] : std::vector<Refused>{
           {{"log", "VPN drops", "--format", "xml"}, "desk: --format: xml not in {text,json}"},
           {{"list", "--format", "text"}, "desk: --format: text not in {table,json,jsonl,csv,tsv}"},
           {{"report", "backlog", "--format", "md"},
            "desk: --format: md not in {table,json,csv,tsv,markdown,html}"},
           {{"export", "--format", "json"}, "desk: --format: json not in {jsonl,csv}"}}) {
    CAPTURE(args);
    Result r = s.run(args);
    CHECK(r.status == 2);
    CHECK(r.err_line() == error);
    CHECK(r.out == "");
  }
  CHECK(s.dump_store() == before);

  CHECK(s.ok({"log", "VPN drops", "--format", "json"}).json()["id"] == 2);
  std::string lines = s.ok({"list", "--format", "jsonl", "--sort", "id"}).out;
  CHECK(lines.substr(0, lines.find('\n')).find("\"id\":1") != std::string::npos);
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 2);
  CHECK(s.ok({"list", "--format", "tsv", "--columns", "id,status"}).out ==
        "id\tstatus\n1\tnew\n2\tnew\n");
  CHECK(s.ok({"list", "--format", "csv", "--columns", "id,title"}).out ==
        "id,title\n1,Printer jammed\n2,VPN drops\n");
  CHECK(s.ok({"show", "1"}).out.find("Ticket 1: Printer jammed\n") == 0);  // text by default
}
