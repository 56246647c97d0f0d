// desk note --reply queues mail in its transaction; desk mail send hands it
// to [mail].sendmail, here a script that records its argv and input.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "mail_fixtures.hpp"

using namespace e2e;

namespace {

// A sendmail that keeps each call's argv (one per line) and message, and
// exits with the status in the file "status" (0 when there is none).
void fake_sendmail(const Sandbox& s) {
  s.write("sendmail",
          "#!/bin/sh\nn=$(ls \"$(dirname \"$0\")\"/sent.*.args 2>/dev/null | wc -l)\n"
          "d=$(dirname \"$0\")\nprintf '%s\\n' \"$@\" > \"$d/sent.$n.args\"\n"
          "cat > \"$d/sent.$n.eml\"\nexit $(cat \"$d/status\" 2>/dev/null || echo 0)\n");
  std::filesystem::permissions(s.path("sendmail"), std::filesystem::perms::owner_all);
}

std::string sending_config(const Sandbox& s, const std::string& extra = "") {
  return "sendmail = [\"" + s.path("sendmail").string() + "\", \"-oi\"]\nname = \"Acme IT\"\n" +
         extra;
}

}  // namespace

TEST_CASE("mail send: a reply is queued with its event and sent through sendmail's argv") {
  Sandbox s;
  fake_sendmail(s);
  set_up_mail(s, sending_config(s));
  log_story(s);
  CHECK(s.ok({"note", "3", "--reply", "-m", "Переустановите клиент 1С, пожалуйста."}).out ==
        "Replied on ticket 3 (first response), mail to ivan.petrov@example.com queued\n");
  CHECK(s.ok({"mail", "queue", "-q"}).out == "1\n");
  Json queued = s.ok({"mail", "queue", "--format", "json"}).json();
  CHECK(queued[0]["status"] == "queued");
  CHECK(queued[0]["kind"] == "reply");
  CHECK(s.ok({"mail", "send"}).out == "Sent 1 message\n");
  CHECK(s.read("sent.0.args") == "-oi\n-f\nsupport@example.org\nivan.petrov@example.com\n");
  std::string sent = s.read("sent.0.eml");
  CHECK(sent.find("From: Acme IT <support@example.org>\n") != std::string::npos);
  CHECK(sent.find("X-Desk-Loop: support@example.org\n") != std::string::npos);
  CHECK(sent.find("Message-Id: <desk.3.1.") != std::string::npos);
  CHECK(sent.find("Subject: [desk #3]\n =?UTF-8?B?") !=
        std::string::npos);                                 // RFC 2047: the title is Russian
  CHECK(sent.find("Auto-Submitted") == std::string::npos);  // a person's mail
  CHECK(s.ok({"mail", "queue", "-q"}).out == "");
  CHECK(s.ok({"mail", "queue", "-a", "--format", "json"}).json()[0]["status"] == "sent");
  // Sent once: a second run has nothing to do.
  CHECK(s.ok({"mail", "send"}).out == "Sent 0 messages\n");
  // --no-mail records the reply only.
  s.ok({"note", "3", "--reply", "--no-mail", "-m", "Called him"});
  CHECK(s.ok({"mail", "queue", "-q", "-a"}).out == "1\n");
}

TEST_CASE("mail send: the answer to desk's reply threads back to its ticket") {
  Sandbox s;
  fake_sendmail(s);
  set_up_mail(s, sending_config(s));
  log_story(s);
  s.ok({"note", "2", "--reply", "-m", "Does it still drop?"});
  s.ok({"mail", "send"});
  std::string sent = s.read("sent.0.eml");
  std::size_t at = sent.find("Message-Id: <");
  REQUIRE(at != std::string::npos);
  std::string id = sent.substr(at + 13, sent.find('>', at) - at - 13);
  std::string answer =
      "From: Alice Jones <alice.jones@example.net>\nTo: support@example.org\n"
      "Subject: Re: VPN\nMessage-ID: <a1@example.net>\nIn-Reply-To: <" +
      id + ">\n\nYes, still.\n";
  CHECK(s.run({"mail", "receive"}, answer).out == "Recorded on ticket 2\n");
}

TEST_CASE("mail send: a failing sendmail is retried, then a delivery failure on the ticket") {
  Sandbox s;
  fake_sendmail(s);
  s.write("status", "75\n");
  set_up_mail(s, sending_config(s, "send_attempts = 2\n"));
  log_story(s);
  s.ok({"note", "1", "--reply", "-m", "On our way"});
  Result first = s.run({"mail", "send"});
  CHECK(first.status == 0);
  CHECK(first.out == "Sent 0 messages, 1 to retry\n");
  CHECK(first.err.find("will retry") != std::string::npos);
  // Not due again until five minutes later.
  CHECK(s.ok({"mail", "send"}).out == "Sent 0 messages\n");
  s.now = "2026-11-24T12:00:00Z";
  Result last = s.run({"mail", "send"});
  CHECK(last.out == "Sent 0 messages, 1 failed\n");
  Json t = ticket(s, 1);
  Json e = t["events"].back();
  CHECK(e["kind"] == "delivery-failed");
  CHECK(e["recipient"] == "bob.smith@customer.example");
  CHECK(s.ok({"mail", "queue", "--format", "json"}).json()[0]["status"] == "failed");
}

TEST_CASE("mail send: a new ticket's acknowledgement is automatic, once, not a first response") {
  Sandbox s;
  fake_sendmail(s);
  s.write("ack.txt", "We logged your request as ticket {id}: {title}.\n");
  set_up_mail(s, sending_config(s, "[mail.templates]\nacknowledgement = \"ack.txt\"\n"));
  Json r = s.ok({"mail", "receive", "--format", "json"}, corpus("new-request-base64.eml")).json();
  CHECK(r["route"] == "new");
  CHECK(s.ok({"mail", "send"}).out == "Sent 1 message\n");
  std::string sent = s.read("sent.0.eml");
  CHECK(sent.find("Auto-Submitted: auto-replied\n") != std::string::npos);
  CHECK(sent.find("In-Reply-To: <") != std::string::npos);
  CHECK(sent.find("We logged your request as ticket 1: ") != std::string::npos);
  CHECK(ticket(s, 1)["first_response_at"].is_null());
  // The same sender again within autoreply_interval: no second one.
  std::string again = corpus("new-request-base64.eml");
  again.replace(again.find("Message-Id: <"), 13, "Message-Id: <again.");
  s.ok({"mail", "receive"}, again);
  CHECK(s.ok({"mail", "queue", "-q", "-a"}).out == "1\n");
}

TEST_CASE("mail send: a resolution notice from its template, when there is one") {
  Sandbox s;
  fake_sendmail(s);
  s.write("resolved.txt", "Ticket {id} is {status}: {resolution}\n");
  set_up_mail(s, sending_config(s, "[mail.templates]\nresolved = \"resolved.txt\"\n"));
  log_story(s);
  s.ok({"resolve", "1", "--code", "fixed", "-m", "Tray cleaned"});
  CHECK(s.ok({"mail", "send"}).out == "Sent 1 message\n");
  std::string sent = s.read("sent.0.eml");
  CHECK(sent.find("Ticket 1 is resolved: Tray cleaned") != std::string::npos);
  CHECK(sent.find("Auto-Submitted: auto-replied\n") != std::string::npos);
}
