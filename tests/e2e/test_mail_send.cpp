// desk note --reply queues mail in its transaction; desk mail send hands it
// to [mail].sendmail, here a script that records its argv and input.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "mail_fixtures.hpp"

using namespace e2e;

namespace {

// `env` with the sandbox's own variables (its store, on PostgreSQL, is
// DESK_DB), for desk run from a script.
std::map<std::string, std::string> with_sandbox_env(const Sandbox& s,
                                                    std::map<std::string, std::string> env) {
  for (const auto& [k, v] : s.env) env.emplace(k, v);
  return env;
}

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

TEST_CASE("mail send: an exit status that says the message can never go fails it at once") {
  Sandbox s;
  fake_sendmail(s);
  s.write("status", "67\n");  // EX_NOUSER
  set_up_mail(s, sending_config(s, "send_attempts = 5\n"));
  log_story(s);
  s.ok({"note", "1", "--reply", "-m", "On our way"});
  Result r = s.run({"mail", "send"});
  CHECK(r.status == 0);
  CHECK(r.out == "Sent 0 messages, 1 failed\n");
  CHECK(r.err.find("failed for good") != std::string::npos);
  Json e = ticket(s, 1)["events"].back();
  CHECK(e["kind"] == "delivery-failed");
  CHECK(e["text"] == "mail to bob.smith@customer.example could not be delivered: " +
                         s.path("sendmail").string() + ": exit 67");
  Json q = s.ok({"mail", "queue", "--format", "json"}).json();
  CHECK(q[0]["status"] == "failed");
  CHECK(q[0]["attempts"] == 1);
  // Never tried again, even much later.
  s.now = "2026-11-25T10:30:00Z";
  CHECK(s.ok({"mail", "send"}).out == "Sent 0 messages\n");
  CHECK(s.read("sent.1.args").empty());
}

TEST_CASE("mail send: a set-up error (EX_CONFIG, EX_USAGE, EX_NOPERM) is retried, not failed") {
  for (const char* status : {"64", "75", "77", "78"}) {
    CAPTURE(status);
    Sandbox s;
    fake_sendmail(s);
    s.write("status", std::string(status) + "\n");
    set_up_mail(s, sending_config(s));
    log_story(s);
    s.ok({"note", "1", "--reply", "-m", "On our way"});
    CHECK(s.ok({"mail", "send"}).out == "Sent 0 messages, 1 to retry\n");
    CHECK(s.ok({"mail", "queue", "--format", "json"}).json()[0]["status"] == "queued");
    // Mended: the next run after the backoff sends it.
    s.write("status", "0\n");
    s.now = "2026-11-24T10:36:00Z";
    CHECK(s.ok({"mail", "send"}).out == "Sent 1 message\n");
  }
}

TEST_CASE("mail send: a second sender never takes a message whose sender still runs") {
  Sandbox s;
  // The first hand-over waits until the file "go" appears: a slow MTA.
  s.write("sendmail",
          "#!/bin/sh\nd=$(dirname \"$0\")\nn=$(ls \"$d\"/sent.*.eml 2>/dev/null | wc -l)\n"
          "cat > \"$d/sent.$n.tmp\" && mv \"$d/sent.$n.tmp\" \"$d/sent.$n.eml\"\n"
          "if [ \"$n\" = 0 ]; then while [ ! -e \"$d/go\" ]; do sleep 0.02; done; fi\n");
  std::filesystem::permissions(s.path("sendmail"), std::filesystem::perms::owner_all);
  set_up_mail(s, sending_config(s));
  log_story(s);
  s.ok({"note", "1", "--reply", "-m", "First"});
  s.ok({"note", "2", "--reply", "-m", "Second"});
  // The first sender is held in its first hand-over; a second one starts
  // two hours later by the clock, when every claim made then looks stale.
  Result r = run_program({"sh", "-c",
                          "\"$DESK\" --now 2026-11-24T10:30:00Z mail send > first.out 2>&1 & p=$!\n"
                          "while [ ! -e sent.0.eml ]; do sleep 0.02; done\n"
                          "\"$DESK\" --now 2026-11-24T12:30:00Z mail send > second.out 2>&1\n"
                          "touch go; wait $p"},
                         "", s.dir(), with_sandbox_env(s, {{"DESK", desk_binary()}}));
  REQUIRE(r.status == 0);
  CHECK(s.read("second.out") == "Sent 1 message\n");
  CHECK(s.read("first.out") == "Sent 1 message\n");
  // Each message handed over once.
  CHECK(s.read("sent.2.eml").empty());
  std::string first = s.read("sent.0.eml"), second = s.read("sent.1.eml");
  CHECK(first.find("First") != std::string::npos);
  CHECK(second.find("Second") != std::string::npos);
  CHECK(s.ok({"mail", "queue", "-q"}).out == "");
}

TEST_CASE("mail send: a claim whose sender is gone is taken again after an hour, not before") {
  Sandbox s;
  fake_sendmail(s);
  set_up_mail(s, sending_config(s));
  log_story(s);
  s.ok({"note", "1", "--reply", "-m", "On our way"});
  // A sender claimed it at 10:30 on an earlier boot and never came back.
  s.sql_ok(
      "UPDATE mail_outbox SET status = 'sending', attempts = 1, "
      "next_attempt = 1795516200, claimed_by = 'gone 1'");  // 2026-11-24T10:30:00Z
  s.now = "2026-11-24T11:00:00Z";
  CHECK(s.ok({"mail", "send"}).out == "Sent 0 messages\n");
  s.now = "2026-11-24T11:31:00Z";
  CHECK(s.ok({"mail", "send"}).out == "Sent 1 message\n");
  Json q = s.ok({"mail", "queue", "-a", "--format", "json"}).json();
  CHECK(q[0]["status"] == "sent");
  CHECK(q[0]["attempts"] == 2);
}

TEST_CASE("mail send: the templates of examples/mail/ fill in every placeholder they use") {
  Sandbox s;
  fake_sendmail(s);
  std::string examples = (source_dir() / "examples" / "mail").string();
  set_up_mail(s, sending_config(s, "[mail.templates]\nacknowledgement = \"" + examples +
                                       "/acknowledgement.txt\"\nresolved = \"" + examples +
                                       "/resolved.txt\"\n"));
  std::string request =
      "From: Dana Lee <dana@example.net>\nTo: support@example.org\nSubject: Scanner offline\n"
      "Message-ID: <scan-1@example.net>\n\nThe scanner on floor 2 is offline.\n";
  CHECK(s.ok({"mail", "receive"}, request).out == "Logged ticket 1\n");
  s.ok({"resolve", "1", "--code", "fixed", "-m", "Restarted the scanner's print server"});
  CHECK(s.ok({"mail", "send"}).out == "Sent 2 messages\n");
  std::string ack = s.read("sent.0.eml"), resolved = s.read("sent.1.eml");
  CHECK(ack.find("Auto-Submitted: auto-replied\n") != std::string::npos);
  CHECK(ack.find("logged it\nas ticket 1:\n\n    Scanner offline\n") != std::string::npos);
  CHECK(resolved.find("your ticket 1, \"Scanner offline\", has been resolved.") !=
        std::string::npos);
  CHECK(resolved.find("\nRestarted the scanner's print server\n") != std::string::npos);
  // No placeholder is left unreplaced.
  for (const std::string& sent : {ack, resolved}) {
    std::string text = sent.substr(sent.find("\n\n"));
    CHECK(text.find('{') == std::string::npos);
    CHECK(text.find('}') == std::string::npos);
  }
}
