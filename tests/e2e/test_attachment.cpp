// desk attachment list | get: the files of a ticket's mail, back byte for byte.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "mail_fixtures.hpp"

using namespace e2e;

TEST_CASE("attachment: RFC 2231 Cyrillic names listed, and got back byte for byte") {
  Sandbox s;
  set_up_mail(s);
  CHECK(receive(s, "attachment-rfc2231.eml").out == "Logged ticket 1\n");
  CHECK(s.ok({"attachment", "list", "1", "-q"}).out == "Счёт № 42.pdf\nснимок экрана.png\n");
  Json listed = s.ok({"attachment", "list", "1", "--format", "json"}).json();
  REQUIRE(listed.size() == 2);
  CHECK(listed[0]["content_type"] == "application/pdf");
  CHECK(listed[0]["size"] == 142);
  CHECK(listed[0]["kept"] == true);
  CHECK(listed[0]["message"] == 1);
  CHECK(listed[1]["content_type"] == "image/png");
  Result got = s.run({"attachment", "get", "1", "Счёт № 42.pdf", "-o", "invoice.pdf"});
  CHECK(got.status == 0);
  CHECK(got.out == "");
  CHECK(got.err == "desk: wrote Счёт № 42.pdf (142 bytes) to invoice.pdf\n");
  std::string pdf = s.read("invoice.pdf");
  CHECK(pdf.size() == 142);
  CHECK(pdf.rfind("%PDF-1.4\n", 0) == 0);
  // Standard output, when it is not a terminal.
  CHECK(s.ok({"attachment", "get", "1", "снимок экрана.png"}).out.substr(1, 3) == "PNG");
}

TEST_CASE("attachment: names are unique within a ticket") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  receive(s, "html-only.eml");
  // Another message on ticket 1 with an HTML-only body: its HTML is renamed.
  std::string raw = corpus("html-only.eml");
  std::string id = "AM0PR03MB6305C9D1E2F3A4B5C6D7E8F9A0B1";
  raw.replace(raw.find(id), id.size(), "AM0PR03MB6305C9D1E2F3A4B5C6D7E8F9A0B2");
  CHECK(s.run({"mail", "receive"}, raw).out == "Recorded on ticket 1\n");
  CHECK(s.ok({"attachment", "list", "1", "-q"}).out == "message.html\nmessage (2).html\n");
}

TEST_CASE("attachment: refusals say what there is") {
  Sandbox s;
  set_up_mail(s);
  receive(s, "attachment-rfc2231.eml");
  Result none = s.run({"attachment", "get", "1", "Счет № 42.pdf", "-o", "x"});
  CHECK(none.status == 1);
  CHECK(none.err ==
        "desk: ticket 1 has no attachment 'Счет № 42.pdf'\n"
        "hint: did you mean 'Счёт № 42.pdf'?\n");
  Result ticket = s.run({"attachment", "list", "7"});
  CHECK(ticket.status == 1);
  CHECK(ticket.err_line() == "desk: no ticket 7");
  CHECK(s.ok({"log", "-q", "by phone", "-m", ""}).out == "2\n");
  CHECK(s.ok({"attachment", "list", "2", "-q"}).out == "");
  CHECK_FALSE(std::filesystem::exists(s.path("x")));
}

TEST_CASE("attachment: completion offers the names of the ticket typed before") {
  Sandbox s;
  set_up_mail(s);
  receive(s, "attachment-rfc2231.eml");
  const std::string names =
      "Счёт № 42.pdf\tapplication/pdf, 142 bytes\nснимок экрана.png\timage/png, ";
  // The first positional is the ticket, the second its attachment's name,
  // whatever options come between; then nothing is left to complete.
  CHECK(s.ok({"__complete", "arguments", "attachment get"}).out.rfind("1\t", 0) == 0);
  CHECK(s.ok({"__complete", "arguments", "attachment get", "1"}).out.rfind(names, 0) == 0);
  CHECK(
      s.ok({"__complete", "arguments", "attachment get", "-o", "x.pdf", "1"}).out.rfind(names, 0) ==
      0);
  CHECK(s.ok({"__complete", "arguments", "attachment get", "--output=x.pdf", "1"})
            .out.rfind(names, 0) == 0);
  CHECK(s.ok({"__complete", "arguments", "attachment get", "1", "Счёт № 42.pdf"}).out == "");
  CHECK(s.ok({"__complete", "arguments", "attachment list", "1"}).out == "");
  CHECK(s.ok({"__complete", "arguments", "show", "1"}).out.rfind("1\t", 0) == 0);  // ids, many
  // A ticket that does not exist: a shell is reading, so nothing, silently.
  Result missing = s.run({"__complete", "arguments", "attachment get", "9"});
  CHECK(missing.status == 0);
  CHECK(missing.out == "");
  CHECK(missing.err == "");
}
