// The email channel's part of the store, reached through Store::mail():
// messages received, their attachments, and the key desk signs its own
// Message-IDs with. Domain words, no SQL; writes happen inside the
// caller's store::WriteTransaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "desk/model/mail.hpp"

namespace desk::store {

struct MailFilter {
  std::optional<model::MailRoute> route;  // none for any
  std::int64_t ticket = 0;                // 0 for any
  std::int64_t limit = 0;                 // the newest this many, 0 for all
};

class MailStore {
 public:
  virtual ~MailStore() = default;

  // The store's own secret (32 random bytes made with the store): the key
  // of desk's signed Message-IDs. A copy of the store (backup) keeps it.
  virtual std::string secret() = 0;

  // The stored message with this Message-ID: its row, without the raw
  // bytes, with its attachments' metadata.
  virtual std::optional<model::MailMessage> find_message(std::string_view message_id) = 0;
  // The ticket a stored message is on, if it is on one.
  virtual std::optional<std::int64_t> ticket_of_message(std::string_view message_id) = 0;
  // Whether a message from `address` (any case) is stored on the ticket.
  virtual bool has_written(std::int64_t ticket, std::string_view address) = 0;

  // Stores the message and its attachments (with content when kept);
  // returns its id.
  virtual std::int64_t insert_message(const model::MailMessage& m) = 0;
  // Messages without their raw bytes or attachments, newest first.
  virtual std::vector<model::MailMessage> messages(const MailFilter& f) = 0;
  // One message, with its raw bytes and its attachments' metadata.
  virtual std::optional<model::MailMessage> message(std::int64_t id) = 0;
  // Puts a message kept on no ticket onto one: its ticket, event, route,
  // reason, and its attachments' names (by id), from `m`.
  virtual void place_message(const model::MailMessage& m) = 0;
  // The attachments of a ticket's messages, oldest first, without content.
  virtual std::vector<model::MailAttachment> ticket_attachments(std::int64_t ticket) = 0;
  // An attachment's bytes ("" when it was not kept).
  virtual std::string attachment_content(std::int64_t attachment) = 0;

  // The outbox. The id the next queued message will get (its Message-ID
  // is signed with it), inside the caller's write transaction.
  virtual std::int64_t next_outbox_id() = 0;
  // Queues `m` (with its raw bytes) under m.id.
  virtual void queue(const model::OutboxMessage& m) = 0;
  // The Message-IDs of a ticket's mail, received and sent, oldest first:
  // the thread a reply names in References.
  virtual std::vector<std::string> thread(std::int64_t ticket) = 0;
  // The Message-ID of the newest message received on the ticket ("" for none).
  virtual std::string last_received(std::int64_t ticket) = 0;
  // Whether a message of `kind` went (or is going) to `recipient` (any
  // case) at or after `since`.
  virtual bool mailed_since(std::string_view recipient, std::string_view kind, Instant since) = 0;
  // At most `limit` messages due at `now`, oldest first, without raw bytes:
  // queued ones whose next attempt has come, and claims made before `stale`.
  virtual std::vector<model::OutboxMessage> due(Instant now, Instant stale, std::int64_t limit) = 0;
  // A queued message's raw bytes.
  virtual std::string outbox_raw(std::int64_t id) = 0;
  // Writes back status, attempts, next_attempt, sent_at, last_error and claimed_by.
  virtual void update_outbox(const model::OutboxMessage& m) = 0;
  // The outbox without raw bytes, newest first; `statuses` empty for all.
  virtual std::vector<model::OutboxMessage> outbox(
      const std::vector<model::OutboxStatus>& statuses) = 0;

  // Retention: removes a ticket's messages, attachments and outbox (before
  // the ticket itself goes).
  virtual void remove_ticket_messages(std::int64_t ticket) = 0;
  // Erasure: the raw bytes, subjects and attachment contents of a ticket's
  // messages, and of messages on no ticket from `address`, are emptied
  // (their digests and sizes stay). Returns how many messages were.
  virtual std::int64_t erase_messages(std::int64_t ticket) = 0;
  virtual std::int64_t erase_messages_from(std::string_view address) = 0;
};

}  // namespace desk::store
