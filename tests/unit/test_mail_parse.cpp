// mail::parse over the corpus in tests/mail/: each message as Outlook,
// Gmail, Thunderbird, Apple Mail, mailer daemons and responders write
// them, with the exact values desk must read out of it.
#include <string>

#include <doctest/doctest.h>

#include "desk/mail/mime/parse.hpp"
#include "desk/util/sha256.hpp"

#include "support/mail_corpus.hpp"

using namespace desk::mail;
using desk::testing::mail_corpus;

namespace {

Message corpus(const char* name) {
  return parse(mail_corpus(name));
}

}  // namespace

TEST_SUITE("mail/parse") {
  TEST_CASE("Outlook reply: windows-1252 quoted-printable, Original Message history") {
    Message m = corpus("outlook-reply.eml");
    CHECK(m.message_id ==
          "DB9PR03MB72915E3A1C0F4B2D8E6A9B1CDB9PR03MB7291@DB9PR03MB7291.eurprd03.prod.outlook.com");
    CHECK(m.in_reply_to == "desk.1.2.395734d8ef9ba2db788c@example.org");
    CHECK(m.references == std::vector<std::string>{"desk.1.2.395734d8ef9ba2db788c@example.org"});
    CHECK(m.from == Address{"bob.smith@customer.example", "Bob Smith"});
    CHECK(m.to == std::vector<Address>{{"support@example.org", "Desk Support"}});
    CHECK(m.subject == "RE: [desk #1] Printer on floor 3 jams");
    CHECK(m.date == 1793698931);  // Tue, 3 Nov 2026 09:42:11 +0000
    CHECK(m.machine == Machine::none);
    CHECK(m.charset == "windows-1252");
    CHECK_FALSE(m.html_only);
    CHECK(m.new_text ==
          "Hello,\n\nThe printer jammed again this morning – the display shows error E-302.\n"
          "I have attached nothing this time; the engineer's sticker says \"serviced 12/10\".\n\n"
          "Regards,\nBob Smith\nFacilities, Customer Ltd");
    CHECK(m.quoted ==
          "-----Original Message-----\nFrom: Desk Support <support@example.org> \n"
          "Sent: Monday, November 2, 2026 4:05 PM\nTo: Bob Smith <bob.smith@customer.example>\n"
          "Subject: [desk #1] Printer on floor 3 jams\n\nHello Bob,\n\nCould you tell us the error "
          "code shown on the printer's display?\n\nThanks,\nAlice (service desk)");
    // The HTML alternative says the same: it is not kept twice.
    CHECK(m.attachments.empty());
    CHECK(m.problems.empty());
  }

  TEST_CASE("Gmail reply: UTF-8 quoted-printable, the attribution wrapped") {
    Message m = corpus("gmail-reply.eml");
    CHECK(m.message_id == "CAJx9pQ3k5vV0mFq+Lw1nR7sTz2Y8uH4eK6oP1aB3cD5eF7gH9i@mail.gmail.com");
    CHECK(m.in_reply_to == "desk.2.5.9cc85c5a417f88dafdde@example.org");
    CHECK(m.from == Address{"alice.jones@example.net", "Alice Jones"});
    CHECK(m.subject == "Re: [desk #2] VPN drops every hour");
    CHECK(m.new_text ==
          "Hi,\n\nYes, it still drops — about every 60 minutes, and always at :17 past the hour.\n"
          "I'm on the “Corp-WiFi” network, laptop tag LT-2231.\n\nThanks,\nAlice");
    CHECK(m.quoted ==
          "On Mon, 2 Nov 2026 at 16:20, Desk Support <support@example.org>\nwrote:\n\n"
          "> Hello Alice,\n>\n> Does the VPN still drop when you are on the office Wi-Fi?\n>\n"
          "> Regards,\n> Carol (service desk)\n>");
    CHECK(m.attachments.empty());
  }

  TEST_CASE("Thunderbird reply in Russian: RFC 2047 names, format=flowed") {
    Message m = corpus("thunderbird-reply.eml");
    CHECK(m.from == Address{"ivan.petrov@example.com", "Иван Петров"});
    CHECK(m.to == std::vector<Address>{{"support@example.org", "Служба поддержки"}});
    CHECK(m.subject == "Re: [desk #3] Не запускается 1С на ноутбуке");
    CHECK(m.date == 1793700721);  // 13:12:01 +0300
    CHECK(m.in_reply_to == "desk.3.6.04bfb2bb953aeb257f07@example.org");
    CHECK(m.new_text ==
          "Добрый день!\n\nНоутбук перезагрузил, но ошибка осталась: при входе в 1С пишет «Нет "
          "связи с сервером лицензий». Скриншот пришлю отдельно.\n\n-- \nИван Петров\n"
          "Бухгалтерия, ООО «Пример»");
    CHECK(m.quoted ==
          "02.11.2026 16:30, Служба поддержки пишет:\n> Здравствуйте, Иван!\n>\n> Попробуйте, "
          "пожалуйста, перезагрузить ноутбук и войти в 1С ещё раз.\n>\n> С уважением,\n"
          "> Служба поддержки");
  }

  TEST_CASE("a new request: base64 body, RFC 2047 Q and B headers") {
    Message m = corpus("new-request-base64.eml");
    CHECK(m.from == Address{"zoe.mueller@example.de", "Zoë Müller"});
    CHECK(m.subject == "Drucker im 3. Stock druckt nur leere Seiten");
    CHECK(m.in_reply_to.empty());
    CHECK(m.references.empty());
    CHECK(m.date == 1793692717);  // 08:58:37 +0100
    CHECK(m.text ==
          "Guten Tag,\n\nseit heute früh druckt der Drucker im 3. Stock (Raum 3.14) nur noch "
          "leere Seiten.\nDer Toner wurde letzte Woche gewechselt. Könnten Sie bitte jemanden "
          "vorbeischicken?\n\nVielen Dank und freundliche Grüße\nZoë Müller");
    CHECK(m.new_text == m.text);
    CHECK(m.quoted.empty());
  }

  TEST_CASE("attachments: an RFC 2231 Cyrillic file name over two parameters") {
    Message m = corpus("attachment-rfc2231.eml");
    CHECK(m.from == Address{"olga.smirnova@example.com", "Ольга Смирнова"});
    CHECK(m.subject == "Счёт № 42 не оплачивается");
    CHECK(m.new_text ==
          "Добрый день!\n\nВо вложении счёт № 42 и снимок экрана с ошибкой при оплате.\n\n"
          "Спасибо,\nОльга");
    REQUIRE(m.attachments.size() == 2);
    CHECK(m.attachments[0].filename == "Счёт № 42.pdf");
    CHECK(m.attachments[0].content_type == "application/pdf");
    CHECK(m.attachments[0].content.size() == 142);
    CHECK(m.attachments[0].content.substr(0, 8) == "%PDF-1.4");
    CHECK(m.attachments[1].filename == "снимок экрана.png");
    CHECK(m.attachments[1].content_type == "image/png");
    CHECK(m.attachments[1].content.size() == 70);
    CHECK(m.attachments[1].content.substr(1, 3) == "PNG");
  }

  TEST_CASE("KOI8-R without a label, subject in raw 8-bit") {
    Message m = corpus("koi8r-unlabelled.eml");
    CHECK(m.subject == "Не работает сканер в бухгалтерии");
    CHECK(m.charset == "koi8-r");
    CHECK(m.charset_detected);
    CHECK(m.new_text ==
          "Здравствуйте!\n\nСо вчерашнего дня сканер в бухгалтерии (комната 214) не отправляет "
          "документы на почту.\nПри сканировании появляется сообщение об ошибке соединения с "
          "сервером.\nПроверьте, пожалуйста, настройки.\n\nС уважением,\nСергей Иванов");
  }

  TEST_CASE("windows-1251 without any Content-Type") {
    Message m = corpus("cp1251-unlabelled.eml");
    CHECK(m.subject == "Не открывается общая папка");
    CHECK(m.charset == "windows-1251");
    CHECK(m.charset_detected);
    CHECK(m.new_text ==
          "Добрый день.\n\nПосле обновления Windows не открывается общая папка \\\\fs01\\отчёты.\n"
          "Пишет, что нет доступа, хотя вчера всё работало.\nНужно срочно сдать квартальный "
          "отчёт.\n\nЕлена Кузнецова, планово-экономический отдел");
  }

  TEST_CASE("HTML only: rendered to text, the HTML kept as an attachment") {
    Message m = corpus("html-only.eml");
    CHECK(m.html_only);
    CHECK(m.new_text ==
          "Hello,\n\nThe display shows E-302. What I tried so far:\n\n1. Switched it off and on\n"
          "2. Removed the paper from tray 2\n3. Followed the vendor's guide "
          "<https://support.printer.example/e302>\n\nTray  Paper\n1  A4\n2  A3\n\nBob");
    CHECK(m.quoted.substr(0, 40) == "----\nFrom: Desk Support <support@example");
    CHECK(m.text.find("never shown") == std::string::npos);
    REQUIRE(m.attachments.size() == 1);
    CHECK(m.attachments[0].filename == "message.html");
    CHECK(m.attachments[0].content_type == "text/html");
    CHECK(m.attachments[0].content.substr(0, 6) == "<html>");
  }

  TEST_CASE("malformed MIME: what can be read is read, and the damage is named") {
    Message m = corpus("malformed-mime.eml");
    CHECK(m.from == Address{"tom.baker@customer.example", "Tom Baker"});
    CHECK(m.subject == "Badge reader at the side entrance");
    CHECK(m.new_text ==
          "The badge reader at the side entrance beeps red for everyone since 8am.\n"
          "Security says it is an IT matter.\n\nTom");
    REQUIRE(m.attachments.size() == 1);
    CHECK(m.attachments[0].filename == "reader.jpg");
    CHECK(m.problems ==
          std::vector<std::string>{"a header name is invalid", "the message is cut short"});
  }

  TEST_CASE("out of office: RFC 3834 Auto-Submitted") {
    Message m = corpus("out-of-office.eml");
    CHECK(m.machine == Machine::auto_reply);
    CHECK(m.machine_reason == "Auto-Submitted: auto-generated");
    CHECK(m.in_reply_to == "desk.1.2.395734d8ef9ba2db788c@example.org");
    CHECK_FALSE(m.bounce.has_value());
  }

  TEST_CASE("a responder that ignores RFC 3834 is known by its subject") {
    Message m = corpus("autoresponder-no-rfc3834.eml");
    CHECK(m.machine == Machine::auto_reply);
    CHECK(m.machine_reason == "Subject: Out of Office: [desk #2] VPN drops every hour");
  }

  TEST_CASE("a DSN bounce of desk's mail names the message it reports on") {
    Message m = corpus("bounce-dsn.eml");
    CHECK(m.machine == Machine::bounce);
    CHECK(m.machine_reason == "Content-Type: multipart/report; report-type=delivery-status");
    CHECK(m.from == Address{"MAILER-DAEMON@mail.example.org", "Mail Delivery System"});
    CHECK(m.return_path == "");
    // The returned message's own loop header is not this message's.
    CHECK(m.loop.empty());
    REQUIRE(m.bounce.has_value());
    CHECK(m.bounce->original_message_id == "desk.3.7.9c743913d5adb34a7d99@example.org");
    CHECK(m.bounce->recipient == "ivan.petorv@example.com");
    CHECK(m.bounce->status == "5.1.1");
    CHECK(m.bounce->action == "failed");
    CHECK(m.bounce->diagnostic ==
          "550 5.1.1 <ivan.petorv@example.com>: Recipient address rejected: User unknown in "
          "virtual mailbox table");
    CHECK(m.new_text.substr(0, 49) == "This is the mail system at host mail.example.org.");
    REQUIRE(m.attachments.size() == 2);
    CHECK(m.attachments[0].content_type == "message/delivery-status");
    CHECK(m.attachments[1].content_type == "message/rfc822");
  }

  TEST_CASE("desk's own mail come back keeps its loop header") {
    Message m = corpus("loop-own-mail.eml");
    CHECK(m.loop == "support@example.org");
    CHECK(m.from.address == "support@example.org");
    CHECK(m.references ==
          std::vector<std::string>{"desk.1.2.395734d8ef9ba2db788c@example.org",
                                   "DB9PR03MB72915E3A1C0F4B2D8E6A9B1CDB9PR03MB7291@DB9PR03MB7291."
                                   "eurprd03.prod.outlook.com"});
  }

  TEST_CASE("a mailing list post") {
    Message m = corpus("list-mail.eml");
    CHECK(m.machine == Machine::list);
    CHECK(m.machine_reason == "Precedence: list");
  }

  TEST_CASE("an iPhone reply from another address, quoted below") {
    Message m = corpus("different-address-reply.eml");
    CHECK(m.from == Address{"bob.smith@mobile.example", "Bob Smith"});
    CHECK(m.new_text == "Fixed now, thanks – the engineer just left.\n\nSent from my iPhone");
    CHECK(m.quoted ==
          "> On 2 Nov 2026, at 16:05, Desk Support <support@example.org> wrote:\n> \n"
          "> \xef\xbb\xbfHello Bob,\n> \n> Could you tell us the error code shown on the printer's "
          "display?\n> \n> Thanks,\n> Alice (service desk)");
  }

  TEST_CASE("an mbox From line is skipped") {
    Message m = corpus("mbox-new-request.eml");
    CHECK(m.from == Address{"dave.wilson@customer.example", "Wilson, Dave"});
    CHECK(m.subject == "New starter on Monday needs a laptop");
    CHECK(m.return_path == "dave.wilson@customer.example");
    CHECK(m.delivered_to == std::vector<std::string>{"support@example.org"});
    CHECK(without_mbox_line("From x  Tue Nov  3 08:14:22 2026\nA: b\n") == "A: b\n");
    CHECK(without_mbox_line("From: x\n") == "From: x\n");
  }

  TEST_CASE("not a message at all") {
    Message m = parse("");
    CHECK(m.message_id.empty());
    CHECK(m.text.empty());
    Message junk = parse("\x01\x02 no headers here \xff\n\nbody");
    CHECK(junk.from.address.empty());
  }

  TEST_CASE("attachment names: unique in a message, never a path, made up when missing") {
    std::string raw =
        "From: a@b.example\nContent-Type: multipart/mixed; boundary=x\n\n"
        "--x\nContent-Type: text/plain\n\nSee attached.\n"
        "--x\nContent-Type: image/png; name=\"../../etc/shot.png\"\n\nAA\n"
        "--x\nContent-Type: image/png\nContent-Disposition: attachment; filename=shot.png\n\nBB\n"
        "--x\nContent-Type: application/pdf\n\nCC\n"
        "--x--\n";
    Message m = parse(raw);
    CHECK(m.new_text == "See attached.");
    REQUIRE(m.attachments.size() == 3);
    CHECK(m.attachments[0].filename == "shot.png");
    CHECK(m.attachments[1].filename == "shot (2).png");
    CHECK(m.attachments[2].filename == "part4.pdf");
    CHECK(m.attachments[2].content == "CC");  // the line break before a boundary is the boundary's
  }
}
