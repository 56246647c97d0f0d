#include "desk/mail/threading.hpp"

#include "desk/mail/identity.hpp"

namespace desk::mail {

namespace {

std::string bracketed(std::string_view id) {
  return "<" + std::string(id) + ">";
}

// The ticket a Message-ID names: signed by desk, or stored with a ticket.
std::optional<std::int64_t> ticket_of(std::string_view id, const Identity& desk, Knowledge& store) {
  if (auto signed_id = verify_message_id(desk.secret, id);
      signed_id && store.ticket_exists(signed_id->ticket))
    return signed_id->ticket;
  if (auto t = store.ticket_of_message(id); t && store.ticket_exists(*t)) return t;
  return std::nullopt;
}

// The ticket of a +N extension on a desk address the message was
// delivered to: the envelope (Delivered-To) first, then To and Cc.
std::optional<std::pair<std::int64_t, std::string>> extension_ticket(const Message& m,
                                                                     const Identity& desk,
                                                                     Knowledge& store) {
  std::vector<std::string> recipients = m.delivered_to;
  for (const auto* list : {&m.to, &m.cc})
    for (const Address& a : *list) recipients.push_back(a.address);
  for (const std::string& r : recipients)
    if (auto n = address_extension(r, desk.addresses); n && store.ticket_exists(*n))
      return std::pair{*n, r};
  return std::nullopt;
}

Decision on_ticket(const Message& m, std::int64_t ticket, std::string reason) {
  // A bounce is about desk's mail, whatever route led to its ticket.
  Route route = m.machine == Machine::bounce ? Route::delivery_failed : Route::existing;
  return {route, ticket, std::move(reason)};
}

}  // namespace

Decision decide(const Message& m, std::optional<std::int64_t> forced, const Identity& desk,
                Knowledge& store) {
  if (!m.message_id.empty() && store.message_stored(m.message_id))
    return {Route::duplicate, 0, "Message-ID " + bracketed(m.message_id) + " already stored"};

  if (!m.loop.empty() && !desk.loop_value.empty() && m.loop == desk.loop_value)
    return {Route::loop, 0, "X-Desk-Loop: " + m.loop};
  if (is_desk_address(m.from.address, desk.addresses))
    return {Route::loop, 0, "From: " + m.from.address + " is desk's own address"};

  if (forced) return on_ticket(m, *forced, "--ticket " + std::to_string(*forced));
  if (auto ext = extension_ticket(m, desk, store))
    return on_ticket(m, ext->first, "address extension " + ext->second);

  if (m.machine == Machine::bounce) {
    if (m.bounce && !m.bounce->original_message_id.empty()) {
      if (auto t = ticket_of(m.bounce->original_message_id, desk, store))
        return {Route::delivery_failed, *t,
                "bounce of " + bracketed(m.bounce->original_message_id)};
    }
    return {Route::quarantine, 0, "a bounce of no message desk knows"};
  }

  if (!m.in_reply_to.empty())
    if (auto t = ticket_of(m.in_reply_to, desk, store))
      return on_ticket(m, *t, "In-Reply-To " + bracketed(m.in_reply_to));
  for (auto it = m.references.rbegin(); it != m.references.rend(); ++it)
    if (auto t = ticket_of(*it, desk, store))
      return on_ticket(m, *t, "References " + bracketed(*it));

  if (auto t = subject_ticket(m.subject, desk.subject_tag);
      t && store.ticket_exists(*t) && store.knows_sender(*t, m.from.address))
    return on_ticket(m, *t, "subject tag #" + std::to_string(*t) + " from " + m.from.address);

  if (m.machine != Machine::none)
    return {Route::quarantine, 0,
            "machine-generated mail (" + m.machine_reason + ") about no ticket"};
  if (m.from.address.empty()) return {Route::quarantine, 0, "no sender address"};
  if (desk.quarantine_unknown && !store.customer_exists(m.from.address))
    return {Route::quarantine, 0, "unknown sender " + m.from.address};
  return {Route::new_ticket, 0, "new request from " + m.from.address};
}

}  // namespace desk::mail
