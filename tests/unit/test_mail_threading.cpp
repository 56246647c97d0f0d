// The threading decision, first match wins, over a store that is a few
// maps: the rules themselves, not the store, are what is tested here.
#include <map>
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "desk/mail/mime/parse.hpp"
#include "desk/mail/threading.hpp"

#include "support/mail_corpus.hpp"

using namespace desk::mail;
using desk::testing::kCorpusSecret;
using desk::testing::mail_corpus;

namespace {

// Tickets 1-3 of the corpus's story: Bob's printer, Alice's VPN, Ivan's 1C.
struct FakeStore : Knowledge {
  std::set<std::string> stored;
  std::map<std::string, std::int64_t> message_ticket;
  std::set<std::int64_t> tickets{1, 2, 3};
  std::map<std::int64_t, std::set<std::string>> senders{{1, {"bob.smith@customer.example"}},
                                                        {2, {"alice.jones@example.net"}},
                                                        {3, {"ivan.petrov@example.com"}}};
  std::set<std::string> customers{"bob.smith@customer.example", "alice.jones@example.net",
                                  "ivan.petrov@example.com"};

  bool message_stored(std::string_view id) override { return stored.count(std::string(id)) > 0; }
  std::optional<std::int64_t> ticket_of_message(std::string_view id) override {
    auto it = message_ticket.find(std::string(id));
    if (it == message_ticket.end()) return std::nullopt;
    return it->second;
  }
  bool ticket_exists(std::int64_t t) override { return tickets.count(t) > 0; }
  bool knows_sender(std::int64_t t, std::string_view address) override {
    return senders[t].count(std::string(address)) > 0;
  }
  bool customer_exists(std::string_view address) override {
    return customers.count(std::string(address)) > 0;
  }
};

Identity corpus_desk() {
  Identity d;
  d.addresses = {"support@example.org", "helpdesk@example.org"};
  d.secret = kCorpusSecret;
  d.subject_tag = "desk";
  d.loop_value = "support@example.org";
  return d;
}

Decision route(const char* file, FakeStore& store, std::optional<std::int64_t> forced = {},
               const Identity& identity = corpus_desk()) {
  return decide(parse(mail_corpus(file)), forced, identity, store);
}

}  // namespace

TEST_SUITE("mail/threading") {
  TEST_CASE("replies thread by desk's signed In-Reply-To") {
    FakeStore store;
    for (const char* f : {"outlook-reply.eml", "html-only.eml"}) {
      CAPTURE(f);
      Decision d = route(f, store);
      CHECK(d.route == Route::existing);
      CHECK(d.ticket == 1);
      CHECK(d.reason == "In-Reply-To <desk.1.2.395734d8ef9ba2db788c@example.org>");
    }
    CHECK(route("gmail-reply.eml", store).ticket == 2);
    CHECK(route("thunderbird-reply.eml", store).ticket == 3);
  }

  TEST_CASE("rule 1: a Message-ID already stored is a duplicate, before anything else") {
    FakeStore store;
    store.stored.insert(
        "DB9PR03MB72915E3A1C0F4B2D8E6A9B1CDB9PR03MB7291@DB9PR03MB7291.eurprd03.prod.outlook.com");
    Decision d = route("outlook-reply.eml", store, 2);
    CHECK(d.route == Route::duplicate);
    CHECK(d.ticket == 0);
  }

  TEST_CASE("rule 2: desk's own mail come back is a loop") {
    FakeStore store;
    Decision d = route("loop-own-mail.eml", store);
    CHECK(d.route == Route::loop);
    CHECK(d.reason == "X-Desk-Loop: support@example.org");
    // Without the header, desk's own address as the sender is enough.
    Message m = parse(mail_corpus("loop-own-mail.eml"));
    m.loop.clear();
    m.from.address = "HelpDesk@example.org";
    CHECK(decide(m, {}, corpus_desk(), store).route == Route::loop);
    // Another desk's loop header (a customer who runs desk) is no loop.
    Message theirs = parse(mail_corpus("gmail-reply.eml"));
    theirs.loop = "support@example.net";
    CHECK(decide(theirs, {}, corpus_desk(), store).route == Route::existing);
  }

  TEST_CASE("rule 3: --ticket and the +N extension come before the references") {
    FakeStore store;
    Decision forced = route("gmail-reply.eml", store, 3);
    CHECK(forced.route == Route::existing);
    CHECK(forced.ticket == 3);
    CHECK(forced.reason == "--ticket 3");

    Message m = parse(mail_corpus("gmail-reply.eml"));
    m.delivered_to = {"support+3@example.org"};
    Decision ext = decide(m, {}, corpus_desk(), store);
    CHECK(ext.ticket == 3);
    CHECK(ext.reason == "address extension support+3@example.org");
    // An extension naming no ticket is passed over.
    m.delivered_to = {"support+99@example.org"};
    CHECK(decide(m, {}, corpus_desk(), store).ticket == 2);
  }

  TEST_CASE("rule 4: References, newest first, and stored Message-IDs") {
    FakeStore store;
    Message m = parse(mail_corpus("new-request-base64.eml"));
    m.references = {"desk.1.2.395734d8ef9ba2db788c@example.org", "CAF-somebody@mail.example"};
    store.message_ticket["CAF-somebody@mail.example"] = 2;
    Decision d = decide(m, {}, corpus_desk(), store);
    CHECK(d.ticket == 2);
    CHECK(d.reason == "References <CAF-somebody@mail.example>");
    // A reference to a ticket that is gone (purged) is passed over.
    store.tickets.erase(2);
    CHECK(decide(m, {}, corpus_desk(), store).ticket == 1);
  }

  TEST_CASE("rule 4: a reply from another address threads by its signed reference") {
    FakeStore store;
    Decision d = route("different-address-reply.eml", store);
    CHECK(d.route == Route::existing);
    CHECK(d.ticket == 1);
  }

  TEST_CASE("a forged reference threads nowhere: a new ticket") {
    FakeStore store;
    Decision d = route("forged-id.eml", store);
    CHECK(d.route == Route::new_ticket);
    CHECK(d.reason == "new request from mallory@evil.example");
  }

  TEST_CASE("rule 5: the subject tag only for the ticket's customer or participants") {
    FakeStore store;
    Decision stranger = route("different-address.eml", store);
    CHECK(stranger.route == Route::new_ticket);
    store.senders[1].insert("bob1974@home.example");
    Decision known = route("different-address.eml", store);
    CHECK(known.route == Route::existing);
    CHECK(known.ticket == 1);
    CHECK(known.reason == "subject tag #1 from bob1974@home.example");
  }

  TEST_CASE("rule 6: a new ticket, never by a similar subject") {
    FakeStore store;
    Message m = parse(mail_corpus("new-request-base64.eml"));
    m.subject = "Re: VPN drops every hour";  // ticket 2's title, no tag
    CHECK(decide(m, {}, corpus_desk(), store).route == Route::new_ticket);
    CHECK(route("mbox-new-request.eml", store).route == Route::new_ticket);
  }

  TEST_CASE("machine mail threads like a reply but never starts a ticket") {
    FakeStore store;
    Decision ooo = route("out-of-office.eml", store);
    CHECK(ooo.route == Route::existing);
    CHECK(ooo.ticket == 1);
    Decision responder = route("autoresponder-no-rfc3834.eml", store);
    CHECK(responder.route == Route::existing);
    CHECK(responder.ticket == 2);
    Decision list = route("list-mail.eml", store);
    CHECK(list.route == Route::quarantine);
    CHECK(list.reason == "machine-generated mail (Precedence: list) about no ticket");
  }

  TEST_CASE("a bounce of desk's mail is a delivery failure on its ticket") {
    FakeStore store;
    Decision d = route("bounce-dsn.eml", store);
    CHECK(d.route == Route::delivery_failed);
    CHECK(d.ticket == 3);
    CHECK(d.reason == "bounce of <desk.3.7.9c743913d5adb34a7d99@example.org>");
    // A bounce of mail desk never sent: kept aside, no ticket.
    Identity other_store = corpus_desk();
    other_store.secret = "another-secret";
    Decision other = route("bounce-dsn.eml", store, {}, other_store);
    CHECK(other.route == Route::quarantine);
  }

  TEST_CASE("unknown senders quarantined when the configuration says so") {
    FakeStore store;
    Identity strict = corpus_desk();
    strict.quarantine_unknown = true;
    Decision d = route("new-request-base64.eml", store, {}, strict);
    CHECK(d.route == Route::quarantine);
    CHECK(d.reason == "unknown sender zoe.mueller@example.de");
    store.customers.insert("zoe.mueller@example.de");
    CHECK(route("new-request-base64.eml", store, {}, strict).route == Route::new_ticket);
  }
}
