// Whether a message was written by a machine rather than a person, from
// its headers: what makes desk keep it but never act on it (no status
// change, no reopening, no automatic answer, no SLA effect). First match:
//
//   bounce      a multipart/report delivery status notification, or mail
//               from mailer-daemon / postmaster
//   auto_reply  another multipart/report (a read receipt); Auto-Submitted other than "no" (RFC
//   3834); X-Autoreply,
//               X-Autorespond and their kin; Precedence: auto_reply; an
//               empty Return-Path (<>, the null sender RFC 5321 gives to
//               automatic mail); a subject that out-of-office responders
//               which ignore RFC 3834 write ("Automatic reply:")
//   bulk        Precedence: bulk or junk
//   list        List-Id, Precedence: list
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "desk/mail/message.hpp"

namespace desk::mail {

// A message's top-level headers: name as written, value unfolded and
// decoded, in order.
using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct MachineVerdict {
  Machine kind = Machine::none;
  std::string reason;  // "Auto-Submitted: auto-replied"; "" for none
};

// `report_type`: the report-type of a multipart/report message
// ("delivery-status" for a bounce, "disposition-notification" for a read
// receipt), "" for any other message.
MachineVerdict classify(const HeaderList& headers, const Address& from, const std::string& subject,
                        const std::string& report_type);

// The first value of header `name` (case-insensitive), if present.
std::optional<std::string> header(const HeaderList& headers, std::string_view name);

}  // namespace desk::mail
