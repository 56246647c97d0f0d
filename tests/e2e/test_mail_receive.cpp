// desk mail receive: each message of the corpus (tests/mail/) piped in as
// the mail server would, and the tickets and events it leaves checked.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "mail_fixtures.hpp"

using namespace e2e;

namespace test_mail_receive {

namespace {

const Json& last_event(const Json& t) {
  return t["events"].back();
}

}  // namespace

TEST_CASE("mail receive: a new request logs a ticket from the sender, named by the display name") {
  Sandbox s;
  set_up_mail(s);
  Result r = receive(s, "new-request-base64.eml");
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out == "Logged ticket 1\n");
  Json t = ticket(s, 1);
  CHECK(t["title"] == "Drucker im 3. Stock druckt nur leere Seiten");
  CHECK(t["channel"] == "email");
  CHECK(t["status"] == "new");
  CHECK(t["customer"] == "Zoë Müller <zoe.mueller@example.de>");
  CHECK(t["description"] ==
        "Guten Tag,\n\nseit heute früh druckt der Drucker im 3. Stock (Raum 3.14) nur noch leere "
        "Seiten.\nDer Toner wurde letzte Woche gewechselt. Könnten Sie bitte jemanden "
        "vorbeischicken?\n\nVielen Dank und freundliche Grüße\nZoë Müller");
  const Json& logged = t["events"][0];
  CHECK(logged["kind"] == "logged");
  CHECK(logged["from"] == "Zoë Müller <zoe.mueller@example.de>");
  CHECK(logged["message_id"] == "4E1B7C2D-9A3F-4D6B-8E21-7F0C5A9B3D41@example.de");
  CHECK(logged["sha256"].get<std::string>().size() == 64);
  Json listed = s.ok({"mail", "list", "--format", "json"}).json();
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["route"] == "new");
  CHECK(listed[0]["ticket"] == 1);
  CHECK(listed[0]["from"] == "zoe.mueller@example.de");
  CHECK(listed[0]["sha256"] == logged["sha256"]);
  // Kept exactly as it came.
  CHECK(s.ok({"mail", "show", "1", "--raw"}).out == corpus("new-request-base64.eml"));
}

TEST_CASE("mail receive: Outlook, Gmail and Thunderbird replies thread by desk's signed IDs") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  CHECK(receive(s, "outlook-reply.eml").out == "Recorded on ticket 1\n");
  CHECK(receive(s, "gmail-reply.eml").out == "Recorded on ticket 2\n");
  CHECK(receive(s, "thunderbird-reply.eml").out == "Recorded on ticket 3\n");

  Json bob = ticket(s, 1);
  const Json& e = last_event(bob);
  CHECK(e["kind"] == "received");
  CHECK(e["channel"] == "email");
  CHECK(e["from"] == "Bob Smith <bob.smith@customer.example>");
  CHECK(e["subject"] == "RE: [desk #1] Printer on floor 3 jams");
  CHECK(e["text"] ==
        "Hello,\n\nThe printer jammed again this morning – the display shows error E-302.\n"
        "I have attached nothing this time; the engineer's sticker says \"serviced 12/10\".\n\n"
        "Regards,\nBob Smith\nFacilities, Customer Ltd");
  // The quoted history is kept, shown only when asked for.
  CHECK_FALSE(e.contains("quoted"));
  Json full = last_event(ticket(s, 1, true));
  CHECK(full["quoted"].get<std::string>().rfind("-----Original Message-----\n", 0) == 0);
  // A customer's mail is not desk's first response.
  CHECK(bob["first_response_at"].is_null());
  CHECK(bob["status"] == "new");

  CHECK(last_event(ticket(s, 2))["text"] ==
        "Hi,\n\nYes, it still drops — about every 60 minutes, and always at :17 past the hour.\n"
        "I'm on the “Corp-WiFi” network, laptop tag LT-2231.\n\nThanks,\nAlice");
  Json ivan = last_event(ticket(s, 3));
  CHECK(ivan["from"] == "Иван Петров <ivan.petrov@example.com>");
  CHECK(ivan["text"].get<std::string>().rfind("Добрый день!\n\nНоутбук перезагрузил", 0) == 0);
}

TEST_CASE("mail receive: show says quoted history is hidden, and --full prints it") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  receive(s, "gmail-reply.eml");
  std::string brief = s.ok({"show", "2"}).out;
  CHECK(brief.find("      (10 quoted lines hidden: desk show --full)\n") != std::string::npos);
  CHECK(brief.find("> Does the VPN still drop") == std::string::npos);
  std::string full = s.ok({"show", "2", "--full"}).out;
  CHECK(full.find("      > Does the VPN still drop when you are on the office Wi-Fi?\n") !=
        std::string::npos);
  CHECK(full.find("hidden") == std::string::npos);
}

TEST_CASE("mail receive: HTML-only mail as text, the HTML kept as an attachment") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  CHECK(receive(s, "html-only.eml").out == "Recorded on ticket 1\n");
  Json e = last_event(ticket(s, 1));
  CHECK(e["text"] ==
        "Hello,\n\nThe display shows E-302. What I tried so far:\n\n1. Switched it off and on\n"
        "2. Removed the paper from tray 2\n3. Followed the vendor's guide "
        "<https://support.printer.example/e302>\n\nTray  Paper\n1  A4\n2  A3\n\nBob");
  CHECK(e["attachments"] == Json::array({"message.html"}));
  CHECK(s.ok({"attachment", "list", "1", "-q"}).out == "message.html\n");
}

TEST_CASE("mail receive: unlabelled KOI8-R and windows-1251 read as Russian") {
  Sandbox s;
  set_up_mail(s);
  CHECK(receive(s, "koi8r-unlabelled.eml").out == "Logged ticket 1\n");
  CHECK(receive(s, "cp1251-unlabelled.eml").out == "Logged ticket 2\n");
  Json koi8 = ticket(s, 1);
  CHECK(koi8["title"] == "Не работает сканер в бухгалтерии");
  CHECK(koi8["description"].get<std::string>().rfind("Здравствуйте!\n\nСо вчерашнего дня", 0) == 0);
  Json cp1251 = ticket(s, 2);
  CHECK(cp1251["title"] == "Не открывается общая папка");
  CHECK(cp1251["description"].get<std::string>().find("общая папка \\\\fs01\\отчёты.") !=
        std::string::npos);
}

TEST_CASE("mail receive: malformed MIME still makes a ticket, and says what was wrong") {
  Sandbox s;
  set_up_mail(s);
  Result r = receive(s, "malformed-mime.eml", {"--format", "json"});
  CHECK(r.status == 0);
  Json j = r.json();
  CHECK(j["route"] == "new");
  CHECK(j["ticket"] == 1);
  CHECK(j["problems"] == Json::array({"a header name is invalid", "the message is cut short"}));
  Json t = ticket(s, 1);
  CHECK(t["title"] == "Badge reader at the side entrance");
  CHECK(t["description"] ==
        "The badge reader at the side entrance beeps red for everyone since 8am.\n"
        "Security says it is an IT matter.\n\nTom");
  CHECK(s.ok({"attachment", "list", "1", "-q"}).out == "reader.jpg\n");
}

TEST_CASE("mail receive: the same message delivered twice is recorded once") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  CHECK(receive(s, "gmail-reply.eml").status == 0);
  std::string before = s.dump_store();
  Result again = receive(s, "gmail-reply.eml");
  CHECK(again.status == 0);
  CHECK(again.out == "Already stored as message 1: nothing to do\n");
  CHECK(again.err == "");
  CHECK(s.dump_store() == before);
}

TEST_CASE("mail receive: desk's own mail come back is a loop, kept and not acted on") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  Json before = ticket(s, 1);
  Result r = receive(s, "loop-own-mail.eml");
  CHECK(r.status == 0);
  CHECK(r.out == "Kept message 1, desk's own mail come back\n");
  CHECK(ticket(s, 1)["events"] == before["events"]);
  Json listed = s.ok({"mail", "list", "--route", "loop", "--format", "json"}).json();
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["ticket"].is_null());
  CHECK(listed[0]["reason"] == "X-Desk-Loop: support@example.org");
  CHECK(s.ok({"list", "-q"}).out == "1\n2\n3\n");
}

TEST_CASE("mail receive: a forged desk Message-ID threads nowhere") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  CHECK(receive(s, "forged-id.eml").out == "Logged ticket 4\n");
  CHECK(ticket(s, 4)["customer"] == "Mallory <mallory@evil.example>");
  CHECK(ticket(s, 1)["events"].size() == 1);
}

TEST_CASE("mail receive: another address threads by reference, not by the subject tag alone") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  CHECK(receive(s, "different-address-reply.eml").out == "Recorded on ticket 1\n");
  CHECK(receive(s, "different-address.eml").out == "Logged ticket 4\n");
  CHECK(ticket(s, 4)["title"] == "Re: [desk #1] Printer on floor 3 jams");
  // Having written on ticket 1, the phone address is now a participant:
  // its tag alone is enough.
  std::string tagged = corpus("different-address.eml");
  for (auto [from, to] : {std::pair{"bob1974@home.example", "bob.smith@mobile.example"},
                          std::pair{"20261103190244.31c7", "20261103190245.31c8"}})
    for (auto at = tagged.find(from); at != std::string::npos; at = tagged.find(from))
      tagged.replace(at, std::string(from).size(), to);
  Result r = s.run({"mail", "receive"}, tagged);
  CHECK(r.out == "Recorded on ticket 1\n");
}

TEST_CASE("mail receive: an mbox From line is skipped") {
  Sandbox s;
  set_up_mail(s);
  CHECK(receive(s, "mbox-new-request.eml").out == "Logged ticket 1\n");
  Json t = ticket(s, 1);
  CHECK(t["title"] == "New starter on Monday needs a laptop");
  CHECK(t["customer"] == "Wilson, Dave <dave.wilson@customer.example>");
}

TEST_CASE("mail receive: the +N extension names the ticket") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  std::string raw = corpus("new-request-base64.eml");
  raw.replace(raw.find("Delivered-To: support@example.org"), 33,
              "Delivered-To: support+2@example.org");
  Result r = s.run({"mail", "receive"}, raw);
  CHECK(r.out == "Recorded on ticket 2\n");
  CHECK(s.ok({"mail", "list", "--format", "json"}).json()[0]["reason"] ==
        "address extension support+2@example.org");
}

}  // namespace test_mail_receive
