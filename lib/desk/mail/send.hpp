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
// Sent exactly once: `desk mail send` claims one message at a time
// ("sending", by this process, the attempt counted) in a write transaction
// just before it hands it over, and records the outcome, with any
// "delivery-failed" event, in one transaction after. Another sender never
// takes a claim whose holder still runs, however long it takes; a claim is
// taken over only when its holder is gone (killed, or the machine
// rebooted) and the claim is an hour old. Only then is the outcome unknown
// (sendmail may have taken the message in the instant before its sender
// died): desk sends it again, preferring a duplicate to a lost reply, as
// RFC 5321 (6.1) does.
//
// A failed attempt is retried 5 minutes later, then 10, 20, ... (at most 6
// hours apart); after [mail].send_attempts, or at once when sendmail's exit
// status says the message itself can never be delivered (permanent_failure),
// the message has failed and a "delivery-failed" event says so on its ticket.
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

// The next message due, claimed by this process, with its raw bytes, in
// the caller's write transaction; nothing when none is due.
std::optional<model::OutboxMessage> claim_next(work::Session& s);

// One hand-over to sendmail: "" when it took the message, else why not,
// and whether that is for good.
struct Attempt {
  std::string error;
  bool permanent = false;
};

// Whether sendmail's exit status `code` (sysexits.h) says that this message
// can never be delivered, however often it is tried: 65 EX_DATAERR (the
// message was refused), 67 EX_NOUSER (no such recipient), 68 EX_NOHOST (no
// such domain). Every other failure is temporary: 75 EX_TEMPFAIL, and also
// 64 EX_USAGE, 69 EX_UNAVAILABLE, 77 EX_NOPERM, 78 EX_CONFIG and the
// like, which say that the set-up is wrong ([mail].sendmail, the MTA's
// configuration or permissions), not the message: once the set-up is
// mended, the outbox goes out rather than having failed for good.
bool permanent_failure(int code);

// Hands `m` to [mail].sendmail.
Attempt hand_over(const config::Config& c, const model::OutboxMessage& m);

// Records the outcome of the attempt `m` was claimed for, in the caller's
// write transaction: sent, queued again later, or failed for good with a
// "delivery-failed" event on the ticket (returned).
std::optional<model::Event> settle(work::Session& s, model::OutboxMessage& m,
                                   const Attempt& attempt);

}  // namespace desk::mail
