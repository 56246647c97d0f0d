// Mail as plain values. A received message: what `mail::parse` reads out
// of the raw bytes, with every header decoded and every text in UTF-8 (the
// raw bytes themselves are kept by the caller). A message to send: what
// `mail::compose` writes. Nothing here refers to GMime.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace desk::mail {

struct Address {
  std::string address;  // local@domain as written (case kept)
  std::string name;     // display name, RFC 2047 decoded; "" when none
  bool operator==(const Address&) const = default;
};

struct Attachment {
  std::string filename;      // RFC 2047/2231 decoded, UTF-8; "" when the part has none
  std::string content_type;  // "application/pdf", lower case
  std::string content;       // the decoded bytes (base64, quoted-printable undone)
  bool inline_part = false;  // Content-Disposition: inline (an image in the text, say)
};

// Why a message is machine-generated, in the order checked; `none` for mail
// a person wrote. Machine mail never changes a ticket's status, never
// reopens one and never gets an automatic answer.
enum class Machine {
  none,
  bounce,      // a delivery status notification (multipart/report, a mailer-daemon)
  auto_reply,  // RFC 3834 Auto-Submitted, X-Autoreply and friends, out-of-office
  bulk,        // Precedence: bulk or junk, an empty Return-Path
  list,        // a mailing list: List-Id, Precedence: list
};

// What a delivery status notification says about the message it reports on.
struct Bounce {
  std::string original_message_id;  // of the message that failed, without <>
  std::string recipient;            // Final-Recipient (address only)
  std::string status;               // "5.1.1"
  std::string action;               // "failed", "delayed"
  std::string diagnostic;           // Diagnostic-Code, as the remote server said it
};

struct Message {
  std::string message_id;               // without <>; "" when the message has none
  std::string in_reply_to;              // the first message-id it names, without <>
  std::vector<std::string> references;  // oldest first, without <>
  Address from;
  std::vector<Address> reply_to;
  std::vector<Address> to;
  std::vector<Address> cc;
  std::vector<std::string> delivered_to;   // Delivered-To / X-Original-To, newest first
  std::optional<std::string> return_path;  // "" for Return-Path: <> (a bounce); nullopt: absent
  std::string subject;                     // decoded, unfolded
  std::optional<std::int64_t> date;        // Date: as Unix seconds; nullopt when unreadable
  std::string loop;                        // desk's loop header (X-Desk-Loop), "" when absent

  Machine machine = Machine::none;
  std::string machine_reason;  // the header or rule that said so: "Auto-Submitted: auto-replied"
  std::optional<Bounce> bounce;

  std::string text;               // the whole body as UTF-8 text (HTML-only mail rendered)
  std::string new_text;           // what this message says: `text` without the quoted history
  std::string quoted;             // the quoted history, kept but hidden by default
  std::string charset;            // charset of the body text as read ("koi8-r"); "" for none
  bool charset_detected = false;  // the charset was guessed: the mail did not say
  bool html_only = false;         // the text was rendered from HTML (kept as an attachment)

  std::vector<Attachment> attachments;
  // What could not be read cleanly (a MIME structure cut short, a part
  // whose encoding was broken). Informational: the rest was still read.
  std::vector<std::string> problems;
};

// A message desk sends, as plain values: what mail::compose writes out.
struct Outgoing {
  Address from;  // desk's address, with the desk's name
  std::vector<Address> to;
  std::vector<Address> cc;
  std::string subject;                  // with the subject tag already in it
  std::string message_id;               // without <>: a signed_message_id
  std::string in_reply_to;              // the message answered, without <>; "" for none
  std::vector<std::string> references;  // the thread, oldest first, without <>
  std::int64_t date = 0;                // Unix seconds
  std::string text;                     // the body, UTF-8
  std::string loop_value;               // X-Desk-Loop: how desk knows its own mail
  // An automatic message (an acknowledgement): Auto-Submitted:
  // auto-replied (RFC 3834), and a request that responders stay quiet.
  // A technician's reply is a person's mail and has neither.
  bool automatic = false;
};

// At most this many MIME parts of a message are read; the problem is
// named in `problems` and the rest stays in the raw message.
inline constexpr std::size_t kMaxParts = 1000;

}  // namespace desk::mail
