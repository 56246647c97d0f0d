// The email channel: messages received, their attachments, the signing key.
#include <algorithm>

#include <fmt/format.h>

#include "desk/store/mail_store.hpp"
#include "desk/store/sql/sql_store.hpp"
#include "desk/store/words.hpp"
#include "desk/util/sha256.hpp"

namespace desk::store::sql {

namespace {

constexpr const char* kSecret = "SELECT secret FROM mail_secret WHERE id = 1";
constexpr const char* kPlace =
    "UPDATE mail_messages SET ticket_id = ?, event_id = ?, route = ?, reason = ? WHERE id = ?";
constexpr const char* kRename = "UPDATE mail_attachments SET name = ? WHERE id = ?";
constexpr const char* kTicketOf =
    "SELECT ticket_id FROM mail_messages WHERE message_id = ? AND ticket_id IS NOT NULL";
constexpr const char* kHasWritten =
    "SELECT 1 FROM mail_messages WHERE ticket_id = ? AND sender COLLATE NOCASE = ? COLLATE NOCASE "
    "LIMIT 1";
constexpr const char* kInsert =
    "INSERT INTO mail_messages (message_id, direction, ticket_id, event_id, route, reason, "
    "sender, subject, at, size, sha256, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
    "id";
constexpr const char* kInsertAttachment =
    "INSERT INTO mail_attachments (message, name, content_type, size, content) "
    "VALUES (?, ?, ?, ?, ?)";
#define DESK_MESSAGE_COLUMNS                                                                \
  "m.id, m.message_id, m.direction, m.ticket_id, m.event_id, m.route, m.reason, m.sender, " \
  "m.subject, m.at, m.size, m.sha256"
constexpr const char* kMessages =
    "SELECT " DESK_MESSAGE_COLUMNS
    " FROM mail_messages m WHERE (?1 = '' OR m.route = ?1) AND (?2 = 0 OR m.ticket_id = ?2) "
    "ORDER BY m.id DESC LIMIT CASE WHEN CAST(?3 AS BIGINT) > 0 THEN CAST(?3 AS BIGINT) "
    "ELSE 9223372036854775807 END";
constexpr const char* kMessage =
    "SELECT " DESK_MESSAGE_COLUMNS ", m.raw FROM mail_messages m WHERE m.id = ?";
constexpr const char* kFind =
    "SELECT " DESK_MESSAGE_COLUMNS " FROM mail_messages m WHERE m.message_id = ?";
#define DESK_ATTACHMENT_COLUMNS                                                 \
  "a.id, a.message, coalesce(m.ticket_id, 0), a.name, a.content_type, a.size, " \
  "CASE WHEN a.content IS NULL THEN 0 ELSE 1 END, m.at"
constexpr const char* kMessageAttachments =
    "SELECT " DESK_ATTACHMENT_COLUMNS
    " FROM mail_attachments a JOIN mail_messages m ON m.id = a.message WHERE a.message = ? "
    "ORDER BY a.id";
constexpr const char* kTicketAttachments =
    "SELECT " DESK_ATTACHMENT_COLUMNS
    " FROM mail_attachments a JOIN mail_messages m ON m.id = a.message WHERE m.ticket_id = ? "
    "ORDER BY a.id";
constexpr const char* kContent = "SELECT content FROM mail_attachments WHERE id = ?";
constexpr const char* kRemoveAttachments =
    "DELETE FROM mail_attachments WHERE message IN "
    "(SELECT id FROM mail_messages WHERE ticket_id = ?)";
constexpr const char* kRemoveMessages = "DELETE FROM mail_messages WHERE ticket_id = ?";
constexpr const char* kRemoveOutbox = "DELETE FROM mail_outbox WHERE ticket_id = ?";
constexpr const char* kEraseOutbox =
    "UPDATE mail_outbox SET raw = substr(raw, 1, 0), subject = '', recipient = '' WHERE ticket_id "
    "= ?";
constexpr const char* kNextOutbox = "SELECT coalesce(max(id), 0) + 1 FROM mail_outbox";
constexpr const char* kQueue =
    "INSERT INTO mail_outbox (id, ticket_id, event_id, kind, message_id, recipient, subject, raw, "
    "status, attempts, queued_at, next_attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";
constexpr const char* kThread =
    "SELECT message_id FROM (SELECT message_id, at, 0 AS side, id FROM mail_messages "
    "WHERE ticket_id = ?1 AND message_id NOT LIKE 'sha256:%' UNION ALL "
    "SELECT message_id, queued_at, 1, id FROM mail_outbox WHERE ticket_id = ?1) AS thread "
    "ORDER BY at, side, id";
constexpr const char* kLastReceived =
    "SELECT message_id FROM mail_messages WHERE ticket_id = ? AND message_id NOT LIKE 'sha256:%' "
    "ORDER BY at DESC, id DESC LIMIT 1";
constexpr const char* kMailedSince =
    "SELECT 1 FROM mail_outbox WHERE recipient COLLATE NOCASE = ? COLLATE NOCASE AND kind = ? AND "
    "queued_at >= ? "
    "LIMIT 1";
#define DESK_OUTBOX_COLUMNS                                                           \
  "id, ticket_id, event_id, kind, message_id, recipient, subject, status, attempts, " \
  "queued_at, next_attempt, sent_at, last_error, claimed_by"
constexpr const char* kDue =
    "SELECT " DESK_OUTBOX_COLUMNS
    " FROM mail_outbox WHERE (status = 'queued' AND next_attempt <= ?1) OR "
    "(status = 'sending' AND next_attempt < ?2) ORDER BY id LIMIT ?3";
constexpr const char* kOutboxRaw = "SELECT raw FROM mail_outbox WHERE id = ?";
constexpr const char* kUpdateOutbox =
    "UPDATE mail_outbox SET status = ?, attempts = ?, next_attempt = ?, sent_at = ?, "
    "last_error = ?, claimed_by = ? WHERE id = ?";
constexpr const char* kOutbox = "SELECT " DESK_OUTBOX_COLUMNS " FROM mail_outbox ORDER BY id DESC";
constexpr const char* kEraseAttachments =
    "UPDATE mail_attachments SET content = NULL WHERE message IN "
    "(SELECT id FROM mail_messages WHERE ticket_id = ?)";
constexpr const char* kEraseMessages =
    "UPDATE mail_messages SET raw = substr(raw, 1, 0), subject = '' WHERE ticket_id = ?";
constexpr const char* kEraseAttachmentsFrom =
    "UPDATE mail_attachments SET content = NULL WHERE message IN "
    "(SELECT id FROM mail_messages WHERE ticket_id IS NULL AND sender COLLATE NOCASE = ? COLLATE "
    "NOCASE)";
constexpr const char* kEraseMessagesFrom =
    "UPDATE mail_messages SET raw = substr(raw, 1, 0), subject = '' "
    "WHERE ticket_id IS NULL AND sender COLLATE NOCASE = ? COLLATE NOCASE";

model::MailMessage message_from_row(sql::Statement& st) {
  model::MailMessage m;
  m.id = st.integer(0);
  m.message_id = st.text(1);
  m.direction = st.text(2);
  m.ticket_id = st.null(3) ? 0 : st.integer(3);
  m.event_id = st.null(4) ? 0 : st.integer(4);
  m.route = stored_word<model::MailRoute>(st.text(5));
  m.reason = st.text(6);
  m.sender = st.text(7);
  m.subject = st.text(8);
  m.at = from_unix(st.integer(9));
  m.size = st.integer(10);
  m.sha256 = st.text(11);
  return m;
}

model::MailAttachment attachment_from_row(sql::Statement& st) {
  model::MailAttachment a;
  a.id = st.integer(0);
  a.message = st.integer(1);
  a.ticket_id = st.integer(2);
  a.name = st.text(3);
  a.content_type = st.text(4);
  a.size = st.integer(5);
  a.kept = st.integer(6) != 0;
  a.at = from_unix(st.integer(7));
  return a;
}

model::OutboxMessage outbox_from_row(sql::Statement& st) {
  model::OutboxMessage m;
  m.id = st.integer(0);
  m.ticket_id = st.integer(1);
  m.event_id = st.null(2) ? 0 : st.integer(2);
  m.kind = st.text(3);
  m.message_id = st.text(4);
  m.recipient = st.text(5);
  m.subject = st.text(6);
  m.status = stored_word<model::OutboxStatus>(st.text(7));
  m.attempts = st.integer(8);
  m.queued_at = from_unix(st.integer(9));
  m.next_attempt = from_unix(st.integer(10));
  if (!st.null(11)) m.sent_at = from_unix(st.integer(11));
  m.last_error = st.text(12);
  m.claimed_by = st.text(13);
  return m;
}

class SqlMail final : public MailStore {
 public:
  explicit SqlMail(SqlStore& s) : s_(s) {}

  std::string secret() override {
    return s_.guarded([&] {
      auto& st = s_.statement(kSecret);
      if (!st.step())
        throw StoreError("the store has no mail key", "run 'desk doctor' on the store");
      std::string secret = st.text(0);
      st.reset();
      return secret;
    });
  }

  std::optional<model::MailMessage> find_message(std::string_view message_id) override {
    return s_.guarded([&]() -> std::optional<model::MailMessage> {
      model::MailMessage m;
      {
        auto& st = s_.statement(kFind);
        st.bind(1, std::string(message_id));
        if (!st.step()) return std::nullopt;
        m = message_from_row(st);
        st.reset();
      }
      m.attachments = attachments_of(m.id);
      return m;
    });
  }

  std::optional<std::int64_t> ticket_of_message(std::string_view message_id) override {
    return s_.guarded([&]() -> std::optional<std::int64_t> {
      auto& st = s_.statement(kTicketOf);
      st.bind(1, std::string(message_id));
      if (!st.step()) return std::nullopt;
      std::int64_t ticket = st.integer(0);
      st.reset();
      return ticket;
    });
  }

  bool has_written(std::int64_t ticket, std::string_view address) override {
    return s_.guarded([&] {
      auto& st = s_.statement(kHasWritten);
      st.bind(1, static_cast<int64_t>(ticket));
      st.bind(2, std::string(address));
      bool found = st.step();
      st.reset();
      return found;
    });
  }

  std::int64_t insert_message(const model::MailMessage& m) override {
    return s_.guarded([&] {
      auto& st = s_.statement(kInsert);
      st.bind(1, m.message_id);
      st.bind(2, m.direction);
      if (m.ticket_id) st.bind(3, static_cast<int64_t>(m.ticket_id));
      if (m.event_id) st.bind(4, static_cast<int64_t>(m.event_id));
      st.bind(5, stored_name(m.route));
      st.bind(6, m.reason);
      st.bind(7, m.sender);
      st.bind(8, m.subject);
      st.bind(9, static_cast<int64_t>(to_unix(m.at)));
      st.bind(10, static_cast<int64_t>(m.size));
      st.bind(11, m.sha256);
      st.bind_blob(12, m.raw);
      auto id = st.run_returning_id();
      for (const auto& a : m.attachments) {
        auto& at = s_.statement(kInsertAttachment);
        at.bind(1, static_cast<int64_t>(id));
        at.bind(2, a.name);
        at.bind(3, a.content_type);
        at.bind(4, static_cast<int64_t>(a.size));
        if (a.kept) at.bind_blob(5, a.content);
        at.run();
      }
      return id;
    });
  }

  std::vector<model::MailMessage> messages(const MailFilter& f) override {
    return s_.guarded([&] {
      std::vector<model::MailMessage> out;
      auto& st = s_.statement(kMessages);
      st.bind(1, stored_name(f.route));
      st.bind(2, static_cast<int64_t>(f.ticket));
      st.bind(3, static_cast<int64_t>(f.limit));
      while (st.step()) out.push_back(message_from_row(st));
      return out;
    });
  }

  std::optional<model::MailMessage> message(std::int64_t id) override {
    return s_.guarded([&]() -> std::optional<model::MailMessage> {
      model::MailMessage m;
      {
        auto& st = s_.statement(kMessage);
        st.bind(1, static_cast<int64_t>(id));
        if (!st.step()) return std::nullopt;
        m = message_from_row(st);
        m.raw = st.text(12);
        st.reset();
      }
      m.attachments = attachments_of(id);
      return m;
    });
  }

  void place_message(const model::MailMessage& m) override {
    s_.guarded([&] {
      auto& st = s_.statement(kPlace);
      if (m.ticket_id) st.bind(1, static_cast<int64_t>(m.ticket_id));
      if (m.event_id) st.bind(2, static_cast<int64_t>(m.event_id));
      st.bind(3, stored_name(m.route));
      st.bind(4, m.reason);
      st.bind(5, static_cast<int64_t>(m.id));
      st.run();
      for (const auto& a : m.attachments) {
        auto& rename = s_.statement(kRename);
        rename.bind(1, a.name);
        rename.bind(2, static_cast<int64_t>(a.id));
        rename.run();
      }
    });
  }

  std::vector<model::MailAttachment> ticket_attachments(std::int64_t ticket) override {
    return s_.guarded([&] {
      std::vector<model::MailAttachment> out;
      auto& st = s_.statement(kTicketAttachments);
      st.bind(1, static_cast<int64_t>(ticket));
      while (st.step()) out.push_back(attachment_from_row(st));
      return out;
    });
  }

  std::string attachment_content(std::int64_t attachment) override {
    return s_.guarded([&] {
      auto& st = s_.statement(kContent);
      st.bind(1, static_cast<int64_t>(attachment));
      std::string content = st.step() ? st.text(0) : std::string();
      st.reset();
      return content;
    });
  }

  std::int64_t next_outbox_id() override {
    return s_.guarded([&] {
      auto& st = s_.statement(kNextOutbox);
      st.step();
      std::int64_t id = st.integer(0);
      st.reset();
      return id;
    });
  }

  void queue(const model::OutboxMessage& m) override {
    s_.guarded([&] {
      auto& st = s_.statement(kQueue);
      st.bind(1, static_cast<int64_t>(m.id));
      st.bind(2, static_cast<int64_t>(m.ticket_id));
      if (m.event_id) st.bind(3, static_cast<int64_t>(m.event_id));
      st.bind(4, m.kind);
      st.bind(5, m.message_id);
      st.bind(6, m.recipient);
      st.bind(7, m.subject);
      st.bind_blob(8, m.raw);
      st.bind(9, stored_name(m.status));
      st.bind(10, static_cast<int64_t>(to_unix(m.queued_at)));
      st.bind(11, static_cast<int64_t>(to_unix(m.next_attempt)));
      st.run();
    });
  }

  std::vector<std::string> thread(std::int64_t ticket) override {
    return s_.guarded([&] {
      std::vector<std::string> out;
      auto& st = s_.statement(kThread);
      st.bind(1, static_cast<int64_t>(ticket));
      while (st.step()) out.push_back(st.text(0));
      return out;
    });
  }

  std::string last_received(std::int64_t ticket) override {
    return s_.guarded([&] {
      auto& st = s_.statement(kLastReceived);
      st.bind(1, static_cast<int64_t>(ticket));
      std::string id = st.step() ? st.text(0) : std::string();
      st.reset();
      return id;
    });
  }

  bool mailed_since(std::string_view recipient, std::string_view kind, Instant since) override {
    return s_.guarded([&] {
      auto& st = s_.statement(kMailedSince);
      st.bind(1, std::string(recipient));
      st.bind(2, std::string(kind));
      st.bind(3, static_cast<int64_t>(to_unix(since)));
      bool found = st.step();
      st.reset();
      return found;
    });
  }

  std::vector<model::OutboxMessage> due(Instant now, Instant stale, std::int64_t limit) override {
    return s_.guarded([&] {
      std::vector<model::OutboxMessage> out;
      auto& st = s_.statement(kDue);
      st.bind(1, static_cast<int64_t>(to_unix(now)));
      st.bind(2, static_cast<int64_t>(to_unix(stale)));
      st.bind(3, static_cast<int64_t>(limit));
      while (st.step()) out.push_back(outbox_from_row(st));
      st.reset();
      return out;
    });
  }

  std::string outbox_raw(std::int64_t id) override {
    return s_.guarded([&] {
      auto& st = s_.statement(kOutboxRaw);
      st.bind(1, static_cast<int64_t>(id));
      std::string raw = st.step() ? st.text(0) : std::string();
      st.reset();
      return raw;
    });
  }

  void update_outbox(const model::OutboxMessage& m) override {
    s_.guarded([&] {
      auto& st = s_.statement(kUpdateOutbox);
      st.bind(1, stored_name(m.status));
      st.bind(2, static_cast<int64_t>(m.attempts));
      st.bind(3, static_cast<int64_t>(to_unix(m.next_attempt)));
      if (m.sent_at) st.bind(4, static_cast<int64_t>(to_unix(*m.sent_at)));
      st.bind(5, m.last_error);
      st.bind(6, m.claimed_by);
      st.bind(7, static_cast<int64_t>(m.id));
      st.run();
    });
  }

  std::vector<model::OutboxMessage> outbox(
      const std::vector<model::OutboxStatus>& statuses) override {
    return s_.guarded([&] {
      std::vector<model::OutboxMessage> out;
      auto& st = s_.statement(kOutbox);
      while (st.step()) {
        model::OutboxMessage m = outbox_from_row(st);
        if (statuses.empty() ||
            std::find(statuses.begin(), statuses.end(), m.status) != statuses.end())
          out.push_back(std::move(m));
      }
      return out;
    });
  }

  void remove_ticket_messages(std::int64_t ticket) override {
    s_.guarded([&] {
      for (const char* sql : {kRemoveAttachments, kRemoveMessages, kRemoveOutbox}) {
        auto& st = s_.statement(sql);
        st.bind(1, static_cast<int64_t>(ticket));
        st.run();
      }
    });
  }

  std::int64_t erase_messages(std::int64_t ticket) override {
    return s_.guarded([&] {
      auto& attachments = s_.statement(kEraseAttachments);
      attachments.bind(1, static_cast<int64_t>(ticket));
      attachments.run();
      auto& outbox = s_.statement(kEraseOutbox);
      outbox.bind(1, static_cast<int64_t>(ticket));
      outbox.run();
      auto& messages = s_.statement(kEraseMessages);
      messages.bind(1, static_cast<int64_t>(ticket));
      return static_cast<std::int64_t>(messages.run());
    });
  }

  std::int64_t erase_messages_from(std::string_view address) override {
    if (address.empty()) return 0;
    return s_.guarded([&] {
      auto& attachments = s_.statement(kEraseAttachmentsFrom);
      attachments.bind(1, std::string(address));
      attachments.run();
      auto& messages = s_.statement(kEraseMessagesFrom);
      messages.bind(1, std::string(address));
      return static_cast<std::int64_t>(messages.run());
    });
  }

 private:
  std::vector<model::MailAttachment> attachments_of(std::int64_t message) {
    std::vector<model::MailAttachment> out;
    auto& st = s_.statement(kMessageAttachments);
    st.bind(1, static_cast<int64_t>(message));
    while (st.step()) out.push_back(attachment_from_row(st));
    return out;
  }

  SqlStore& s_;
};

}  // namespace

void make_mail_secret(Connection& db) {
  std::string secret = util::random_bytes(32);
  Statement insert(db, "INSERT INTO mail_secret (id, secret) VALUES (1, ?)");
  insert.bind_blob(1, secret);
  insert.run();
}

MailStore& SqlStore::mail() {
  if (!mail_) mail_ = std::make_unique<SqlMail>(*this);
  return *mail_;
}

}  // namespace desk::store::sql
