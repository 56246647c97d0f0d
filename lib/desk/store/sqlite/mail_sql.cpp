// The email channel: messages received, their attachments, the signing key.
#include <fmt/format.h>

#include "desk/store/mail_store.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"

namespace desk::store::sqlite {

namespace {

constexpr const char* kSecret = "SELECT secret FROM mail_secret WHERE id = 1";
constexpr const char* kPlace =
    "UPDATE mail_messages SET ticket_id = ?, event_id = ?, route = ?, reason = ? WHERE id = ?";
constexpr const char* kRename = "UPDATE mail_attachments SET name = ? WHERE id = ?";
constexpr const char* kTicketOf =
    "SELECT ticket_id FROM mail_messages WHERE message_id = ? AND ticket_id IS NOT NULL";
constexpr const char* kHasWritten =
    "SELECT 1 FROM mail_messages WHERE ticket_id = ? AND sender = ? COLLATE NOCASE LIMIT 1";
constexpr const char* kInsert =
    "INSERT INTO mail_messages (message_id, direction, ticket_id, event_id, route, reason, "
    "sender, subject, at, size, sha256, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertAttachment =
    "INSERT INTO mail_attachments (message, name, content_type, size, content) "
    "VALUES (?, ?, ?, ?, ?)";
#define DESK_MESSAGE_COLUMNS                                                                \
  "m.id, m.message_id, m.direction, m.ticket_id, m.event_id, m.route, m.reason, m.sender, " \
  "m.subject, m.at, m.size, m.sha256"
constexpr const char* kMessages =
    "SELECT " DESK_MESSAGE_COLUMNS
    " FROM mail_messages m WHERE (?1 = '' OR m.route = ?1) AND (?2 = 0 OR m.ticket_id = ?2) "
    "ORDER BY m.id DESC LIMIT CASE WHEN ?3 > 0 THEN ?3 ELSE -1 END";
constexpr const char* kMessage =
    "SELECT " DESK_MESSAGE_COLUMNS ", m.raw FROM mail_messages m WHERE m.id = ?";
constexpr const char* kFind =
    "SELECT " DESK_MESSAGE_COLUMNS " FROM mail_messages m WHERE m.message_id = ?";
#define DESK_ATTACHMENT_COLUMNS                                                 \
  "a.id, a.message, coalesce(m.ticket_id, 0), a.name, a.content_type, a.size, " \
  "a.content IS NOT NULL, m.at"
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
constexpr const char* kEraseAttachments =
    "UPDATE mail_attachments SET content = NULL WHERE message IN "
    "(SELECT id FROM mail_messages WHERE ticket_id = ?)";
constexpr const char* kEraseMessages =
    "UPDATE mail_messages SET raw = x'', subject = '' WHERE ticket_id = ?";
constexpr const char* kEraseAttachmentsFrom =
    "UPDATE mail_attachments SET content = NULL WHERE message IN "
    "(SELECT id FROM mail_messages WHERE ticket_id IS NULL AND sender = ? COLLATE NOCASE)";
constexpr const char* kEraseMessagesFrom =
    "UPDATE mail_messages SET raw = x'', subject = '' "
    "WHERE ticket_id IS NULL AND sender = ? COLLATE NOCASE";

std::string blob(const SQLite::Column& c) {
  if (c.isNull()) return {};
  return std::string(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
}

void bind_blob(SQLite::Statement& st, int index, const std::string& bytes) {
  st.bind(index, bytes.data(), static_cast<int>(bytes.size()));
}

model::MailMessage message_from_row(SQLite::Statement& st) {
  model::MailMessage m;
  m.id = st.getColumn(0).getInt64();
  m.message_id = st.getColumn(1).getString();
  m.direction = st.getColumn(2).getString();
  m.ticket_id = st.getColumn(3).isNull() ? 0 : st.getColumn(3).getInt64();
  m.event_id = st.getColumn(4).isNull() ? 0 : st.getColumn(4).getInt64();
  m.route = st.getColumn(5).getString();
  m.reason = st.getColumn(6).getString();
  m.sender = st.getColumn(7).getString();
  m.subject = st.getColumn(8).getString();
  m.at = from_unix(st.getColumn(9).getInt64());
  m.size = st.getColumn(10).getInt64();
  m.sha256 = st.getColumn(11).getString();
  return m;
}

model::MailAttachment attachment_from_row(SQLite::Statement& st) {
  model::MailAttachment a;
  a.id = st.getColumn(0).getInt64();
  a.message = st.getColumn(1).getInt64();
  a.ticket_id = st.getColumn(2).getInt64();
  a.name = st.getColumn(3).getString();
  a.content_type = st.getColumn(4).getString();
  a.size = st.getColumn(5).getInt64();
  a.kept = st.getColumn(6).getInt() != 0;
  a.at = from_unix(st.getColumn(7).getInt64());
  return a;
}

class SqliteMail final : public MailStore {
 public:
  explicit SqliteMail(SqliteStore& s) : s_(s) {}

  std::string secret() override {
    return s_.guarded([&] {
      auto& st = s_.statement(kSecret);
      if (!st.executeStep())
        throw StoreError("the store has no mail key", "run 'desk doctor' on the store");
      std::string secret = blob(st.getColumn(0));
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
        if (!st.executeStep()) return std::nullopt;
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
      if (!st.executeStep()) return std::nullopt;
      std::int64_t ticket = st.getColumn(0).getInt64();
      st.reset();
      return ticket;
    });
  }

  bool has_written(std::int64_t ticket, std::string_view address) override {
    return s_.guarded([&] {
      auto& st = s_.statement(kHasWritten);
      st.bind(1, static_cast<int64_t>(ticket));
      st.bind(2, std::string(address));
      bool found = st.executeStep();
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
      st.bind(5, m.route);
      st.bind(6, m.reason);
      st.bind(7, m.sender);
      st.bind(8, m.subject);
      st.bind(9, static_cast<int64_t>(to_unix(m.at)));
      st.bind(10, static_cast<int64_t>(m.size));
      st.bind(11, m.sha256);
      bind_blob(st, 12, m.raw);
      st.exec();
      auto id = static_cast<std::int64_t>(s_.db().getLastInsertRowid());
      for (const auto& a : m.attachments) {
        auto& at = s_.statement(kInsertAttachment);
        at.bind(1, static_cast<int64_t>(id));
        at.bind(2, a.name);
        at.bind(3, a.content_type);
        at.bind(4, static_cast<int64_t>(a.size));
        if (a.kept) bind_blob(at, 5, a.content);
        at.exec();
      }
      return id;
    });
  }

  std::vector<model::MailMessage> messages(const MailFilter& f) override {
    return s_.guarded([&] {
      std::vector<model::MailMessage> out;
      auto& st = s_.statement(kMessages);
      st.bind(1, f.route);
      st.bind(2, static_cast<int64_t>(f.ticket));
      st.bind(3, static_cast<int64_t>(f.limit));
      while (st.executeStep()) out.push_back(message_from_row(st));
      return out;
    });
  }

  std::optional<model::MailMessage> message(std::int64_t id) override {
    return s_.guarded([&]() -> std::optional<model::MailMessage> {
      model::MailMessage m;
      {
        auto& st = s_.statement(kMessage);
        st.bind(1, static_cast<int64_t>(id));
        if (!st.executeStep()) return std::nullopt;
        m = message_from_row(st);
        m.raw = blob(st.getColumn(12));
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
      st.bind(3, m.route);
      st.bind(4, m.reason);
      st.bind(5, static_cast<int64_t>(m.id));
      st.exec();
      for (const auto& a : m.attachments) {
        auto& rename = s_.statement(kRename);
        rename.bind(1, a.name);
        rename.bind(2, static_cast<int64_t>(a.id));
        rename.exec();
      }
    });
  }

  std::vector<model::MailAttachment> ticket_attachments(std::int64_t ticket) override {
    return s_.guarded([&] {
      std::vector<model::MailAttachment> out;
      auto& st = s_.statement(kTicketAttachments);
      st.bind(1, static_cast<int64_t>(ticket));
      while (st.executeStep()) out.push_back(attachment_from_row(st));
      return out;
    });
  }

  std::string attachment_content(std::int64_t attachment) override {
    return s_.guarded([&] {
      auto& st = s_.statement(kContent);
      st.bind(1, static_cast<int64_t>(attachment));
      std::string content = st.executeStep() ? blob(st.getColumn(0)) : std::string();
      st.reset();
      return content;
    });
  }

  void remove_ticket_messages(std::int64_t ticket) override {
    s_.guarded([&] {
      for (const char* sql : {kRemoveAttachments, kRemoveMessages}) {
        auto& st = s_.statement(sql);
        st.bind(1, static_cast<int64_t>(ticket));
        st.exec();
      }
    });
  }

  std::int64_t erase_messages(std::int64_t ticket) override {
    return s_.guarded([&] {
      auto& attachments = s_.statement(kEraseAttachments);
      attachments.bind(1, static_cast<int64_t>(ticket));
      attachments.exec();
      auto& messages = s_.statement(kEraseMessages);
      messages.bind(1, static_cast<int64_t>(ticket));
      return static_cast<std::int64_t>(messages.exec());
    });
  }

  std::int64_t erase_messages_from(std::string_view address) override {
    if (address.empty()) return 0;
    return s_.guarded([&] {
      auto& attachments = s_.statement(kEraseAttachmentsFrom);
      attachments.bind(1, std::string(address));
      attachments.exec();
      auto& messages = s_.statement(kEraseMessagesFrom);
      messages.bind(1, std::string(address));
      return static_cast<std::int64_t>(messages.exec());
    });
  }

 private:
  std::vector<model::MailAttachment> attachments_of(std::int64_t message) {
    std::vector<model::MailAttachment> out;
    auto& st = s_.statement(kMessageAttachments);
    st.bind(1, static_cast<int64_t>(message));
    while (st.executeStep()) out.push_back(attachment_from_row(st));
    return out;
  }

  SqliteStore& s_;
};

}  // namespace

MailStore& SqliteStore::mail() {
  if (!mail_) mail_ = std::make_unique<SqliteMail>(*this);
  return *mail_;
}

}  // namespace desk::store::sqlite
