// Issue 14, item 17: [limits] on titles, texts and articles, refused with
// 65 naming the limit and its key, and standard input never read whole.
#include <string>

#include <doctest/doctest.h>

#include "harness.hpp"
#include "mail_fixtures.hpp"

using namespace e2e;

TEST_CASE("limits: the defaults, shown and checked, and each mistake named where it is") {
  Sandbox s;
  CHECK(
      s.ok({"config", "show"}).out.find("[limits]\narticle = '4MB'\ntext = '1MB'\ntitle = 500\n") !=
      std::string::npos);
  s.configure("[limits]\ntitle = 80\ntext = \"64KB\"\narticle = 1048576\n");
  CHECK(s.ok({"config", "check"}).out == "desk.toml: ok\n");
  CHECK(
      s.ok({"config", "show"}).out.find("[limits]\narticle = '1MB'\ntext = '64KB'\ntitle = 80\n") !=
      std::string::npos);
  struct Case {
    const char* toml;
    const char* error;
  };
  const Case cases[] = {
      {"[limits]\ntitle = 0\n",
       "desk: desk.toml:2:9: title must be a number of characters from 1 to 100000"},
      {"[limits]\ntitle = \"500\"\n", "desk: desk.toml:2:9: title must be a whole number"},
      {"[limits]\ntext = \"lots\"\n",
       "desk: desk.toml:2:8: text must be a size such as \"25MB\", \"512KB\" or a number of bytes"},
      {"[limits]\narticle = \"2GB\"\n",
       "desk: desk.toml:2:11: article can be at most 1000000000 bytes (about 953MB)"},
      {"[limits]\nbody = \"1MB\"\n", "desk: desk.toml:2:8: unknown key 'body' in [limits]"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.toml);
    s.configure(c.toml);
    Result r = s.run({"config", "check"});
    CHECK(r.status == 78);
    CHECK(r.err_line() == c.error);
  }
}

TEST_CASE(
    "limits: a title, description, note or article over its limit is refused, nothing stored") {
  Sandbox s;
  s.configure("[limits]\ntitle = 10\ntext = \"1KB\"\narticle = \"2KB\"\n");
  s.log("short");
  std::string before = s.dump_store();
  Result title = s.run({"log", "a title of more than ten", "-m", ""});
  CHECK(title.status == 65);
  CHECK(title.err_line() ==
        "desk: the title is 24 characters, over the limit of 10 ([limits] title in desk.toml)");
  // Characters, not bytes: ten letters with accents are within ten.
  CHECK(s.run({"log", "éééééééééé", "-m", ""}).status == 0);
  before = s.dump_store();
  Result description = s.run({"log", "big", "-m", std::string(1025, 'x')});
  CHECK(description.status == 65);
  CHECK(description.err_line() ==
        "desk: the description is larger than the limit of 1KB ([limits] text in desk.toml)");
  CHECK(description.err.find("hint: shorten it, or raise [limits] text") != std::string::npos);
  Result note = s.run({"note", "1", "-m", std::string(2000, 'x')});
  CHECK(note.status == 65);
  CHECK(note.err_line() ==
        "desk: the text is larger than the limit of 1KB ([limits] text in desk.toml)");
  Result edit = s.run({"edit", "1", "--title", "far too long a title"});
  CHECK(edit.status == 65);
  Result article = s.run({"kb", "add", "How to", "-m", std::string(3000, 'y')});
  CHECK(article.status == 65);
  CHECK(article.err_line() ==
        "desk: the article is larger than the limit of 2KB ([limits] article in desk.toml)");
  CHECK(s.dump_store() == before);
  CHECK(s.run({"log", "fits", "-m", std::string(1024, 'x')}).status == 0);
}

TEST_CASE("limits: standard input beyond the limit is refused without reading it all") {
  Sandbox s;
  s.configure("[limits]\ntext = \"1KB\"\n");
  std::string before = s.dump_store();
  // 8 MB on a pipe: desk stops at the limit (the shell's yes is killed by SIGPIPE).
  Result r = run_program(
      {"sh", "-c",
       "head -c 8388608 /dev/zero | tr '\\0' x | \"$0\" --now " + std::string(kNow) + " log big",
       desk_binary()},
      "", s.dir(), s.env);
  CHECK(r.status == 65);
  CHECK(r.err.find("desk: standard input is larger than the limit of 1KB ([limits] text in "
                   "desk.toml)") != std::string::npos);
  CHECK(s.dump_store() == before);
}

TEST_CASE("limits: an import row over a limit is refused naming its line") {
  Sandbox s;
  s.configure("[limits]\ntext = \"1KB\"\n");
  std::string rows =
      "{\"title\":\"fine\",\"description\":\"ok\"}\n{\"title\":\"big\",\"description\":\"" +
      std::string(2048, 'z') + "\"}\n";
  s.write("rows.jsonl", rows);
  std::string before = s.dump_store();
  Result r = s.run({"import", "rows.jsonl"});
  CHECK(r.status == 65);
  CHECK(r.err_line() ==
        "desk: line 2: the description is larger than the limit of 1KB ([limits] text in "
        "desk.toml)");
  CHECK(s.dump_store() == before);
}

TEST_CASE("limits: mail is never refused for its size: the ticket gets its start") {
  Sandbox s;
  set_up_mail(s, "[limits]\ntitle = 10\ntext = 100\n");
  Result r = receive(s, "new-request-base64.eml");
  CHECK(r.status == 0);
  Json t = ticket(s, 1);
  CHECK(t["title"] == "Drucker im");
  std::string d = t["description"];
  CHECK(d.size() <= 100);
  CHECK(d.rfind("Guten Tag,", 0) == 0);
  CHECK(d.find("[cut at [limits] text: desk mail show has the whole message]") !=
        std::string::npos);
}
