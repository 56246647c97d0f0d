// Many deliveries at once: 8 mail servers' worth of `desk mail receive`
// into one store while technicians reply and `desk mail send` drains the
// outbox, through a sendmail that records the Message-ID of each message
// it is handed. Every message is stored once, no reply is lost, and each
// queued message is handed over exactly once.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

#include "harness.hpp"
#include "mail_fixtures.hpp"

using namespace e2e;

namespace {

// Messages each delivering process receives, and replies each technician
// writes: fewer under the sanitizers (see tests/CMakeLists.txt).
#ifdef DESK_SANITIZED
constexpr int kMessages = 24, kReplies = 12;
#else
constexpr int kMessages = 200, kReplies = 100;
#endif
constexpr int kDeliverers = 8, kTechnicians = 2, kSenders = 2;

std::string sql(const Sandbox& s, const std::string& query) {
  return s.sql_ok(query);
}

// Message `i` of process `w`: by turns a new request, a reply by the
// subject tag to ticket 1 (from its customer), a reply to ticket 2 through
// support+2@, and a message that process w and its partner (w ^ 1) are
// both handed, byte for byte (an MTA delivering twice).
std::string message(int w, int i) {
  std::string id, from, to = "support@example.org", subject;
  switch (i % 4) {
    case 0:
      id = "new-" + std::to_string(w) + "-" + std::to_string(i);
      from = "Customer " + id + " <" + id + "@example.net>";
      subject = "Request " + id;
      break;
    case 1:
      id = "tag-" + std::to_string(w) + "-" + std::to_string(i);
      from = "Bob Smith <bob.smith@customer.example>";
      subject = "Re: [desk #1] Printer on floor 3 jams";
      break;
    case 2:
      id = "ext-" + std::to_string(w) + "-" + std::to_string(i);
      from = "Alice Jones <alice.jones@example.net>";
      to = "support+2@example.org";
      subject = "Re: VPN drops every hour";
      break;
    default:
      id = "twice-" + std::to_string(w / 2) + "-" + std::to_string(i);
      from = "Carol <carol." + id + "@example.net>";
      subject = "Delivered twice " + id;
  }
  return "From: " + from + "\nTo: " + to + "\nSubject: " + subject + "\nMessage-ID: <" + id +
         "@example.net>\nDate: Tue, 24 Nov 2026 10:00:00 +0000\n\nText of " + id + ".\n";
}

}  // namespace

TEST_CASE("mail concurrency: 8 deliverers, technicians and senders at once lose nothing") {
  Sandbox s;
  // sendmail appends the Message-ID of each message it is handed.
  s.write("sendmail",
          "#!/bin/sh\nawk 'tolower($1) == \"message-id:\" && !f { print $2; f = 1 }' "
          ">> \"$(dirname \"$0\")/handed\"\n");
  std::filesystem::permissions(s.path("sendmail"), std::filesystem::perms::owner_all);
  s.write("ack.txt", "Ticket {id}: {title}\n");
  set_up_mail(s, "sendmail = [\"" + s.path("sendmail").string() +
                     "\"]\n[mail.templates]\nacknowledgement = \"ack.txt\"\n");
  log_story(s);

  std::vector<std::vector<std::string>> errors(kDeliverers + kTechnicians);
  auto failed = [&](int who, const std::string& what, const Result& r) {
    errors[who].push_back(what + ": exit " + std::to_string(r.status) + ": " + r.err);
  };
  std::vector<std::thread> threads;
  for (int w = 0; w < kDeliverers; ++w)
    threads.emplace_back([&, w] {
      for (int i = 0; i < kMessages; ++i)
        if (Result r = s.run({"mail", "receive", "-q"}, message(w, i)); r.status != 0)
          failed(w, "message " + std::to_string(i), r);
    });
  std::atomic<int> replied{0};
  for (int t = 0; t < kTechnicians; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kReplies; ++i) {
        std::string text = "Answer " + std::to_string(t) + "-" + std::to_string(i);
        Result r = s.run({"note", std::to_string(i % 3 + 1), "--reply", "-q", "-m", text});
        if (r.status == 0)
          ++replied;
        else
          failed(kDeliverers + t, text, r);
      }
    });
  std::atomic<bool> done{false};
  std::atomic<int> sender_failures{0};
  std::vector<std::thread> senders;
  // A sender drains whatever is due, which under this load can take longer
  // than the harness lets one desk run (it kills it, and a killed sender
  // is the unknown outcome desk-mail(1) describes): run it directly.
  const std::string sender = "exec \"" + desk_binary() + "\" --config \"" +
                             s.path("desk.toml").string() + "\" --now=" + kNow +
                             (on_postgres() ? " --db '" + s.database() + "'" : "") +
                             " mail send -q 2>>\"" + s.path("sender.err").string() + "\"";
  for (int k = 0; k < kSenders; ++k)
    senders.emplace_back([&] {
      while (!done)
        if (std::system(sender.c_str()) != 0) ++sender_failures;
    });
  for (auto& t : threads) t.join();
  done = true;
  for (auto& t : senders) t.join();
  CHECK(s.ok({"mail", "send"}).err == "");
  CHECK(sender_failures == 0);
  CHECK(s.read("sender.err") == "");

  for (const auto& list : errors)
    for (const auto& e : list) {
      CAPTURE(e);
      CHECK(e.empty());  // shows each error, whatever it says
    }
  const int per_kind = kDeliverers * kMessages / 4;
  // Every message stored once: one row per Message-ID, the duplicates too.
  const int distinct = 3 * per_kind + per_kind / 2;
  CHECK(sql(s, "SELECT count(*), count(DISTINCT message_id) FROM mail_messages") ==
        std::to_string(distinct) + "|" + std::to_string(distinct) + "\n");
  CHECK(sql(s, "SELECT count(*) FROM mail_messages WHERE message_id LIKE 'twice-%'") ==
        std::to_string(per_kind / 2) + "\n");
  // No reply lost: each customer's reply on its ticket, as an event.
  CHECK(sql(s,
            "SELECT ticket_id, count(*) FROM mail_messages WHERE route = 'reply' "
            "GROUP BY ticket_id ORDER BY ticket_id") ==
        "1|" + std::to_string(per_kind) + "\n2|" + std::to_string(per_kind) + "\n");
  CHECK(sql(s, "SELECT count(*) FROM events WHERE kind = 'received'") ==
        std::to_string(2 * per_kind) + "\n");
  // A ticket for each new request and each message delivered twice.
  CHECK(sql(s, "SELECT count(*) FROM tickets") ==
        std::to_string(3 + per_kind + per_kind / 2) + "\n");
  CHECK(replied == kTechnicians * kReplies);
  CHECK(sql(s, "SELECT count(*) FROM events WHERE kind = 'reply'") ==
        std::to_string(kTechnicians * kReplies) + "\n");
  // The outbox: an acknowledgement per new ticket and a mail per reply,
  // all sent, each handed to sendmail exactly once.
  const int queued = per_kind + per_kind / 2 + kTechnicians * kReplies;
  CHECK(sql(s, "SELECT status, count(*) FROM mail_outbox GROUP BY status") ==
        "sent|" + std::to_string(queued) + "\n");
  std::string handed = s.read("handed");
  std::vector<std::string> ids;
  for (std::size_t at = 0, end; (end = handed.find('\n', at)) != std::string::npos; at = end + 1)
    ids.push_back(handed.substr(at, end - at));
  CHECK(ids.size() == static_cast<std::size_t>(queued));
  std::sort(ids.begin(), ids.end());
  CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
  std::string outbox = sql(s, "SELECT '<' || message_id || '>' FROM mail_outbox ORDER BY 1");
  std::string sorted;
  for (const auto& id : ids) sorted += id + "\n";
  CHECK(sorted == outbox);
}
