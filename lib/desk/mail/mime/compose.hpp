// Desk's outgoing mail (mail::Outgoing) as RFC 5322 bytes, built with
// GMime: every header in RFC 2047 and the text in UTF-8 with a transfer
// encoding that survives any mail path, so a reply in any language arrives
// as written.
#pragma once

#include <string>

#include "desk/mail/message.hpp"

namespace desk::mail {

// The message with "\n" line ends (sendmail's input convention).
std::string compose(const Outgoing& out);

}  // namespace desk::mail
