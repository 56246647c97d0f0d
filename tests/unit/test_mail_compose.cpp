// Desk's outgoing mail: built with GMime, read back with desk's own parser
// (the round trip a customer's mailer makes), and checked on the wire.
#include <string>

#include <doctest/doctest.h>

#include "desk/mail/identity.hpp"
#include "desk/mail/mime/compose.hpp"
#include "desk/mail/mime/parse.hpp"

using namespace desk::mail;

namespace {

Outgoing reply() {
  Outgoing o;
  o.from = {"support@example.org", "Служба поддержки"};
  o.to = {{"ivan.petrov@example.com", "Иван Петров"}};
  o.subject = tag_subject("Не запускается 1С на ноутбуке", "desk", 3);
  o.message_id = "desk.3.6.04bfb2bb953aeb257f07@example.org";
  o.in_reply_to = "8f3c2a1e-5b7d-4e9f-a0c1-2d3e4f5a6b7c@example.com";
  o.references = {"first@example.com", "8f3c2a1e-5b7d-4e9f-a0c1-2d3e4f5a6b7c@example.com"};
  o.date = 1793637011;  // Mon, 02 Nov 2026 16:30:11 +0000
  o.text = "Здравствуйте, Иван!\r\n\r\nПопробуйте перезагрузить ноутбук.\r\n";
  o.loop_value = "support@example.org";
  return o;
}

bool has_line(const std::string& wire, const std::string& line) {
  return wire.find("\n" + line + "\n") != std::string::npos || wire.rfind(line + "\n", 0) == 0;
}

}  // namespace

TEST_SUITE("mail/compose") {
  TEST_CASE("a reply reads back as written") {
    std::string wire = compose(reply());
    Message m = parse(wire);
    CHECK(m.from == Address{"support@example.org", "Служба поддержки"});
    CHECK(m.to == std::vector<Address>{{"ivan.petrov@example.com", "Иван Петров"}});
    CHECK(m.subject == "[desk #3] Не запускается 1С на ноутбуке");
    CHECK(m.message_id == "desk.3.6.04bfb2bb953aeb257f07@example.org");
    CHECK(m.in_reply_to == "8f3c2a1e-5b7d-4e9f-a0c1-2d3e4f5a6b7c@example.com");
    CHECK(m.references ==
          std::vector<std::string>{"first@example.com",
                                   "8f3c2a1e-5b7d-4e9f-a0c1-2d3e4f5a6b7c@example.com"});
    CHECK(m.date == 1793637011);
    CHECK(m.loop == "support@example.org");
    CHECK(m.text == "Здравствуйте, Иван!\n\nПопробуйте перезагрузить ноутбук.");
    CHECK(m.charset == "utf-8");
    CHECK(m.machine == Machine::none);
  }

  TEST_CASE("on the wire: 7-bit only, RFC 2047 headers, MIME, Unix line ends") {
    std::string wire = compose(reply());
    for (unsigned char c : wire) CHECK_MESSAGE(c < 0x80, "8-bit byte on the wire");
    CHECK(wire.find('\r') == std::string::npos);
    CHECK(has_line(wire, "MIME-Version: 1.0"));
    CHECK(has_line(wire, "Content-Type: text/plain; charset=utf-8"));
    CHECK(has_line(wire, "Message-Id: <desk.3.6.04bfb2bb953aeb257f07@example.org>"));
    CHECK(has_line(wire, "X-Desk-Loop: support@example.org"));
    CHECK(has_line(wire, "Date: Mon, 02 Nov 2026 16:30:11 +0000"));
    CHECK(has_line(wire, "Subject: [desk #3]"));
    CHECK(wire.find("From: =?UTF-8?b?") != std::string::npos);
    // A technician's reply is a person's mail.
    CHECK(wire.find("Auto-Submitted") == std::string::npos);
  }

  TEST_CASE("an acknowledgement is auto-replied, and says so") {
    Outgoing ack = reply();
    ack.automatic = true;
    ack.text = "We have your request: ticket 3.";
    std::string wire = compose(ack);
    CHECK(has_line(wire, "Auto-Submitted: auto-replied"));
    CHECK(has_line(wire, "X-Auto-Response-Suppress: All"));
    Message m = parse(wire);
    CHECK(m.machine == Machine::auto_reply);
    CHECK(m.text == "We have your request: ticket 3.");
  }

  TEST_CASE("plain ASCII stays readable, and a long subject folds") {
    Outgoing o = reply();
    o.from = {"support@example.org", "Desk Support"};
    o.to = {{"bob.smith@customer.example", "Smith, Bob"}};
    o.subject = tag_subject(std::string(120, 'x'), "desk", 1);
    o.text = "Fixed.";
    o.references.clear();
    o.in_reply_to.clear();
    std::string wire = compose(o);
    CHECK(has_line(wire, "From: Desk Support <support@example.org>"));
    CHECK(has_line(wire, "To: \"Smith, Bob\" <bob.smith@customer.example>"));
    CHECK(wire.find("In-Reply-To") == std::string::npos);
    CHECK(wire.find("References") == std::string::npos);
    for (std::size_t start = 0, end; (end = wire.find('\n', start)) != std::string::npos;
         start = end + 1)
      CHECK(end - start <= 998);  // RFC 5322's hard limit
    Message m = parse(wire);
    CHECK(m.subject == "[desk #1] " + std::string(120, 'x'));
    CHECK(m.text == "Fixed.");
  }
}
