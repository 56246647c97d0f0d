// Reading a received message: raw RFC 5322 bytes in, a mail::Message out.
#pragma once

#include <string_view>

#include "desk/mail/message.hpp"

namespace desk::mail {

// Never throws for bad mail: a message that is not MIME, or is cut short,
// or lies about its charset still gives what can be read, and says what
// could not in Message::problems. A leading mbox "From " line (as fetchmail
// and procmail deliver) is skipped.
Message parse(std::string_view raw);

// The raw bytes without a leading mbox "From " line.
std::string_view without_mbox_line(std::string_view raw);

}  // namespace desk::mail
