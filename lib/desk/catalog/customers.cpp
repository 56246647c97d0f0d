#include "desk/catalog/customers.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/model/customer_history.hpp"
#include "desk/model/serialize.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/record.hpp"
#include "desk/work/roles.hpp"
#include "desk/work/validate.hpp"

namespace desk::catalog {

namespace {

using model::Json;

model::Event customer_event(model::EventKind kind, std::int64_t id) {
  model::Event e;
  e.kind = kind;
  e.subject = fmt::format("customer:{}", id);
  return e;
}

void check(work::Session& s, const Customer& c) {
  if (util::trim(c.name).empty() && util::trim(c.email).empty())
    throw DataError("a customer needs a name or an email");
  if (!c.email.empty() && c.email.find('@') == std::string::npos)
    throw DataError(fmt::format("{} is not an email address", util::quoted(c.email)));
  if (!c.tier.empty() && c.tier.find_first_of(" \t,") != std::string::npos)
    throw DataError(fmt::format("invalid tier {}", util::quoted(c.tier)),
                    "a tier is one word, such as vip");
  if (!c.email.empty())
    if (auto other = s.store.find_customer(c.email); other && other->id != c.id)
      throw DataError(fmt::format("customer {} has the email {} already", other->id,
                                  util::quoted(other->email)),
                      fmt::format("merge them with 'desk customer merge {} ID'", other->id));
}

}  // namespace

Customer require_customer(work::Session& s, const std::string& key) {
  std::string k(util::trim(key));
  if (!k.empty())
    if (auto c = s.store.find_customer(k)) return *c;
  throw Refused(fmt::format("no customer {}", util::quoted(key)),
                "give an id, email or name; 'desk customer list' shows them");
}

Customer add_customer(work::Session& s, Customer c) {
  c.id = 0;
  c.name = util::single_line(util::trim(c.name));
  c.email = std::string(util::trim(c.email));
  check(s, c);
  c.created_at = c.updated_at = s.now;
  c.id = s.store.insert_customer(c);
  record_added(s, c);
  return c;
}

void record_added(work::Session& s, const Customer& c) {
  model::Event e = customer_event(model::EventKind::customer_added, c.id);
  e.changes = model::customer_changes(Customer{}, c);
  work::record_subject(s, std::move(e));
}

std::optional<Customer> edit_customer(work::Session& s, const std::string& key,
                                      const CustomerChange& ch) {
  if (ch.empty())
    throw UsageError("nothing to change", "give a field to change, such as --email or --tier");
  Customer before = require_customer(s, key);
  if (before.erased_at)
    throw Refused(fmt::format("customer {} was erased", before.id),
                  "add the person again as a new customer if they come back");
  Customer after = before;
  if (ch.name) after.name = util::single_line(util::trim(*ch.name));
  if (ch.email) after.email = std::string(util::trim(*ch.email));
  if (ch.organisation) after.organisation = *ch.organisation;
  if (ch.phone) after.phone = *ch.phone;
  if (ch.tier) after.tier = *ch.tier;
  if (ch.notes) after.notes = *ch.notes;
  check(s, after);
  model::Event e = customer_event(model::EventKind::customer_edited, after.id);
  e.changes = model::customer_changes(before, after);
  if (e.changes.empty()) return std::nullopt;
  after.updated_at = s.now;
  s.store.customers().update(after);
  work::record_subject(s, std::move(e));
  return after;
}

Merged merge_customers(work::Session& s, const std::string& into_key, const std::string& from_key) {
  work::require(s.config, s.actor, work::Power::merge_customers);
  Customer into = require_customer(s, into_key);
  Customer from = require_customer(s, from_key);
  if (into.id == from.id) throw DataError("a customer cannot be merged into itself");
  if (into.erased_at || from.erased_at) throw Refused("an erased customer cannot be merged");
  Merged out;
  for (auto id : s.store.customers().tickets_of(from.id)) {
    model::Ticket t = work::require_ticket(s, id);
    model::Event e;
    e.kind = model::EventKind::edited;
    e.at = std::max(s.now, t.updated_at);
    e.text = fmt::format("customer {} merged into {}", from.id, into.id);
    work::change(e, t, "customer_id", into.id);
    work::record(s, t, std::move(e));
    out.tickets.push_back(id);
  }
  Customer merged = into;
  auto fill = [](std::string& a, const std::string& b) {
    if (a.empty()) a = b;
  };
  fill(merged.name, from.name);
  fill(merged.organisation, from.organisation);
  fill(merged.phone, from.phone);
  fill(merged.tier, from.tier);
  if (!from.notes.empty())
    merged.notes = merged.notes.empty() ? from.notes : merged.notes + "\n" + from.notes;
  bool take_email = merged.email.empty() && !from.email.empty();
  s.store.customers().remove(from.id);
  if (take_email) merged.email = from.email;
  model::Event e = customer_event(model::EventKind::customer_merged, into.id);
  e.changes = model::customer_changes(into, merged);
  e.extra["merged"] = from.id;
  e.extra["tickets"] = out.tickets;
  merged.updated_at = s.now;
  s.store.customers().update(merged);
  work::record_subject(s, std::move(e));
  model::Event gone = customer_event(model::EventKind::customer_merged, from.id);
  gone.extra["into"] = into.id;
  work::record_subject(s, std::move(gone));
  out.into = merged;
  return out;
}

Json customer_json(const Customer& c, const Zone& zone) {
  return {{"id", c.id},
          {"name", model::text_or_null(c.name)},
          {"email", model::text_or_null(c.email)},
          {"organisation", model::text_or_null(c.organisation)},
          {"phone", model::text_or_null(c.phone)},
          {"tier", model::text_or_null(c.tier)},
          {"notes", model::text_or_null(c.notes)},
          {"created_at", format_iso(c.created_at, zone)},
          {"updated_at", format_iso(c.updated_at, zone)},
          {"erased_at", c.erased_at ? Json(format_iso(*c.erased_at, zone)) : Json()}};
}

Json export_customer(work::Session& s, const std::string& key) {
  Customer c = require_customer(s, key);
  Zone zone = s.config.zone();
  Json out = {{"customer", customer_json(c, zone)}};
  Json about = Json::array();
  // Events about the customer are not a ticket's: read them through the audit view.
  for (const auto& r : s.store.audit().subject_records(fmt::format("customer:{}", c.id))) {
    Json data = Json::parse(r.data, nullptr, false);
    about.push_back({{"id", r.id},
                     {"at", format_iso(from_unix(r.at), zone)},
                     {"actor", r.actor},
                     {"kind", r.kind},
                     {"data", data.is_discarded() ? Json() : data}});
  }
  out["events"] = std::move(about);
  Json tickets_json = Json::array();
  for (auto id : s.store.customers().tickets_of(c.id)) {
    model::Ticket t = work::require_ticket(s, id);
    Json tj = model::ticket_json(t, zone);
    Json events = Json::array();
    for (const auto& e : s.store.ticket_events(id)) events.push_back(model::event_json(e, zone));
    tj["events"] = std::move(events);
    Json steps = Json::array();
    for (const auto& st : s.store.catalog().ticket_steps(id))
      steps.push_back({{"step", st.number},
                       {"text", st.text},
                       {"done_at", st.done_at ? Json(format_iso(*st.done_at, zone)) : Json()},
                       {"done_by", model::text_or_null(st.done_by)}});
    tj["checklist"] = std::move(steps);
    Json ratings = Json::array();
    for (const auto& r : s.store.ratings().of_ticket(id))
      ratings.push_back({{"resolution", r.resolution},
                         {"score", r.score},
                         {"comment", model::text_or_null(r.comment)},
                         {"at", format_iso(r.at, zone)}});
    tj["ratings"] = std::move(ratings);
    tickets_json.push_back(std::move(tj));
  }
  out["tickets"] = std::move(tickets_json);
  return out;
}

}  // namespace desk::catalog
