// What a received message does to its ticket: a reply resumes and reopens,
// machine mail changes nothing, a bounce is a delivery failure, and what
// belongs nowhere is kept aside.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "mail_fixtures.hpp"

using namespace e2e;

namespace {

const Json& last_event(const Json& t) {
  return t["events"].back();
}

std::vector<std::string> kinds(const Json& t) {
  std::vector<std::string> out;
  for (const auto& e : t["events"]) out.push_back(e["kind"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("mail effects: a reply resumes a ticket pending on the customer, not on a supplier") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  s.ok({"pending", "1", "--on", "customer"});
  s.ok({"pending", "2", "--on", "supplier"});
  CHECK(receive(s, "outlook-reply.eml").out == "Recorded on ticket 1\n");
  Json bob = ticket(s, 1);
  CHECK(bob["status"] == "in-progress");
  CHECK(kinds(bob) == std::vector<std::string>{"logged", "status", "received", "status"});
  CHECK(last_event(bob)["text"] == "the customer answered by mail");
  receive(s, "gmail-reply.eml");
  CHECK(ticket(s, 2)["status"] == "pending");
}

TEST_CASE("mail effects: machine mail is recorded but changes no status") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  s.ok({"pending", "1", "2", "--on", "customer"});
  SUBCASE("an out-of-office reply (RFC 3834)") {
    CHECK(receive(s, "out-of-office.eml").out == "Recorded on ticket 1\n");
    Json t = ticket(s, 1);
    CHECK(t["status"] == "pending");
    CHECK(last_event(t)["kind"] == "received");
    CHECK(last_event(t)["machine"] == "Auto-Submitted: auto-generated");
  }
  SUBCASE("a responder that ignores RFC 3834, by its subject tag") {
    Result r = receive(s, "autoresponder-no-rfc3834.eml", {"--format", "json"});
    CHECK(r.json()["ticket"] == 2);
    CHECK(r.json()["machine"] == "Subject: Out of Office: [desk #2] VPN drops every hour");
    CHECK(ticket(s, 2)["status"] == "pending");
  }
  SUBCASE("never reopens a resolved ticket") {
    s.ok({"resolve", "1", "--code", "fixed", "-m", "New fuser"});
    receive(s, "out-of-office.eml");
    CHECK(ticket(s, 1)["status"] == "resolved");
  }
}

TEST_CASE("mail effects: a reply reopens a ticket resolved within reopen_within") {
  Sandbox s;
  set_up_mail(s, "reopen_within = \"7d\"\n");
  log_story(s);
  s.ok({"resolve", "1", "--code", "fixed", "-m", "New fuser"});
  s.now = "2026-11-30T10:29:00Z";  // 6 days 23:59 later
  CHECK(receive(s, "outlook-reply.eml").out == "Recorded on ticket 1, which it reopened\n");
  Json t = ticket(s, 1);
  CHECK(t["status"] == "new");
  CHECK(t["reopen_count"] == 1);
  CHECK(kinds(t) == std::vector<std::string>{"logged", "resolved", "received", "reopened"});
  CHECK(last_event(t)["text"] == "the customer wrote again by mail");
}

TEST_CASE("mail effects: later, or on a closed ticket, a reply logs a new ticket linked to it") {
  Sandbox s;
  set_up_mail(s, "reopen_within = \"7d\"\n");
  log_story(s);
  s.ok({"resolve", "1", "2", "--code", "fixed", "-m", "Done"});
  s.ok({"close", "2"});
  s.now = "2026-12-01T10:30:00Z";  // 7 days later
  CHECK(receive(s, "outlook-reply.eml").out == "Logged ticket 4, following up closed ticket 1\n");
  CHECK(receive(s, "gmail-reply.eml").out == "Logged ticket 5, following up closed ticket 2\n");
  CHECK(ticket(s, 1)["status"] == "resolved");
  CHECK(ticket(s, 2)["status"] == "closed");
  Json follow = ticket(s, 4);
  CHECK(follow["title"] == "RE: [desk #1] Printer on floor 3 jams");
  CHECK(follow["customer"] == "Bob Smith <bob.smith@customer.example>");
  CHECK(follow["links"] == Json::array({{{"kind", "related"}, {"ticket", 1}}}));
  CHECK(kinds(follow) == std::vector<std::string>{"logged", "linked"});
  CHECK(s.ok({"mail", "list", "--format", "json", "-n", "1"}).json()[0]["route"] == "follow-up");
}

TEST_CASE("mail effects: a bounce of desk's mail is a delivery failure on its ticket") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  Result r = receive(s, "bounce-dsn.eml");
  CHECK(r.status == 0);
  CHECK(r.out == "Recorded a delivery failure on ticket 3\n");
  Json t = ticket(s, 3);
  CHECK(t["status"] == "new");
  const Json& e = last_event(t);
  CHECK(e["kind"] == "delivery-failed");
  CHECK(e["recipient"] == "ivan.petorv@example.com");
  CHECK(e["status"] == "5.1.1");
  CHECK(e["failed_message"] == "desk.3.7.9c743913d5adb34a7d99@example.org");
  CHECK(e["text"] ==
        "mail to ivan.petorv@example.com could not be delivered: 550 5.1.1 "
        "<ivan.petorv@example.com>: Recipient address rejected: User unknown in virtual "
        "mailbox table");
  CHECK(s.ok({"list", "-q"}).out == "1\n2\n3\n");
}

TEST_CASE("mail effects: a bounce of mail desk never sent is kept aside, on no ticket") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  // The store's own key, not the corpus's: the ID in the bounce is not desk's.
  s.sql_ok(on_postgres() ? "UPDATE mail_secret SET secret = sha256(random()::text::bytea)"
                         : "UPDATE mail_secret SET secret = randomblob(32)");
  CHECK(receive(s, "bounce-dsn.eml").out ==
        "Kept message 1 in quarantine: a bounce of no message desk knows\n");
  CHECK(ticket(s, 3)["events"].size() == 1);
}

TEST_CASE("mail effects: a list post is quarantined, and --ticket puts it on a ticket") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  CHECK(receive(s, "list-mail.eml").out ==
        "Kept message 1 in quarantine: machine-generated mail (Precedence: list) about no "
        "ticket\n");
  CHECK(s.ok({"mail", "list", "--route", "quarantine", "-q"}).out == "1\n");
  // Delivered again it is a duplicate; given a ticket, it moves there.
  CHECK(receive(s, "list-mail.eml").out == "Already stored as message 1: nothing to do\n");
  std::string raw = s.ok({"mail", "show", "1", "--raw"}).out;
  Result r = s.run({"mail", "receive", "--ticket", "2"}, raw);
  CHECK(r.out == "Recorded on ticket 2\n");
  CHECK(last_event(ticket(s, 2))["kind"] == "received");
  Json listed = s.ok({"mail", "list", "--format", "json"}).json();
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["ticket"] == 2);
  CHECK(listed[0]["reason"] == "--ticket 2");
}

TEST_CASE("mail effects: --comment is an internal note, and about no ticket it is kept aside") {
  Sandbox s;
  set_up_mail(s);
  log_story(s);
  s.ok({"pending", "1", "--on", "customer"});
  CHECK(receive(s, "outlook-reply.eml", {"--comment"}).out == "Noted on ticket 1\n");
  Json t = ticket(s, 1);
  CHECK(last_event(t)["kind"] == "note");
  CHECK(last_event(t)["channel"] == "email");
  CHECK(t["status"] == "pending");
  CHECK(receive(s, "mbox-new-request.eml", {"--comment"}).out ==
        "Kept message 2 in quarantine: a comment about no ticket\n");
}

TEST_CASE("mail effects: --team sends a new ticket to the team") {
  Sandbox s;
  set_up_mail(s, "[teams.service-desk]\ntier = 1\n[teams.facilities]\ntier = 1\n");
  Result r = receive(s, "new-request-base64.eml", {"--team", "facilities"});
  CHECK(r.out == "Logged ticket 1\n");
  Json t = ticket(s, 1);
  CHECK(t["team"] == "facilities");
  CHECK(last_event(t)["kind"] == "allocated");
}

TEST_CASE("mail effects: unknown senders quarantined when the mail section says so") {
  Sandbox s;
  set_up_mail(s, "unknown_senders = \"quarantine\"\n");
  log_story(s);
  CHECK(receive(s, "new-request-base64.eml").out ==
        "Kept message 1 in quarantine: unknown sender zoe.mueller@example.de\n");
  s.ok({"customer", "add", "Dave Wilson", "--email", "dave.wilson@customer.example"});
  CHECK(receive(s, "mbox-new-request.eml").out == "Logged ticket 4\n");
}

TEST_CASE("mail effects: a message over max_message_size keeps its text, lists its files") {
  Sandbox s;
  set_up_mail(s, "max_message_size = \"1KB\"\n");
  Result r = receive(s, "attachment-rfc2231.eml");
  CHECK(r.status == 0);
  CHECK(r.out == "Logged ticket 1\n");
  CHECK(r.err ==
        "desk: attachment Счёт № 42.pdf (142 bytes) was not kept: the message is over "
        "max_message_size\n"
        "desk: attachment снимок экрана.png (70 bytes) was not kept: the message is over "
        "max_message_size\n");
  Json t = ticket(s, 1);
  CHECK(t["description"] ==
        "Добрый день!\n\nВо вложении счёт № 42 и снимок экрана с ошибкой при оплате.\n\n"
        "Спасибо,\nОльга");
  CHECK(t["events"][0]["not_kept"] == Json::array({"Счёт № 42.pdf", "снимок экрана.png"}));
  Json listed = s.ok({"attachment", "list", "1", "--format", "json"}).json();
  REQUIRE(listed.size() == 2);
  CHECK(listed[0]["kept"] == false);
  CHECK(listed[0]["size"] == 142);
  Result get = s.run({"attachment", "get", "1", "Счёт № 42.pdf", "-o", "x.pdf"});
  CHECK(get.status == 1);
  CHECK(get.err_line() == "desk: the bytes of 'Счёт № 42.pdf' on ticket 1 were not kept");
  // The headers are kept; the whole message's size and digest are recorded.
  Json m = s.ok({"mail", "show", "1", "--format", "json"}).json();
  CHECK(m["size"] == corpus("attachment-rfc2231.eml").size());
  std::string raw = s.ok({"mail", "show", "1", "--raw"}).out;
  CHECK(raw.rfind("Return-Path: <olga.smirnova@example.com>\n", 0) == 0);
  CHECK(raw.find("This is a multi-part message") == std::string::npos);
}
