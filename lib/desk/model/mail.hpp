// Mail as the store keeps it: every message desk received, exactly as it
// came (its raw bytes and their SHA-256), with what desk made of it, and
// the attachments it carried, each retrievable on its own.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "desk/core/time.hpp"
#include "desk/util/words.hpp"

namespace desk::model {

struct MailAttachment {
  std::int64_t id = 0;
  std::int64_t message = 0;    // the stored message it came in (MailMessage::id)
  std::int64_t ticket_id = 0;  // the message's ticket, 0 for none (read back, not written)
  std::string name;            // unique within the ticket (or the message, on no ticket)
  std::string content_type;    // "application/pdf"
  std::int64_t size = 0;       // bytes, also when the content was not kept
  bool kept = true;            // false: over [mail].max_message_size, listed only (or erased)
  std::string content;         // the bytes; read only when asked for
  Instant at{};                // when desk received it (read back, not written)
};

// What a message did, as `desk mail list` shows it.
enum class MailRoute {
  new_ticket,       // logged a new ticket
  reply,            // recorded on the ticket it answers
  comment,          // an internal note on a ticket (desk mail receive --comment)
  reopened,         // recorded on a resolved ticket, which it reopened
  follow_up,        // too late for its closed ticket: logged a new, linked one
  delivery_failed,  // a bounce of desk's own mail, recorded on its ticket
  loop,             // desk's own mail come back: kept, not acted on
  quarantine,       // kept on no ticket, for a person to look at
};
constexpr std::array<std::string_view, 8> words_of(MailRoute) {
  return {"new",       "reply",           "comment", "reopened",
          "follow-up", "delivery-failed", "loop",    "quarantine"};
}

struct MailMessage {
  std::int64_t id = 0;
  // The Message-ID (without <>), unique in the store; for a message
  // without one, "sha256:" and the hex digest of its bytes.
  std::string message_id;
  std::string direction = "in";  // in (received); out is desk's own
  std::int64_t ticket_id = 0;    // 0: on no ticket
  std::int64_t event_id = 0;     // the event it became, 0 for none
  MailRoute route{};
  std::string reason;  // what decided the route: "In-Reply-To <...>"
  std::string sender;  // the From address
  std::string subject;
  Instant at{};  // when desk received it
  // The bytes as received; for a message over [mail].max_message_size,
  // its header block only. "" after erasure.
  std::string raw;
  std::string sha256;     // hex, of the whole message as received
  std::int64_t size = 0;  // of the whole message as received
  std::vector<MailAttachment> attachments;
};

// A message of desk's own, in the outbox: queued, being handed to
// sendmail, sent, or failed for good (desk-mail(1), "desk mail queue").
enum class OutboxStatus { queued, sending, sent, failed };
constexpr std::array<std::string_view, 4> words_of(OutboxStatus) {
  return {"queued", "sending", "sent", "failed"};
}

struct OutboxMessage {
  std::int64_t id = 0;  // also the serial of its signed Message-ID
  std::int64_t ticket_id = 0;
  std::int64_t event_id = 0;  // the reply it carries, 0 for an automatic message
  std::string kind;           // reply | acknowledgement | resolved
  std::string message_id;     // signed, without <>
  std::string recipient;      // the address it goes to
  std::string subject;
  std::string raw;  // the message as handed to sendmail (read only when asked for)
  OutboxStatus status = OutboxStatus::queued;
  std::int64_t attempts = 0;
  Instant queued_at{};
  Instant next_attempt{};  // queued: not before; sending: when it was claimed
  std::string claimed_by;  // sending: the sender holding it (util::process_token)
  std::optional<Instant> sent_at;
  std::string last_error;  // why the last attempt failed
};

}  // namespace desk::model
