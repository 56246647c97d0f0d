#include "desk/bulk/import_records.hpp"

#include <algorithm>

#include "desk/bulk/import_parse.hpp"
#include "desk/catalog/customers.hpp"
#include "desk/model/fields.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/store.hpp"
#include "desk/tickets/actions.hpp"
#include "desk/tickets/allocation.hpp"
#include "desk/tickets/links.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::bulk {

using model::Event;
using model::EventKind;
using model::Ticket;

// A "rated" event stands for a row of ratings too (desk rate writes both),
// so that desk report csat counts imported ratings.
void Importer::rating(const Event& e, std::int64_t ticket_id) {
  model::Rating r;
  r.ticket_id = ticket_id;
  if (e.extra.contains("score") && e.extra["score"].is_number_integer())
    r.score = e.extra["score"].get<int>();
  if (e.extra.contains("resolution") && e.extra["resolution"].is_number_integer())
    r.resolution = e.extra["resolution"].get<int>();
  if (r.score < 1 || r.score > 5) return;  // not desk's: the event alone tells of it
  r.comment = e.text;
  r.at = e.at;
  r.actor = e.actor;
  if (resolver.first != ticket_id) {  // resolved before this import
    resolver = {ticket_id, ""};
    for (const auto& earlier : s.store.ticket_events(ticket_id))
      if (earlier.kind == model::EventKind::resolved) resolver.second = earlier.actor;
  }
  r.resolver = resolver.second;
  for (const auto& existing : s.store.ratings().of_ticket(ticket_id))
    if (existing.resolution == r.resolution) return;
  s.store.ratings().insert(r);
}

// Writes `e` (its ticket and, unless kept, its id set here).
void Importer::append(Event& e, std::int64_t ticket_id, const store::PreparedEvent* ready) {
  e.ticket_id = ticket_id;
  if (e.id <= last_event) e.id = 0;
  if (e.id && e.id < newest) out_of_order = true;
  std::int64_t id = ready && e.id ? s.store.append_prepared(e, *ready) : s.store.append_event(e);
  newest = std::max(newest, id);
  if (e.kind == model::EventKind::resolved) resolver = {ticket_id, e.actor};
  if (e.kind == model::EventKind::rated) rating(e, ticket_id);
  ++out.events;
  // A link is a row of its own beside the event that tells of it.
  if (e.kind == model::EventKind::linked && e.extra.contains("to") &&
      e.extra["to"].is_number_integer() && e.extra.contains("link") &&
      e.extra["link"].is_string()) {
    auto kind =
        work::require_word<model::LinkKind>("link kind", e.extra["link"].get<std::string>());
    std::int64_t other = e.extra["to"].get<std::int64_t>();
    tickets::require_no_cycle(s.store, ticket_id, other, kind);
    s.store.add_link({ticket_id, other, kind, e.at, e.actor});
  }
}

// The file's customer: the store's customer with the same id when it is
// the same person (name and email), else the one with the same email
// (emails are unique; names are not), else a new customer, keeping the
// file's id when it is free.
std::int64_t Importer::customer_for(const Parsed& p) {
  std::int64_t id = p.ticket.customer_id;
  if (auto c = s.store.customer(id);
      c && c->name == p.customer_name &&
      util::to_lower_ascii(c->email) == util::to_lower_ascii(p.customer_email))
    return id;
  if (!p.customer_email.empty())
    if (auto c = s.store.find_customer(p.customer_email)) return c->id;
  model::Customer c;
  c.name = p.customer_name;
  c.email = p.customer_email;
  c.created_at = c.updated_at = p.ticket.created_at;
  if (!s.store.customer(id)) c.id = id;
  c.id = s.store.insert_customer(c);
  added_customers.push_back(c);
  return c.id;
}

// `prepared`: the events made ready for the audit chain on the parsing
// thread (empty, or one per event, null where an id was not kept).
void Importer::history(Parsed& p, std::vector<std::optional<store::PreparedEvent>>& prepared) {
  auto ready = [&](std::size_t i) {
    return i < prepared.size() && prepared[i] ? &*prepared[i] : nullptr;
  };
  std::int64_t id = p.ticket.id;
  if (auto existing = s.store.find_ticket(id)) {
    auto stored = s.store.ticket_events(id);
    bool prefix = stored.size() <= p.events.size();
    for (std::size_t i = 0; prefix && i < stored.size(); ++i)
      prefix = stored[i].kind == p.events[i].kind && stored[i].at == p.events[i].at &&
               stored[i].actor == p.events[i].actor;
    if (!prefix)
      bad(p.line, fmt::format("ticket {} exists already with another history", id),
          "import desk's export into an empty store, or leave out 'events' and 'id' to "
          "import the row as a new ticket");
    if (stored.size() == p.events.size()) {
      ++out.skipped;
      return;
    }
    Ticket t = *existing;
    for (std::size_t i = stored.size(); i < p.events.size(); ++i) {
      model::apply(t, p.events[i]);
      append(p.events[i], id, ready(i));
    }
    s.store.update_ticket(t);
    ++out.updated;
    return;
  }
  if (!p.ticket.external_id.empty())
    if (auto other = s.store.find_ticket_id_by_external(p.ticket.external_id))
      bad(p.line, fmt::format("external id {} belongs to ticket {} already",
                              util::quoted(p.ticket.external_id), *other));
  // The customer's id in this store may differ from the file's.
  if (std::int64_t from = p.ticket.customer_id; from != 0) {
    std::int64_t to = customer_for(p);
    if (to != from) {
      for (auto& e : p.events)
        for (auto& c : e.changes)
          if (c.field == "customer_id") {
            if (c.from == Json(from)) c.from = to;
            if (c.to == Json(from)) c.to = to;
          }
      p.ticket = model::replay(p.events);
      prepared.clear();  // made for the file's customer id
    }
  }
  s.store.insert_ticket(p.ticket);
  for (std::size_t i = 0; i < p.events.size(); ++i) append(p.events[i], id, ready(i));
  ++out.created;
}

// Another tool's row seen before: its editable fields, changed by an
// `edited` event as `desk edit` would; everything else stays.
void Importer::update(const Parsed& p, const Values& v, std::int64_t id) {
  Ticket t = work::require_ticket(s, id);
  if (t.status == model::Status::closed) {
    ++out.skipped;
    return;
  }
  tickets::EditRequest r;
  auto text = [&](const char* key, std::optional<std::string>& slot, const std::string& value) {
    if (v.has(key)) slot = value;
  };
  text("title", r.title, p.ticket.title);
  text("description", r.description, p.ticket.description);
  text("type", r.type, p.ticket.type);
  text("channel", r.channel, p.ticket.channel);
  text("category", r.category, p.ticket.category);
  text("service", r.service, p.ticket.service);
  text("customer", r.customer, p.customer_key);
  text("customer_email", r.customer, p.customer_key);
  if (p.customer_email.empty()) text("customer_name", r.customer, p.customer_key);
  // As `desk edit` takes them: a new impact or urgency re-derives the
  // priority unless the row gives one.
  text("priority", r.priority, p.ticket.priority);
  text("impact", r.impact, p.ticket.impact);
  text("urgency", r.urgency, p.ticket.urgency);
  if (v.has("tags")) {
    for (const auto& tag : p.ticket.tags)
      if (std::find(t.tags.begin(), t.tags.end(), tag) == t.tags.end()) r.add_tags.push_back(tag);
    for (const auto& tag : t.tags)
      if (std::find(p.ticket.tags.begin(), p.ticket.tags.end(), tag) == p.ticket.tags.end())
        r.remove_tags.push_back(tag);
  }
  r.reason = "imported from " + source;
  std::optional<Event> e;
  if (!r.empty()) e = tickets::edit_ticket(s, id, r);
  if (e) {
    ++out.updated;
    ++out.events;
  } else {
    ++out.skipped;
  }
}

// Another tool's customer: by `customer` as `desk log -c` finds or adds
// one; by its columns, the customer with that email (whose name must then
// be the row's: one email is one person), else a new customer with them.
std::int64_t Importer::customer_of_row(const Parsed& p) {
  if (p.customer_name.empty() && p.customer_email.empty())
    return tickets::resolve_customer(s, p.customer_key, true);
  if (auto c = s.store.find_customer(p.customer_key)) {
    if (!p.customer_email.empty() && !p.customer_name.empty() && !c->name.empty() &&
        util::to_lower_ascii(c->name) != util::to_lower_ascii(p.customer_name))
      throw DataError(
          fmt::format("customer {} is named {} already, not {}", util::quoted(c->email),
                      util::quoted(c->name), util::quoted(p.customer_name)),
          "one email is one customer: give it one name in the file (or rename the stored "
          "customer with 'desk customer edit')");
    return c->id;
  }
  model::Customer c;
  c.name = p.customer_name;
  c.email = p.customer_email;
  c.phone = p.customer_phone;
  c.organisation = p.organisation;
  return catalog::add_customer(s, c).id;
}

// A row that names no team or technician gets the team `desk allocate
// --auto` would route it to (the first [[routing]] rule it matches, else
// the first-line team), allocated when it was logged: else workload and
// team reports would never see it.
void Importer::route_to_team(Parsed& p, std::int64_t customer_id) {
  Ticket t = model::replay(p.events);
  if (!t.team.empty()) return;
  if (auto c = customer_id ? s.store.customer(customer_id) : std::nullopt) {
    t.customer_name = c->name;
    t.customer_email = c->email;
    t.customer_tier = c->tier;
  }
  const config::Team* team = s.config.team(tickets::route(s.config, t));
  if (team == nullptr) return;
  Ticket before = model::replay({p.events.front()});
  Event e = make_event(EventKind::allocated, p.events.front().at, s.actor);
  work::change(e, before, "team", team->name);
  work::change(e, before, "tier", team->tier);
  e.extra["reason"] = "routed";
  p.events.insert(p.events.begin() + 1, std::move(e));
}

void Importer::other(Parsed& p, const Row& row) {
  if (!p.ticket.external_id.empty())
    if (auto id = s.store.find_ticket_id_by_external(p.ticket.external_id)) {
      update(p, Values(row.object, p.line), *id);
      return;
    }
  std::int64_t cid = 0;
  if (!p.customer_key.empty()) {
    cid = customer_of_row(p);
    for (auto& c : p.events.front().changes)
      if (c.field == "customer_id") c.to = cid;
  } else {
    auto& ch = p.events.front().changes;
    std::erase_if(ch, [](const model::Change& c) { return c.field == "customer_id"; });
  }
  if (routing) route_to_team(p, cid);
  Ticket t = model::replay(p.events);
  t.id = 0;
  std::int64_t id = s.store.insert_ticket(t);
  for (auto& e : p.events) append(e, id);
  ++out.created;
}

}  // namespace desk::bulk
