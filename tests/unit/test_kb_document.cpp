// Articles as files: TOML front matter between '+++' lines, then Markdown.
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <toml++/toml.h>

#include "desk/core/error.hpp"
#include "desk/kb/document.hpp"

using namespace desk;
using namespace desk::kb;

namespace {

Instant at(const char* iso) {
  return parse_time(iso, from_unix(0), Zone::utc());
}

Article sample() {
  Article a;
  a.id = 12;
  a.uid = "9b2f6c1e-3d4a-4f5b-8c7d-0e1f2a3b4c5d";
  a.kind = model::ArticleKind::known_error;
  a.state = model::ArticleState::retired;
  a.title = "Printer shows \"E-041\" after a jam";
  a.body = "# Details\n\nOpen tray 2.\n\n    code \\ block";
  a.symptom = "The panel shows E-041.\nNothing prints.";
  a.cause = "A worn roller.";
  a.workaround = "Open tray 2.\n+++\nThen close it.";
  a.fix_status = model::FixStatus::in_progress;
  a.category = "hardware";
  a.service = "Printing";
  a.tags = {"floor3", "printer"};
  a.author = "alice";
  a.version = 4;
  a.created_at = at("2026-11-20T09:00:00Z");
  a.updated_at = at("2026-11-23T10:15:30Z");
  a.published_at = at("2026-11-21T08:00:00Z");
  a.retired_at = at("2026-11-23T10:15:30Z");
  return a;
}

std::string error_of(const std::string& text, const std::vector<std::string>* allowed = nullptr) {
  try {
    parse_document(text, "kb/x.md", Zone::utc(), allowed);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_SUITE("kb document") {
  TEST_CASE("a written article reads back exactly") {
    Article a = sample();
    std::string text = write_document(a);
    CHECK(text.rfind("+++\nuid = \"9b2f6c1e-3d4a-4f5b-8c7d-0e1f2a3b4c5d\"\nid = 12\n", 0) == 0);
    CHECK(text.find("title = \"Printer shows \\\"E-041\\\" after a jam\"\n") != std::string::npos);
    CHECK(text.find("created_at = 2026-11-20T09:00:00Z\n") != std::string::npos);
    CHECK(text.find("symptom = \"\"\"\nThe panel shows E-041.\nNothing prints.\"\"\"\n") !=
          std::string::npos);
    Document d = parse_document(text, "x.md", Zone::utc());
    CHECK(d.uid == a.uid);
    CHECK(d.id == 12);
    CHECK(d.title == a.title);
    CHECK(d.kind == "known-error");
    CHECK(d.state == "retired");
    CHECK(d.tags == a.tags);
    CHECK(d.category == a.category);
    CHECK(d.service == a.service);
    CHECK(d.author == a.author);
    CHECK(d.version == 4);
    CHECK(d.created_at == a.created_at);
    CHECK(d.updated_at == a.updated_at);
    CHECK(d.published_at == a.published_at);
    CHECK(d.retired_at == a.retired_at);
    CHECK(d.fix_status == "in-progress");
    CHECK(d.symptom == a.symptom);
    CHECK(d.cause == a.cause);
    CHECK(d.workaround == a.workaround);
    CHECK(clean_text(d.body) == a.body);
    CHECK(d.lines.at("title") == 4);
  }

  TEST_CASE("empty fields are left out") {
    Article a;
    a.id = 1;
    a.uid = "u";
    a.title = "T";
    a.kind = model::ArticleKind::faq;
    a.state = model::ArticleState::draft;
    a.author = "bob";
    a.created_at = a.updated_at = at("2026-11-20T09:00:00Z");
    std::string text = write_document(a);
    CHECK(text ==
          "+++\nuid = \"u\"\nid = 1\ntitle = \"T\"\nkind = \"faq\"\nstate = \"draft\"\ntags = []\n"
          "author = \"bob\"\nversion = 1\ncreated_at = 2026-11-20T09:00:00Z\n"
          "updated_at = 2026-11-20T09:00:00Z\n+++\n");
    Document d = parse_document(text, "x.md", Zone::utc());
    CHECK_FALSE(d.symptom.has_value());
    CHECK(d.body == "");
  }

  TEST_CASE("TOML strings survive any text") {
    const char* texts[] = {"plain",
                           "quotes \" and ''' and \"\"\" inside",
                           "back\\slash at the end\\",
                           "tab\there",
                           "line one\nline two\n\nline four",
                           "ends with a quote\"",
                           "ends with a newline\n",
                           "\n+++\n+++ \n",
                           "Привет, мир — 日本語 — ✓",
                           "control \x01 and \x7f"};
    for (const char* t : texts) {
      CAPTURE(t);
      auto table = toml::parse("x = " + toml_string(t) + "\n");
      CHECK(table["x"].value<std::string>() == std::string(t));
    }
  }

  TEST_CASE("local times and dates are read in the configured zone") {
    Zone ny = Zone::named("America/New_York");
    Document d = parse_document(
        "+++\ncreated_at = 2026-11-20T09:00:00\nupdated_at = 2026-11-21\n"
        "published_at = 2026-11-22T09:00:00+01:00\n+++\n",
        "x.md", ny);
    CHECK(format_iso(*d.created_at, Zone::utc()) == "2026-11-20T14:00:00+00:00");
    CHECK(format_iso(*d.updated_at, Zone::utc()) == "2026-11-21T05:00:00+00:00");
    CHECK(format_iso(*d.published_at, Zone::utc()) == "2026-11-22T08:00:00+00:00");
  }

  TEST_CASE("mistakes name the file and line") {
    CHECK(error_of("title = \"x\"\n") == "kb/x.md:1: an article starts with a '+++' line");
    CHECK(error_of("+++\ntitle = \"x\"\n") ==
          "kb/x.md:1: the front matter is not closed by a '+++' line");
    CHECK(error_of("+++\ntitle = \"x\"\ntitel = \"y\"\n+++\n") == "kb/x.md:3: unknown key 'titel'");
    CHECK(error_of("+++\n\ntags = \"vpn\"\n+++\n") ==
          "kb/x.md:3: 'tags' must be a list of strings, as in [\"printer\", \"vpn\"]");
    CHECK(error_of("+++\nversion = 0\n+++\n") ==
          "kb/x.md:2: 'version' must be a whole number above 0");
    CHECK(error_of("+++\ncreated_at = \"yesterday\"\n+++\n") ==
          "kb/x.md:2: 'created_at' must be a date and time, as in 2026-11-24T09:30:00Z");
    std::string toml_error = error_of("+++\ntitle = \"x\"\nkind = \"faq\n+++\n");
    CHECK(toml_error.rfind("kb/x.md:3: ", 0) == 0);
    CHECK(error_of("+++\nstate = \"published\"\n+++\n", &editable_keys()) ==
          "kb/x.md:2: 'state' cannot be changed here");
  }

  TEST_CASE("an unknown key gets a suggestion") {
    try {
      parse_document("+++\nsymptoms = \"x\"\n+++\n", "x.md", Zone::utc());
      FAIL("no error");
    } catch (const DataError& e) {
      CHECK(std::string(e.hint()) == "did you mean 'symptom'?");
    }
  }

  TEST_CASE("the editable part holds the content and a comment") {
    Article a = sample();
    std::string text = write_editable(a);
    CHECK(text.rfind("+++\n# Article 12, version 4 (retired).", 0) == 0);
    Document d = parse_document(text, "<editor>", Zone::utc(), &editable_keys());
    CHECK(d.title == a.title);
    CHECK(d.workaround == a.workaround);
    CHECK(d.tags == a.tags);
    CHECK(clean_text(d.body) == a.body);
    CHECK_FALSE(d.uid.has_value());
  }

  TEST_CASE("file names: id and a slug of the title") {
    Article a = sample();
    CHECK(document_file_name(a) == "12-printer-shows-e-041-after-a-jam.md");
    a.title = "Принтер не печатает!";
    CHECK(document_file_name(a) == "12-принтер-не-печатает.md");
    a.title = "???";
    CHECK(document_file_name(a) == "12-article.md");
  }

  TEST_CASE("stored text is cleaned the same way on every path") {
    CHECK(clean_text("\r\n\n  x\r\ny  \n\n") == "  x\ny");
    CHECK(clean_text("a\x1b[31mb\x07") == "a[31mb");
    CHECK(clean_text("\t\n") == "");
  }
}
