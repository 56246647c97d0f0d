#include "desk/mail/send.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/mail/identity.hpp"
#include "desk/mail/mime.hpp"
#include "desk/model/serialize.hpp"
#include "desk/store/mail_store.hpp"
#include "desk/util/process.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::mail {

namespace {

// How old a claim whose holder is gone must be before another sender takes
// the message again: far longer than a hand-over lasts, so that a sendmail
// left running by a sender that was killed has long finished.
constexpr std::int64_t kStaleClaim = 3600;
// How many due messages claim_next looks at (claims whose holder still runs
// are passed over).
constexpr std::int64_t kDueBatch = 64;
// How long sendmail may take over one message.
constexpr std::int64_t kSendTimeout = 60;
// References names at most this many messages of the thread (the newest).
constexpr std::size_t kReferences = 20;

std::string read_template(const config::Mail& cfg, const std::string& kind) {
  auto it = cfg.templates.find(kind);
  if (it == cfg.templates.end()) return {};
  std::ifstream in(it->second, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in.good() && !in.eof())
    throw ConfigError(fmt::format("cannot read the {} template {}", kind, util::quoted(it->second)),
                      "[mail.templates] names it in desk.toml");
  return text.str();
}

// A recipient sendmail could read as an option is never handed to it.
bool mailable(std::string_view address) {
  return address.find('@') != std::string_view::npos && !address.empty() &&
         address.front() != '-' &&
         std::none_of(address.begin(), address.end(),
                      [](unsigned char ch) { return ch <= ' ' || ch == 0x7f; });
}

// Composes and queues one message on ticket `t` to `to`.
Queued queue(work::Session& s, const model::Ticket& t, const std::string& kind, const Address& to,
             const std::string& text, std::int64_t event, bool automatic) {
  const config::Mail& cfg = s.config.mail;
  store::MailStore& mail = s.store.mail();
  model::OutboxMessage m;
  m.id = mail.next_outbox_id();
  m.ticket_id = t.id;
  m.event_id = event;
  m.kind = kind;
  m.message_id = signed_message_id(mail.secret(), {t.id, m.id}, cfg.message_domain());
  m.recipient = to.address;
  m.queued_at = s.now;
  m.next_attempt = s.now;

  Outgoing out;
  out.from = {cfg.address, cfg.name};
  out.to = {to};
  out.in_reply_to = mail.last_received(t.id);
  out.references = mail.thread(t.id);
  if (out.references.size() > kReferences)
    out.references.erase(out.references.begin(), out.references.end() - kReferences);
  std::string title = tag_subject(t.title, cfg.subject_tag, t.id);
  out.subject = out.in_reply_to.empty() ? title : "Re: " + title;
  out.message_id = m.message_id;
  out.date = to_unix(s.now);
  out.text = text;
  out.loop_value = cfg.address;
  out.automatic = automatic;
  m.subject = out.subject;
  m.raw = mime().compose(out);
  mail.queue(m);
  return {m.id, to.address, {}};
}

// The ticket's customer as a recipient, or why there is none.
std::optional<Address> customer_of(const model::Ticket& t, std::string& why) {
  if (t.customer_id == 0) {
    why = "the ticket has no customer";
    return std::nullopt;
  }
  if (t.customer_email.empty()) {
    why = "the customer has no mail address";
    return std::nullopt;
  }
  if (!mailable(t.customer_email)) {
    why = fmt::format("{} cannot be mailed", util::quoted(t.customer_email));
    return std::nullopt;
  }
  return Address{t.customer_email, t.customer_name};
}

std::int64_t backoff_seconds(std::int64_t failures) {
  std::int64_t delay = 300;
  for (std::int64_t i = 1; i < failures && delay < 6 * 3600; ++i) delay *= 2;
  return std::min<std::int64_t>(delay, 6 * 3600);
}

}  // namespace

std::string fill_template(const std::string& text, const model::Json& ticket) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t open = text.find('{', at);
    if (open == std::string::npos) break;
    std::size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    out.append(text, at, open - at);
    std::string key = text.substr(open + 1, close - open - 1);
    auto it = ticket.find(key);
    if (it == ticket.end() || it->is_object() || it->is_array()) {
      out.append(text, open, close + 1 - open);
    } else if (!it->is_null()) {
      out += it->is_string() ? it->get<std::string>() : it->dump();
    }
    at = close + 1;
  }
  out.append(text, std::min(at, text.size()));
  return out;
}

bool is_no_reply(std::string_view address) {
  std::string local = util::to_lower_ascii(address.substr(0, address.find('@')));
  std::erase_if(local, [](char ch) { return ch == '-' || ch == '_' || ch == '.'; });
  for (std::string_view word :
       {"noreply", "donotreply", "dontreply", "mailerdaemon", "postmaster", "bounce", "bounces"})
    if (local == word || util::starts_with(local, word)) return true;
  return false;
}

Queued queue_reply(work::Session& s, const model::Event& reply) {
  if (s.config.mail.address.empty()) return {0, {}, "[mail] has no address"};
  model::Ticket t = work::require_ticket(s, reply.ticket_id);
  Queued none;
  auto to = customer_of(t, none.not_mailed);
  if (!to) return none;
  return queue(s, t, "reply", *to, reply.text, reply.id, false);
}

Queued queue_notice(work::Session& s, std::int64_t id, const std::string& kind) {
  if (s.config.mail.address.empty()) return {0, {}, "[mail] has no address"};
  std::string text = read_template(s.config.mail, kind);
  if (text.empty()) return {0, {}, fmt::format("no {} template", kind)};
  model::Ticket t = work::require_ticket(s, id);
  Queued none;
  auto to = customer_of(t, none.not_mailed);
  if (!to) return none;
  return queue(s, t, kind, *to, fill_template(text, model::ticket_json(t, s.config.zone())), 0,
               true);
}

Queued queue_acknowledgement(work::Session& s, std::int64_t id, const Address& sender) {
  const config::Mail& cfg = s.config.mail;
  if (!mailable(sender.address)) return {0, {}, "the sender cannot be mailed"};
  if (is_no_reply(sender.address)) return {0, {}, "the sender asks for no reply"};
  if (cfg.templates.count("acknowledgement") == 0) return {0, {}, "no acknowledgement template"};
  if (s.store.mail().mailed_since(sender.address, "acknowledgement",
                                  s.now - Seconds{cfg.autoreply_interval_seconds}))
    return {0, {}, "acknowledged this sender within autoreply_interval"};
  model::Ticket t = work::require_ticket(s, id);
  std::string text =
      fill_template(read_template(cfg, "acknowledgement"), model::ticket_json(t, s.config.zone()));
  return queue(s, t, "acknowledgement", sender, text, 0, true);
}

std::optional<model::OutboxMessage> claim_next(work::Session& s) {
  store::MailStore& mail = s.store.mail();
  for (auto& m : mail.due(s.now, s.now - Seconds{kStaleClaim}, kDueBatch)) {
    if (m.status == model::OutboxStatus::sending && util::process_running(m.claimed_by)) continue;
    m.status = model::OutboxStatus::sending;
    m.claimed_by = util::process_token();
    m.next_attempt = s.now;
    ++m.attempts;
    mail.update_outbox(m);
    m.raw = mail.outbox_raw(m.id);
    return m;
  }
  return std::nullopt;
}

bool permanent_failure(int code) {
  return code == 65 || code == 67 || code == 68;
}

Attempt hand_over(const config::Config& c, const model::OutboxMessage& m) {
  const config::Mail& cfg = c.mail;
  if (!mailable(m.recipient))
    return {fmt::format("{} cannot be mailed", util::quoted(m.recipient)), true};
  util::Program p;
  p.argv = cfg.sendmail;
  p.argv.push_back("-f");
  p.argv.push_back(cfg.envelope_sender.empty() ? cfg.address : cfg.envelope_sender);
  p.argv.push_back(m.recipient);
  p.input = m.raw;
  p.timeout_seconds = kSendTimeout;
  util::Ran ran = util::run(p);
  if (ran.why.empty()) return {};
  return {fmt::format("{}: {}", cfg.sendmail[0], ran.why), permanent_failure(ran.exit_code)};
}

std::optional<model::Event> settle(work::Session& s, model::OutboxMessage& m,
                                   const Attempt& attempt) {
  m.last_error = attempt.error;
  m.claimed_by.clear();
  if (attempt.error.empty()) {
    m.status = model::OutboxStatus::sent;
    m.sent_at = s.now;
    s.store.mail().update_outbox(m);
    return std::nullopt;
  }
  if (!attempt.permanent && m.attempts < s.config.mail.send_attempts) {
    m.status = model::OutboxStatus::queued;
    m.next_attempt = s.now + Seconds{backoff_seconds(m.attempts)};
    s.store.mail().update_outbox(m);
    return std::nullopt;
  }
  m.status = model::OutboxStatus::failed;
  s.store.mail().update_outbox(m);
  model::Ticket t = work::require_ticket(s, m.ticket_id);
  model::Event e;
  e.kind = model::EventKind::delivery_failed;
  e.at = work::event_time(s, std::nullopt, t.updated_at);
  e.text = attempt.permanent
               ? fmt::format("mail to {} could not be delivered: {}", m.recipient, attempt.error)
               : fmt::format("mail to {} could not be sent after {} attempt{}: {}", m.recipient,
                             m.attempts, m.attempts == 1 ? "" : "s", attempt.error);
  e.extra["channel"] = "email";
  e.extra["recipient"] = m.recipient;
  e.extra["failed_message"] = m.message_id;
  return work::record(s, t, std::move(e));
}

}  // namespace desk::mail
