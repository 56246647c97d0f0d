// Signed Message-IDs, the subject tag and the +N address extension.
#include <string>

#include <doctest/doctest.h>

#include "desk/mail/identity.hpp"

#include "support/mail_corpus.hpp"

using namespace desk::mail;
using desk::testing::kCorpusSecret;

TEST_SUITE("mail/identity") {
  TEST_CASE("a signed Message-ID names its ticket and serial") {
    std::string id = signed_message_id(kCorpusSecret, {1, 2}, "example.org");
    // The value the corpus carries (tests/mail/outlook-reply.eml).
    CHECK(id == "desk.1.2.395734d8ef9ba2db788c@example.org");
    CHECK(verify_message_id(kCorpusSecret, id) == DeskMessageId{1, 2});
    CHECK(verify_message_id(kCorpusSecret, "<" + id + ">") == DeskMessageId{1, 2});
    // The domain is not signed: the ID survives a change of [mail].domain.
    CHECK(verify_message_id(kCorpusSecret, "desk.1.2.395734d8ef9ba2db788c@desk.example.com") ==
          DeskMessageId{1, 2});
    // Upper-case hex from a mailer that changed case still verifies.
    CHECK(verify_message_id(kCorpusSecret, "desk.1.2.395734D8EF9BA2DB788C@example.org") ==
          DeskMessageId{1, 2});
  }

  TEST_CASE("forged, altered and foreign IDs are not desk's") {
    CHECK_FALSE(verify_message_id(kCorpusSecret, "desk.1.2.0123456789abcdef0123@example.org"));
    // Another ticket with the first one's signature.
    CHECK_FALSE(verify_message_id(kCorpusSecret, "desk.7.2.395734d8ef9ba2db788c@example.org"));
    // Another store's key.
    CHECK_FALSE(verify_message_id("another-secret", "desk.1.2.395734d8ef9ba2db788c@example.org"));
    CHECK_FALSE(verify_message_id("", "desk.1.2.395734d8ef9ba2db788c@example.org"));
    // Leading zeros would give one ID two spellings.
    CHECK_FALSE(verify_message_id(kCorpusSecret, "desk.01.2.395734d8ef9ba2db788c@example.org"));
    for (const char* id : {"", "desk.", "desk.1.2@example.org", "desk.1.2.@example.org",
                           "desk.x.2.395734d8ef9ba2db788c@example.org",
                           "CAJx9pQ3k5vV0mFq@mail.gmail.com", "desk.1.2.395734d8ef9ba2db788c"}) {
      CAPTURE(id);
      CHECK_FALSE(verify_message_id(kCorpusSecret, id));
    }
  }

  TEST_CASE("the subject tag: read anywhere, written once") {
    CHECK(subject_ticket("RE: [desk #1] Printer on floor 3 jams", "desk") == 1);
    CHECK(subject_ticket("Fwd: Re: [DESK #123] x", "desk") == 123);
    CHECK(subject_ticket("[ desk  # 45 ] spaces inside", "desk") == 45);
    CHECK(subject_ticket("[Acme Helpdesk #9] x", "Acme Helpdesk") == 9);
    CHECK_FALSE(subject_ticket("[desktop #5] not the tag", "desk"));
    CHECK_FALSE(subject_ticket("[desk #] no number", "desk"));
    CHECK_FALSE(subject_ticket("[desk #0] no ticket 0", "desk"));
    CHECK_FALSE(subject_ticket("[desk #12 unclosed", "desk"));
    CHECK(subject_ticket("[other] [desk #7]", "desk") == 7);

    CHECK(tag_subject("Printer on floor 3 jams", "desk", 1) == "[desk #1] Printer on floor 3 jams");
    CHECK(tag_subject("Re: [desk #1] Printer", "desk", 1) == "Re: [desk #1] Printer");
    CHECK(tag_subject("Re: [desk #2] Printer", "desk", 1) == "[desk #1] Re: [desk #2] Printer");
    CHECK(tag_subject("", "desk", 4) == "[desk #4]");
  }

  TEST_CASE("the address extension") {
    std::vector<std::string> desk = {"support@example.org", "helpdesk@example.com"};
    CHECK(address_extension("support+123@example.org", desk) == 123);
    CHECK(address_extension("Support+7@Example.ORG", desk) == 7);
    CHECK(address_extension("helpdesk+9@example.com", desk) == 9);
    CHECK_FALSE(address_extension("support@example.org", desk));
    CHECK_FALSE(address_extension("support+abc@example.org", desk));
    CHECK_FALSE(address_extension("support+0@example.org", desk));
    CHECK_FALSE(address_extension("support+012@example.org", desk));
    CHECK_FALSE(address_extension("sales+123@example.org", desk));
    CHECK_FALSE(address_extension("support+123@example.net", desk));

    CHECK(is_desk_address("SUPPORT@example.org", desk));
    CHECK(is_desk_address("support+5@example.org", desk));
    CHECK_FALSE(is_desk_address("bob@example.org", desk));
    CHECK_FALSE(is_desk_address("", desk));
  }
}
