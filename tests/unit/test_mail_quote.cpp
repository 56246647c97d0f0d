// The new text of a reply, apart from the quoted history; and flowed text.
#include <string>

#include <doctest/doctest.h>

#include "desk/mail/flowed.hpp"
#include "desk/mail/quote.hpp"

using namespace desk::mail;

TEST_SUITE("mail/quote") {
  TEST_CASE("Outlook: -----Original Message-----") {
    QuoteSplit s = split_quoted(
        "Done, thanks.\r\n\r\n-----Original Message-----\r\nFrom: Desk\r\nSent: Monday\r\n\r\nOld");
    CHECK(s.new_text == "Done, thanks.");
    CHECK(s.quoted == "-----Original Message-----\nFrom: Desk\nSent: Monday\n\nOld");
  }

  TEST_CASE("Outlook: a From:/Sent: block under a rule") {
    QuoteSplit s = split_quoted(
        "Works now.\n\n________________________________\nFrom: Desk Support <support@example.org>\n"
        "Sent: 02 November 2026 16:05\nTo: Bob\nSubject: [desk #1] x\n\nOld text");
    CHECK(s.new_text == "Works now.");
    CHECK(s.quoted.substr(0, 40) == "________________________________\nFrom: D");
  }

  TEST_CASE("Outlook in German and Russian") {
    CHECK(split_quoted("Danke.\n\n-----Ursprüngliche Nachricht-----\nVon: Desk").new_text ==
          "Danke.");
    CHECK(split_quoted("Спасибо.\n\n-----Исходное сообщение-----\nОт: Desk").new_text ==
          "Спасибо.");
    CHECK(split_quoted("Спасибо.\n\nОт: Служба поддержки\nОтправлено: 2 ноября\nOld").new_text ==
          "Спасибо.");
  }

  TEST_CASE("Gmail: the attribution wrapped over two lines") {
    QuoteSplit s = split_quoted(
        "Yes.\n\nOn Mon, 2 Nov 2026 at 16:20, Desk Support <support@example.org>\nwrote:\n\n"
        "> Still broken?\n>\n");
    CHECK(s.new_text == "Yes.");
    CHECK(s.quoted ==
          "On Mon, 2 Nov 2026 at 16:20, Desk Support <support@example.org>\nwrote:\n\n"
          "> Still broken?\n>");
  }

  TEST_CASE("Thunderbird in Russian and German") {
    CHECK(split_quoted("Ок.\n\n02.11.2026 16:30, Служба поддержки пишет:\n> Текст").new_text ==
          "Ок.");
    CHECK(split_quoted("Gut.\n\nAm 02.11.2026 um 16:30 schrieb Desk:\n> Text").new_text == "Gut.");
  }

  TEST_CASE("a reply written between the quotes keeps everything") {
    std::string text = "On Monday, Desk wrote:\n> Which floor?\nThe third.\n> Which printer?\nHP-3";
    QuoteSplit s = split_quoted(text);
    CHECK(s.new_text == text);
    CHECK(s.quoted == "");
  }

  TEST_CASE("a sentence ending in \"wrote:\" with no quote after it is the customer's") {
    std::string text = "My manager wrote:\nplease fix the printer today.";
    CHECK(split_quoted(text).new_text == text);
  }

  TEST_CASE("a trailing run of quoted lines without an attribution") {
    QuoteSplit s = split_quoted("Thanks!\n\n> old line\n> older line\n");
    CHECK(s.new_text == "Thanks!");
    CHECK(s.quoted == "> old line\n> older line");
  }

  TEST_CASE("text that starts with the history is a forward: all new") {
    std::string text = "-----Original Message-----\nFrom: A\nSent: B\n\nPlease look at this.";
    QuoteSplit s = split_quoted(text);
    CHECK(s.new_text == text);
    CHECK(s.quoted == "");
  }

  TEST_CASE("no history at all") {
    QuoteSplit s = split_quoted("\n\nJust a request.\n\n");
    CHECK(s.new_text == "Just a request.");
    CHECK(s.quoted == "");
  }
}

TEST_SUITE("mail/flowed") {
  TEST_CASE("soft line breaks join, and quotes and the signature stay") {
    CHECK(unflow("This is one \nparagraph.\n\n>> quoted \n>> on.\n-- \nSig", false) ==
          "This is one paragraph.\n\n>> quoted on.\n-- \nSig");
  }

  TEST_CASE("DelSp=yes: the trailing space is not text") {
    CHECK(unflow("Lo\xe3\x83\xb3 \ng\n", true) == "Lo\xe3\x83\xb3g\n");
  }

  TEST_CASE("space-stuffing is undone") {
    CHECK(unflow(" >not a quote\n From here", false) == ">not a quote\nFrom here");
  }

  TEST_CASE("a change of quote depth ends a paragraph") {
    CHECK(unflow("> a \nb", false) == "> a \nb");
  }
}
