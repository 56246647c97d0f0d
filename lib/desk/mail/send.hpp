// Desk's own mail: queued in the outbox inside the transaction that
// records why it is sent (a technician's reply, a new ticket's
// acknowledgement, a resolution notice), and later handed to the
// sendmail-compatible program [mail].sendmail names, with an argv (never a
// shell), by `desk mail send`.
//
// Every message: From desk's address (with [mail].name), To one recipient,
// the subject tag, a Message-ID signed with the store's key (so replies
// thread back and nothing else can), In-Reply-To the newest message
// received on the ticket and References to the ticket's thread, UTF-8 text
// with RFC 2047 headers, and desk's loop header. Automatic messages also
// carry Auto-Submitted: auto-replied (RFC 3834); a reply does not.
//
// Sending is at most once per claim: a message is claimed ("sending") in a
// write transaction before it is handed over, so two `desk mail send`
// never send it twice; a claim older than an hour (a sender that died) is
// taken again. A failed attempt is retried 5 minutes later, then 10, 20,
// ... (at most 6 hours apart); after [mail].send_attempts the message has
// failed and a "delivery-failed" event says so on its ticket.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "desk/mail/message.hpp"
#include "desk/model/mail.hpp"
#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::mail {

// What became of a reply or notice: queued as outbox message `id`, or not
// mailed, and why ("the customer has no mail address").
struct Queued {
  std::int64_t id = 0;
  std::string recipient;
  std::string not_mailed;
};

// The reply event `reply` (a "reply" on its ticket), to the ticket's
// customer. Not mailed when [mail] has no address or the customer has none.
Queued queue_reply(work::Session& s, const model::Event& reply);

// The notice of `kind` ("resolved") for ticket `id`, to its customer, from
// [mail.templates]; not mailed when there is no such template.
Queued queue_notice(work::Session& s, std::int64_t id, const std::string& kind);

// The acknowledgement of ticket `id`, logged from a person's message from
// `sender`: only with an acknowledgement template, never to a no-reply
// address, at most one per sender per [mail].autoreply_interval.
Queued queue_acknowledgement(work::Session& s, std::int64_t id, const Address& sender);

// `text` with each {field} of the ticket's JSON replaced by its value
// ({id}, {title}, {status}, {priority}, {customer}, {resolution}, ...);
// other braces stay as they are.
std::string fill_template(const std::string& text, const model::Json& ticket);

// Whether a mailbox asks not to be answered: noreply@, no-reply@,
// donotreply@, mailer-daemon@ and their kin.
bool is_no_reply(std::string_view address);

// The messages due now (and stale claims), claimed; in the caller's write
// transaction.
std::vector<model::OutboxMessage> claim_due(work::Session& s);

// Hands `m` to [mail].sendmail: "" when it took it, else why not.
std::string hand_over(const config::Config& c, const model::OutboxMessage& m);

// Records the attempt (`error` "" for success), in the caller's write
// transaction: sent, queued again later, or failed for good with a
// "delivery-failed" event on the ticket (returned).
std::optional<model::Event> settle(work::Session& s, model::OutboxMessage& m,
                                   const std::string& error);

}  // namespace desk::mail
