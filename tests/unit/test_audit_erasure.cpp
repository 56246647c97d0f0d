// Finding and erasing a person in free text.
#include <doctest/doctest.h>

#include "desk/audit/erasure.hpp"

using namespace desk;
using namespace desk::audit;

TEST_SUITE("audit/erasure") {
  TEST_CASE("needles: name, email and the forms of a phone number, short ones left out") {
    model::Customer c;
    c.name = "Jane Doe";
    c.email = "jane@example.org";
    c.phone = "+44 20 7946 0958";
    auto n = needles_for(c);
    CHECK(n == std::vector<std::string>{"jane@example.org", "+44 20 7946 0958", "442079460958",
                                        "02079460958", "Jane Doe"});
    model::Customer tiny;
    tiny.name = "Al";
    tiny.phone = "123";
    CHECK(needles_for(tiny).empty());
  }

  TEST_CASE("scrub: any case, whole words and whole addresses only") {
    std::vector<std::string> n = {"jane@example.org", "Jane Doe"};
    CHECK(scrub("Call JANE DOE on jane@Example.org.", n) == "Call (erased) on (erased).");
    CHECK(scrub("Jane Doerr and mary.jane@example.org", n) ==
          "Jane Doerr and mary.jane@example.org");
    CHECK(scrub("Renée", {"René"}) == "Renée");
    CHECK(scrub("", n).empty());
    CHECK(mentions("ask jane doe", n));
    CHECK_FALSE(mentions("ask jane", n));
  }

  TEST_CASE("scrub: a phone number whatever its spacing, never inside a longer number") {
    std::vector<std::string> n = {"020 7946 0958"};
    CHECK(scrub("ring 020-7946-0958 or (020) 7946 0958", n) == "ring (erased) or ((erased)");
    CHECK(scrub("ref 9020 7946 0958", n) == "ref 9020 7946 0958");
    CHECK(scrub("02079460958.", n) == "(erased).");
  }

  TEST_CASE("rewrite: own tickets lose descriptions and notes whole") {
    auto own = rewrite_for(Scope::own_ticket, {"Jane Doe"});
    CHECK(own("/text", "my printer") == std::optional<std::string>("(erased)"));
    CHECK(own("/changes/description/1", "it beeps") == std::optional<std::string>("(erased)"));
    CHECK(own("/changes/title/1", "printer for Jane Doe") ==
          std::optional<std::string>("printer for (erased)"));
    CHECK_FALSE(own("/changes/status/1", "resolved"));
    CHECK_FALSE(own("/text", ""));
    auto subject = rewrite_for(Scope::subject, {});
    CHECK(subject("/changes/phone/1", "555") == std::optional<std::string>("(erased)"));
    CHECK_FALSE(subject("/changes/tier/1", "vip"));
    auto mention = rewrite_for(Scope::mention, {"Jane Doe"});
    CHECK_FALSE(mention("/text", "unrelated"));
  }
}
