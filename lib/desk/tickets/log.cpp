// desk log: a call comes in.
#include <algorithm>

#include <fmt/format.h>

#include "desk/catalog/customers.hpp"
#include "desk/catalog/services.hpp"
#include "desk/core/error.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/tickets/actions.hpp"
#include "desk/tickets/priority.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::tickets {

std::int64_t resolve_customer(work::Session& s, const std::string& key, bool create,
                              bool* created) {
  std::string k(util::trim(key));
  if (created) *created = false;
  if (k.empty()) return 0;
  // "Jane Doe <jane@example.org>", as mail clients (and desk's own listings)
  // write a person: the email finds them, the name comes with a new one.
  std::string name;
  if (auto open = k.rfind('<');
      open != std::string::npos && k.back() == '>' && k.find('@', open) != std::string::npos) {
    name = util::trim(k.substr(0, open));
    k = util::trim(k.substr(open + 1, k.size() - open - 2));
  }
  if (auto found = s.store.find_customer(k)) return found->id;
  if (util::parse_int(k))
    throw Refused(fmt::format("no customer {}", k), "give the customer's email or name to add one");
  if (!create) throw Refused(fmt::format("no customer {}", util::quoted(k)));
  model::Customer c;
  if (k.find('@') != std::string::npos) {
    c.email = k;
    c.name = util::single_line(name);
  } else {
    c.name = util::single_line(k);
  }
  if (created) *created = true;
  return catalog::add_customer(s, c).id;
}

Logged log_ticket(work::Session& s, const LogRequest& r) {
  const auto& cfg = s.config;
  Logged out;
  Ticket& t = out.ticket;
  std::string title = work::checked_title(r.title);
  std::string type =
      work::one_of("type", r.type.value_or(cfg.tickets.types.front()), cfg.tickets.types);
  std::string channel =
      r.channel.empty() ? r.channel : work::one_of("channel", r.channel, cfg.tickets.channels);
  std::string category = r.category.empty()
                             ? r.category
                             : work::one_of("category", r.category, cfg.tickets.categories);
  PriorityChoice p = choose_priority(cfg.priority, r.impact, r.urgency, r.priority);
  std::vector<std::string> tags;
  for (const auto& tag : r.tags) {
    std::string checked = work::checked_tag(tag);
    if (std::find(tags.begin(), tags.end(), checked) == tags.end()) tags.push_back(checked);
  }
  std::sort(tags.begin(), tags.end());  // a set: stored and shown in one order
  if (!r.external_id.empty() && s.store.find_ticket_id_by_external(r.external_id))
    throw DataError(
        fmt::format("a ticket with external id {} exists already", util::quoted(r.external_id)));
  Instant at = work::event_time(s, r.at);
  std::int64_t customer_id = resolve_customer(s, r.customer, true, &out.new_customer);
  // A service brings its team, its policy and its checklist.
  std::optional<model::Service> service;
  if (!r.service.empty()) {
    service = catalog::service_for_ticket(s, r.service, type, customer_id);
    if (category.empty() && service->categories.size() == 1) category = service->categories[0];
  }

  // The row first (the event refers to it), then the event that it projects.
  t.type = type;
  t.title = title;
  t.priority = p.priority;
  t.created_at = t.updated_at = at;
  t.id = s.store.insert_ticket(t);

  Event e;
  e.kind = model::EventKind::logged;
  e.at = at;
  Ticket blank;
  work::change(e, blank, "type", type);
  work::change(e, blank, "title", title);
  work::change(e, blank, "description", r.description);
  // A blank ticket is already new: the change from nothing is written out.
  e.changes.push_back({"status", model::Json(), model::Status::new_});
  work::change(e, blank, "priority", p.priority);
  work::change(e, blank, "impact", p.impact);
  work::change(e, blank, "urgency", p.urgency);
  if (customer_id) work::change(e, blank, "customer_id", customer_id);
  work::change(e, blank, "channel", channel);
  work::change(e, blank, "category", category);
  work::change(e, blank, "service", service ? service->name : std::string());
  if (service) {
    if (const auto* team = cfg.team(service->owner)) {
      work::change(e, blank, "team", team->name);
      work::change(e, blank, "tier", team->tier);
    }
    work::change(e, blank, "service_sla", service->sla);
    if (!service->steps.empty()) e.extra["checklist"] = service->steps;
  }
  work::change(e, blank, "tags", tags);
  work::change(e, blank, "external_id", r.external_id);
  for (const auto& [key, value] : r.extra.items()) e.extra[key] = value;
  std::int64_t id = t.id;
  t = Ticket{};
  t.id = id;
  out.event = work::record(s, t, std::move(e));
  if (service) s.store.catalog().add_ticket_steps(id, service->steps);
  out.ticket = work::require_ticket(s, id);
  return out;
}

}  // namespace desk::tickets
