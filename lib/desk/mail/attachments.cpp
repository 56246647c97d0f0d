#include "desk/mail/attachments.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/mail_store.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/validate.hpp"

namespace desk::mail {

std::vector<model::MailAttachment> ticket_attachments(work::Session& s, std::int64_t ticket) {
  work::require_ticket(s, ticket);
  return s.store.mail().ticket_attachments(ticket);
}

model::MailAttachment attachment(work::Session& s, std::int64_t ticket, const std::string& name) {
  std::vector<std::string> names;
  for (auto& a : ticket_attachments(s, ticket)) {
    if (a.name != name) {
      names.push_back(a.name);
      continue;
    }
    if (!a.kept)
      throw Refused(
          fmt::format("the bytes of {} on ticket {} were not kept", util::quoted(name), ticket),
          "its message was over [mail] max_message_size, or its sender was erased");
    a.content = s.store.mail().attachment_content(a.id);
    return a;
  }
  auto near = util::closest(name, names);
  throw Refused(fmt::format("ticket {} has no attachment {}", ticket, util::quoted(name)),
                near ? fmt::format("did you mean {}?", util::quoted(*near))
                     : fmt::format("'desk attachment list {}' shows its attachments", ticket));
}

}  // namespace desk::mail
