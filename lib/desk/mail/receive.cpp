#include "desk/mail/receive.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/mail/mime.hpp"
#include "desk/mail/names.hpp"
#include "desk/mail/send.hpp"
#include "desk/mail/threading.hpp"
#include "desk/model/mail.hpp"
#include "desk/store/mail_store.hpp"
#include "desk/tickets/actions.hpp"
#include "desk/tickets/allocation.hpp"
#include "desk/tickets/lifecycle.hpp"
#include "desk/util/sha256.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::mail {

namespace {

using model::Json;

bool same_address(std::string_view a, std::string_view b) {
  return !a.empty() && util::to_lower_ascii(a) == util::to_lower_ascii(b);
}

// What threading asks, answered from the store and the configuration.
class StoreKnowledge final : public Knowledge {
 public:
  StoreKnowledge(work::Session& s, bool releasing) : s_(s), releasing_(releasing) {}

  bool message_stored(std::string_view id) override {
    // A message kept on no ticket may be put on one with --ticket.
    return !releasing_ && s_.store.mail().find_message(id).has_value();
  }
  std::optional<std::int64_t> ticket_of_message(std::string_view id) override {
    return s_.store.mail().ticket_of_message(id);
  }
  bool ticket_exists(std::int64_t t) override { return s_.store.find_ticket(t).has_value(); }
  bool knows_sender(std::int64_t t, std::string_view address) override {
    auto ticket = s_.store.find_ticket(t);
    if (!ticket) return false;
    if (ticket->customer_id)
      if (auto c = s_.store.customer(ticket->customer_id); c && same_address(c->email, address))
        return true;
    for (const auto& [id, tech] : s_.config.technicians)
      if (same_address(tech.email, address)) return true;
    return s_.store.mail().has_written(t, address);
  }
  bool customer_exists(std::string_view address) override {
    return s_.store.find_customer(address).has_value();
  }

 private:
  work::Session& s_;
  bool releasing_;
};

// The header block of a message (for one over [mail].max_message_size).
std::string header_block(std::string_view raw) {
  for (std::string_view end : {"\r\n\r\n", "\n\n"})
    if (auto at = raw.find(end); at != std::string_view::npos)
      return std::string(raw.substr(0, at + end.size()));
  return std::string(raw.substr(0, std::min<std::size_t>(raw.size(), 64 * 1024)));
}

std::string display(const Address& a) {
  if (a.name.empty()) return a.address;
  return a.name + " <" + a.address + ">";
}

// What every event made from a message carries: where it came from, the
// digest that ties the stored bytes to the audit chain, and the quoted
// history `desk show --full` prints.
Json mail_extra(const Message& m, const model::MailMessage& stored) {
  Json x = Json::object();
  x["channel"] = "email";
  x["from"] = display(m.from);
  x["subject"] = m.subject;
  x["message_id"] = stored.message_id;
  x["sha256"] = stored.sha256;
  if (!m.quoted.empty()) x["quoted"] = m.quoted;
  Json names = Json::array(), dropped = Json::array();
  for (const auto& a : stored.attachments) (a.kept ? names : dropped).push_back(a.name);
  if (!names.empty()) x["attachments"] = std::move(names);
  if (!dropped.empty()) x["not_kept"] = std::move(dropped);
  if (m.machine != Machine::none) x["machine"] = m.machine_reason;
  return x;
}

struct Context {
  work::Session& s;
  const ReceiveRequest& r;
  const Message& m;
  model::MailMessage stored;
  Receipt out;

  model::Event& keep(model::Event e) {
    out.events.push_back(std::move(e));
    return out.events.back();
  }
};

bool continuation(char ch) {
  return (static_cast<unsigned char>(ch) & 0xC0) == 0x80;
}

// Mail is never refused for its size ([limits] would have the mail server
// retry it for ever): a ticket gets the start of a subject or text over its
// limit, and the stored message keeps all of it (desk mail show).
std::string subject_within(std::string subject, std::int64_t characters) {
  std::int64_t count = 0;
  for (std::size_t i = 0; i < subject.size(); ++i)
    if (!continuation(subject[i]) && count++ == characters) {
      subject.resize(i);
      break;
    }
  return subject;
}

std::string text_within(std::string text, std::int64_t bytes) {
  if (static_cast<std::int64_t>(text.size()) <= bytes) return text;
  constexpr std::string_view kCut =
      "\n[cut at [limits] text: desk mail show has the whole message]";
  std::size_t room = bytes > static_cast<std::int64_t>(kCut.size())
                         ? static_cast<std::size_t>(bytes) - kCut.size()
                         : 0;
  while (room > 0 && continuation(text[room])) --room;
  text.resize(room);
  text += kCut;
  return text;
}

// A new ticket from the message: the sender is its customer.
void log_new(Context& c, model::MailRoute route) {
  const auto& limits = c.s.config.limits;
  tickets::LogRequest lr;
  lr.title = subject_within(c.m.subject.empty() ? "(no subject)" : c.m.subject, limits.title);
  lr.customer = display(c.m.from);
  lr.channel = "email";
  lr.description = text_within(c.m.new_text, limits.text);
  lr.extra = mail_extra(c.m, c.stored);
  tickets::Logged logged = tickets::log_ticket(c.s, lr);
  c.stored.ticket_id = logged.ticket.id;
  c.stored.event_id = c.keep(logged.event).id;
  c.stored.route = route;
  if (!c.r.team.empty()) {
    tickets::AllocateRequest to_team;
    to_team.to = c.r.team;
    to_team.reason = "mail received with --team";
    c.keep(tickets::allocate(c.s, logged.ticket.id, to_team));
  }
}

// The message on ticket `t`: a note (--comment), or the customer's words,
// and what they do to its status.
void on_ticket(Context& c, std::int64_t id) {
  model::Ticket t = work::require_ticket(c.s, id);
  bool person = c.m.machine == Machine::none;
  if (!c.r.comment && person) {
    bool too_late = t.status == model::Status::closed ||
                    (t.status == model::Status::resolved && t.resolved_at &&
                     c.s.now - *t.resolved_at >= Seconds{c.s.config.mail.reopen_within_seconds});
    if (too_late) {
      // A closed ticket stays closed: the mail starts a new one linked to it.
      log_new(c, model::MailRoute::follow_up);
      c.out.linked_to = id;
      if (auto linked =
              tickets::link(c.s, c.stored.ticket_id, id, model::LinkKind::related, std::nullopt))
        c.keep(*linked);
      return;
    }
  }
  model::Event e;
  e.kind = c.r.comment ? model::EventKind::note : model::EventKind::received;
  e.at = work::event_time(c.s, std::nullopt, t.updated_at);
  e.text = text_within(c.m.new_text, c.s.config.limits.text);
  e.extra = mail_extra(c.m, c.stored);
  model::Event recorded = work::record(c.s, t, std::move(e));
  c.stored.event_id = c.keep(std::move(recorded)).id;
  c.stored.ticket_id = id;
  c.stored.route = c.r.comment ? model::MailRoute::comment : model::MailRoute::reply;
  if (c.r.comment || !person) return;
  if (t.status == model::Status::resolved) {
    c.keep(tickets::reopen_by_customer(c.s, id, "the customer wrote again by mail", std::nullopt));
    c.stored.route = model::MailRoute::reopened;
  } else if (t.status == model::Status::pending &&
             t.pending_reason == model::PendingReason::customer) {
    tickets::StatusRequest resume;
    resume.text = "the customer answered by mail";
    c.keep(tickets::resume_work(c.s, id, resume));
  }
}

// A bounce of desk's own mail, on the ticket that mail was about.
void delivery_failed(Context& c, std::int64_t id) {
  model::Ticket t = work::require_ticket(c.s, id);
  const Bounce b = c.m.bounce.value_or(Bounce{});
  model::Event e;
  e.kind = model::EventKind::delivery_failed;
  e.at = work::event_time(c.s, std::nullopt, t.updated_at);
  std::string to = b.recipient.empty() ? "the customer" : b.recipient;
  e.text = fmt::format("mail to {} could not be delivered", to);
  if (!b.diagnostic.empty()) e.text += ": " + b.diagnostic;
  e.extra = mail_extra(c.m, c.stored);
  if (!b.recipient.empty()) e.extra["recipient"] = b.recipient;
  if (!b.status.empty()) e.extra["status"] = b.status;
  if (!b.original_message_id.empty()) e.extra["failed_message"] = b.original_message_id;
  e.extra.erase("quoted");
  model::Event recorded = work::record(c.s, t, std::move(e));
  c.stored.event_id = c.keep(std::move(recorded)).id;
  c.stored.ticket_id = id;
  c.stored.route = model::MailRoute::delivery_failed;
}

// The attachments as they will be stored: named uniquely within the
// ticket they join, and without their bytes when the message is too big.
std::vector<model::MailAttachment> attachments(work::Session& s, const Message& m,
                                               std::int64_t ticket, bool oversize) {
  UniqueNames names;
  if (ticket)
    for (const auto& a : s.store.mail().ticket_attachments(ticket)) names.reserve(a.name);
  std::vector<model::MailAttachment> out;
  for (const auto& a : m.attachments) {
    model::MailAttachment stored;
    stored.name = names.claim(a.filename);
    stored.content_type = a.content_type;
    stored.size = static_cast<std::int64_t>(a.content.size());
    stored.kept = !oversize;
    if (!oversize) stored.content = a.content;
    out.push_back(std::move(stored));
  }
  return out;
}

}  // namespace

Receipt receive(work::Session& s, const ReceiveRequest& r) {
  const config::Mail& cfg = s.config.mail;
  if (cfg.address.empty())
    throw ConfigError("[mail] address is not set: desk does not know its own address",
                      "set address in the [mail] section of desk.toml (see desk.toml(5))");
  if (r.ticket) work::require_ticket(s, *r.ticket);
  if (!r.team.empty() && s.config.team(r.team) == nullptr)
    throw DataError(fmt::format("unknown team {}", util::quoted(r.team)),
                    "the teams are the [teams.NAME] sections of desk.toml");

  Message m = mime().parse(r.raw);
  std::string digest = util::hex(util::sha256(r.raw));
  if (m.message_id.empty()) m.message_id = "sha256:" + digest;

  // A message kept on no ticket (quarantined, a loop) is put on one by
  // receiving it again with --ticket; otherwise a stored one is a duplicate.
  std::optional<model::MailMessage> earlier = s.store.mail().find_message(m.message_id);
  bool releasing = earlier && earlier->ticket_id == 0 && r.ticket.has_value();

  Identity identity;
  identity.addresses = cfg.addresses();
  identity.secret = s.store.mail().secret();
  identity.subject_tag = cfg.subject_tag;
  identity.loop_value = cfg.address;
  identity.quarantine_unknown = cfg.quarantine_unknown;
  StoreKnowledge knowledge(s, releasing);
  Decision d = decide(m, r.ticket, identity, knowledge);
  if (d.route == Route::new_ticket && r.comment)
    d = {Route::quarantine, 0, "a comment about no ticket"};
  if (d.route == Route::new_ticket && m.from.address.find('@') == std::string::npos)
    d = {Route::quarantine, 0, "a sender address without a domain"};

  Context c{s, r, m, {}, {}};
  c.out.reason = d.reason;
  c.out.problems = m.problems;
  if (m.machine != Machine::none) c.out.machine = m.machine_reason;
  if (d.route == Route::duplicate) {
    c.out.route.reset();
    c.out.message = earlier ? earlier->id : 0;
    c.out.ticket = earlier ? earlier->ticket_id : 0;
    return c.out;
  }

  bool oversize = static_cast<std::int64_t>(r.raw.size()) > cfg.max_message_size;
  model::MailMessage& stored = c.stored;
  stored.message_id = m.message_id;
  stored.reason = d.reason;
  stored.sender = m.from.address;
  stored.subject = m.subject;
  stored.at = s.now;
  stored.raw = oversize ? header_block(r.raw) : r.raw;
  stored.sha256 = digest;
  stored.size = static_cast<std::int64_t>(r.raw.size());
  std::int64_t joins =
      d.route == Route::existing || d.route == Route::delivery_failed ? d.ticket : 0;
  stored.attachments = attachments(s, m, joins, oversize);
  for (const auto& a : stored.attachments)
    if (!a.kept) c.out.not_kept.push_back(fmt::format("{} ({} bytes)", a.name, a.size));

  switch (d.route) {
    case Route::loop:
      stored.route = model::MailRoute::loop;
      break;
    case Route::quarantine:
      stored.route = model::MailRoute::quarantine;
      break;
    case Route::delivery_failed:
      delivery_failed(c, d.ticket);
      break;
    case Route::existing:
      on_ticket(c, d.ticket);
      break;
    case Route::new_ticket:
      log_new(c, model::MailRoute::new_ticket);
      break;
    case Route::duplicate:
      break;
  }

  if (releasing) {
    // The row stays; it moves onto the ticket, its attachments renamed to
    // names free there.
    stored.id = earlier->id;
    for (std::size_t i = 0; i < stored.attachments.size() && i < earlier->attachments.size(); ++i)
      stored.attachments[i].id = earlier->attachments[i].id;
    s.store.mail().place_message(stored);
  } else {
    stored.id = s.store.mail().insert_message(stored);
  }
  c.out.route = stored.route;
  c.out.ticket = stored.ticket_id;
  c.out.message = stored.id;
  // A person who opened a ticket hears that it is open (once per
  // autoreply_interval); machines are never answered, so no loop starts.
  if ((stored.route == model::MailRoute::new_ticket ||
       stored.route == model::MailRoute::follow_up) &&
      m.machine == Machine::none)
    c.out.acknowledgement = queue_acknowledgement(s, stored.ticket_id, m.from).id;
  return c.out;
}

}  // namespace desk::mail
