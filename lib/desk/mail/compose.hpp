// Desk's outgoing mail as RFC 5322 bytes, built with GMime: every header in
// RFC 2047 and the text in UTF-8 with a transfer encoding that survives any
// mail path, so a reply in any language arrives as written.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "desk/mail/message.hpp"

namespace desk::mail {

struct Outgoing {
  Address from;  // desk's address, with the desk's name
  std::vector<Address> to;
  std::vector<Address> cc;
  std::string subject;                  // with the subject tag already in it
  std::string message_id;               // without <>: a signed_message_id
  std::string in_reply_to;              // the message answered, without <>; "" for none
  std::vector<std::string> references;  // the thread, oldest first, without <>
  std::int64_t date = 0;                // Unix seconds
  std::string text;                     // the body, UTF-8
  std::string loop_value;               // X-Desk-Loop: how desk knows its own mail
  // An automatic message (an acknowledgement): Auto-Submitted:
  // auto-replied (RFC 3834), and a request that responders stay quiet.
  // A technician's reply is a person's mail and has neither.
  bool automatic = false;
};

// The message with "\n" line ends (sendmail's input convention).
std::string compose(const Outgoing& out);

}  // namespace desk::mail
