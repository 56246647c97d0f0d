// `desk mail receive`: what one received message does to the store. The
// message is kept exactly as it came whatever happens to it; threading
// (threading.hpp) says where it belongs, and then:
//
//   new ticket       logged from the sender (a customer found or created by
//                    address, named by the display name), channel email
//   on a ticket      a "received" event with the new text (the quoted
//                    history kept but hidden); a ticket pending on the
//                    customer resumes; a resolved one reopens within
//                    [mail].reopen_within, else (or when closed) the mail
//                    logs a new ticket linked to it
//   --comment        a note on the ticket instead (quarantined when it
//                    matches no ticket)
//   machine mail     recorded on its ticket, never changes a status, never
//                    reopens or starts one
//   a bounce         of desk's own mail: a "delivery-failed" event
//   loop, quarantine kept on no ticket; duplicate: nothing new
//
// Runs inside the caller's write transaction; returns the events written
// (for the hooks) and where the message went.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "desk/model/mail.hpp"
#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::mail {

struct ReceiveRequest {
  std::string raw;                     // the message as the mail server handed it over
  std::optional<std::int64_t> ticket;  // --ticket: this ticket, whatever the message says
  bool comment = false;                // --comment: an internal note, not the customer's words
  std::string team;                    // --team: where a new ticket goes
};

struct Receipt {
  // What the message did; none for a duplicate (stored before: nothing new).
  std::optional<model::MailRoute> route;
  std::int64_t ticket = 0;            // the ticket it is on now, 0 for none
  std::int64_t linked_to = 0;         // follow-up: the closed ticket it answered
  std::int64_t message = 0;           // its row in the store (the earlier one for a duplicate)
  std::string reason;                 // what decided the route
  std::string machine;                // why it is machine mail, "" for a person's
  std::vector<std::string> not_kept;  // attachments over [mail].max_message_size
  std::vector<std::string> problems;  // what could not be read cleanly
  std::vector<model::Event> events;   // recorded, in order
  std::int64_t acknowledgement = 0;   // the acknowledgement queued in the outbox, 0 for none
};

// ConfigError when [mail].address is not set; Refused when --ticket names
// no ticket; DataError for an unknown --team.
Receipt receive(work::Session& s, const ReceiveRequest& r);

}  // namespace desk::mail
