// libFuzzer target: a received message, as `desk mail receive` reads it.
// mail::parse must never crash, hang or throw on any bytes; what it reads
// must be storable (valid UTF-8, attachment names that are file names);
// the threading decision must run on it; and a reply composed from it
// must be 7-bit and read back with its Message-ID.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "desk/mail/mime/compose.hpp"
#include "desk/mail/mime/parse.hpp"
#include "desk/mail/threading.hpp"
#include "desk/util/strings.hpp"

namespace {

void require_utf8(const std::string& s) {
  if (desk::util::invalid_utf8(s)) __builtin_trap();
}

// A store that knows every message and ticket 1 only.
struct Store : desk::mail::Knowledge {
  bool message_stored(std::string_view id) override { return id == "seen@example.org"; }
  std::optional<std::int64_t> ticket_of_message(std::string_view) override { return 1; }
  bool ticket_exists(std::int64_t t) override { return t == 1; }
  bool knows_sender(std::int64_t, std::string_view) override { return true; }
  bool customer_exists(std::string_view) override { return false; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  desk::mail::Message m = desk::mail::parse(raw);
  for (const std::string* s : {&m.message_id, &m.in_reply_to, &m.from.address, &m.from.name,
                               &m.subject, &m.text, &m.new_text, &m.quoted, &m.machine_reason})
    require_utf8(*s);
  for (const auto& a : m.attachments) {
    require_utf8(a.filename);
    if (a.filename.empty() || a.filename.find('/') != std::string::npos) __builtin_trap();
  }
  if (m.new_text.size() > m.text.size() + 1) __builtin_trap();

  desk::mail::Identity desk;
  desk.addresses = {"support@example.org"};
  desk.secret = "fuzz";
  desk.loop_value = "support@example.org";
  Store store;
  desk::mail::decide(m, std::nullopt, desk, store);

  desk::mail::Outgoing reply;
  reply.from = {"support@example.org", m.from.name};
  reply.to = {{"customer@example.org", m.from.name}};
  reply.subject = m.subject;
  reply.message_id = "desk.1.2.0123456789abcdef0123@example.org";
  reply.text = m.new_text;
  reply.date = 1793637011;
  std::string wire = desk::mail::compose(reply);
  for (char c : wire)
    if (static_cast<unsigned char>(c) >= 0x80) __builtin_trap();
  if (desk::mail::parse(wire).message_id != reply.message_id) __builtin_trap();
  return 0;
}
