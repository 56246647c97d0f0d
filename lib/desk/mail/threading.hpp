// Where a received message goes: the threading decision as a pure function
// of the message, what desk knows about itself, and a few questions to the
// store. First match wins:
//
//   1 duplicate        its Message-ID is already stored
//   2 loop             desk's own loop header, or one of desk's own
//                      addresses as the sender: kept, not acted on
//   3 forced           --ticket N, or a +N extension on a desk address it
//                      was delivered to
//   - delivery failed  a bounce naming a message desk sent (signed ID or
//                      stored): an event on that ticket, never a new ticket
//   4 reply            In-Reply-To, then References (newest first), naming
//                      a Message-ID desk signed or one it stored
//   5 subject tag      "[desk #N]", only when the sender is ticket N's
//                      customer or a known participant
//   6 new ticket       anything else from a person; machine mail about no
//                      ticket, and mail from unknown senders when
//                      [mail].unknown_senders is "quarantine", is
//                      quarantined instead
//
// Never threaded on a similar subject: two customers' "Printer broken" are
// two tickets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "desk/mail/message.hpp"

namespace desk::mail {

// What desk knows of itself (from [mail] and the store's secret).
struct Identity {
  std::vector<std::string> addresses;  // [mail].address and .aliases
  std::string secret;                  // key of the signed Message-IDs
  std::string subject_tag = "desk";
  std::string loop_value;           // what desk writes in its loop header (its address)
  bool quarantine_unknown = false;  // [mail].unknown_senders = "quarantine"
};

// The questions the decision asks of the store.
class Knowledge {
 public:
  virtual ~Knowledge() = default;
  virtual bool message_stored(std::string_view message_id) = 0;
  // The ticket a stored message (received or sent) belongs to.
  virtual std::optional<std::int64_t> ticket_of_message(std::string_view message_id) = 0;
  virtual bool ticket_exists(std::int64_t ticket) = 0;
  // Whether `address` is the ticket's customer or has written on it before.
  virtual bool knows_sender(std::int64_t ticket, std::string_view address) = 0;
  // Whether any customer has this address.
  virtual bool customer_exists(std::string_view address) = 0;
};

enum class Route {
  duplicate,        // already stored: nothing to do
  loop,             // desk's own mail come back: keep it, act on nothing
  delivery_failed,  // a bounce of desk's mail: an event on `ticket`
  existing,         // belongs to `ticket`
  new_ticket,       // a new ticket from the sender
  quarantine,       // kept for a person to look at, on no ticket
};

struct Decision {
  Route route = Route::new_ticket;
  std::int64_t ticket = 0;  // for delivery_failed and existing
  std::string reason;       // what decided it, for the record: "In-Reply-To <...>"
};

// `forced`: --ticket N (the caller checks that N exists).
Decision decide(const Message& m, std::optional<std::int64_t> forced, const Identity& desk,
                Knowledge& store);

}  // namespace desk::mail
