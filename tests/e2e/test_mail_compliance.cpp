// Mail kept as it came holds personal data: erasure empties it, and
// retention removes it with the tickets it was on.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "mail_fixtures.hpp"

using namespace e2e;

TEST_CASE("mail compliance: forgetting a customer empties the mail they sent") {
  Sandbox s;
  set_up_mail(s);
  receive(s, "attachment-rfc2231.eml");
  Result r = s.ok({"customer", "forget", "olga.smirnova@example.com"});
  CHECK(r.out.find(", 1 mail message(s) emptied\n") != std::string::npos);
  CHECK(s.ok({"mail", "show", "1", "--raw"}).out == "");
  Json m = s.ok({"mail", "show", "1", "--format", "json"}).json();
  CHECK(m["subject"] == "");
  CHECK(m["size"] == corpus("attachment-rfc2231.eml").size());
  Result get = s.run({"attachment", "get", "1", "Счёт № 42.pdf", "-o", "x.pdf"});
  CHECK(get.status == 1);
  CHECK(get.err_line() == "desk: the bytes of 'Счёт № 42.pdf' on ticket 1 were not kept");
  std::string dump = s.dump_store();
  CHECK(dump.find("Ольга") == std::string::npos);
  CHECK(dump.find("olga.smirnova") == std::string::npos);
  CHECK(s.ok({"audit", "verify", "-q"}).status == 0);
}

TEST_CASE("mail compliance: purging a ticket removes its mail and attachments") {
  Sandbox s;
  set_up_mail(s, "[retention]\nclosed_tickets = \"30d\"\n");
  receive(s, "attachment-rfc2231.eml");
  receive(s, "list-mail.eml");  // kept aside, on no ticket: not the purge's
  s.ok({"resolve", "1", "--code", "fixed", "-m", "Paid"});
  s.ok({"close", "1"});
  s.now = "2027-01-24T10:30:00Z";
  s.ok({"purge"});
  CHECK(s.ok({"mail", "list", "-q"}).out == "2\n");
  CHECK(s.dump_store().find("Счёт") == std::string::npos);
}
