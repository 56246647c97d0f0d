// `desk attachment list | get`: the files customers sent with their mail,
// by ticket and name.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "desk/model/mail.hpp"
#include "desk/work/session.hpp"

namespace desk::mail {

// The attachments of a ticket's mail, oldest first, without their bytes.
// Refused when there is no such ticket.
std::vector<model::MailAttachment> ticket_attachments(work::Session& s, std::int64_t ticket);

// One attachment with its bytes. Refused when the ticket has no attachment
// of that name, or when its bytes were not kept (the message was over
// [mail].max_message_size, or the sender's data was erased).
model::MailAttachment attachment(work::Session& s, std::int64_t ticket, const std::string& name);

}  // namespace desk::mail
