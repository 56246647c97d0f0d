#include "desk/compliance/compliance.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "desk/audit/erasure.hpp"
#include "desk/catalog/customers.hpp"
#include "desk/core/error.hpp"
#include "desk/model/customer_history.hpp"
#include "desk/model/serialize.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/mail_store.hpp"
#include "desk/work/record.hpp"
#include "desk/work/roles.hpp"
#include "desk/work/validate.hpp"

namespace desk::compliance {

namespace {

using model::Json;

// Seals the records with `rewrite`, attesting each sealed one in `attest`.
std::int64_t seal_all(store::AuditStore& a, std::vector<audit::Record> records,
                      const audit::Rewrite& rewrite, Json& attest) {
  std::int64_t n = 0;
  for (auto& r : records) {
    if (!audit::seal(r, rewrite)) continue;
    a.rewrite(r);
    attest[std::to_string(r.id)] = util::hex(audit::attestation(r));
    ++n;
  }
  return n;
}

// The erasure itself, for one customer, without the role check.
Forgotten erase(work::Session& s, const model::Customer& c) {
  Forgotten out;
  out.customer = c.id;
  auto& a = s.store.audit();
  std::vector<std::string> needles = audit::needles_for(c);
  Json attest = Json::object();
  out.tickets = s.store.customers().tickets_of(c.id);
  for (auto id : out.tickets) {
    out.events_sealed += seal_all(a, a.ticket_records(id),
                                  audit::rewrite_for(audit::Scope::own_ticket, needles), attest);
    model::Ticket t = work::require_ticket(s, id);
    if (!t.description.empty()) t.description = audit::kErased;
    s.store.update_ticket(t);
    s.store.ratings().erase_comments(id);
    // The mail they sent, kept as it came, holds them too.
    out.messages_erased += s.store.mail().erase_messages(id);
  }
  out.messages_erased += s.store.mail().erase_messages_from(c.email);
  out.events_sealed += seal_all(a, a.subject_records(fmt::format("customer:{}", c.id)),
                                audit::rewrite_for(audit::Scope::subject, needles), attest);
  out.events_sealed += seal_all(a, a.records_mentioning(needles),
                                audit::rewrite_for(audit::Scope::mention, needles), attest);
  out.rows_scrubbed = a.scrub_everywhere(needles);
  model::Customer gone = model::erased(c);
  gone.updated_at = s.now;
  gone.erased_at = s.now;
  s.store.customers().update(gone);
  model::Event e;
  e.kind = model::EventKind::erased;
  e.subject = fmt::format("customer:{}", c.id);
  e.extra["tickets"] = out.tickets;
  e.extra["sealed"] = std::move(attest);
  work::record_subject(s, std::move(e));
  return out;
}

}  // namespace

Forgotten forget_customer(work::Session& s, const std::string& key) {
  work::require(s.config, s.actor, work::Power::forget);
  model::Customer c = catalog::require_customer(s, key);
  if (c.erased_at)
    throw Refused(fmt::format("customer {} was erased already", c.id),
                  "nothing of them is left to erase");
  return erase(s, c);
}

PurgePlan plan_purge(work::Session& s) {
  PurgePlan p;
  const auto& r = s.config.retention;
  if (r.closed_tickets_seconds > 0) {
    p.tickets_closed_before = s.now - Seconds{r.closed_tickets_seconds};
    p.tickets = s.store.audit().closed_before(to_unix(*p.tickets_closed_before));
  }
  if (r.personal_data_seconds > 0) {
    p.people_quiet_since = s.now - Seconds{r.personal_data_seconds};
    p.customers = s.store.customers().quiet_since(*p.people_quiet_since);
  }
  return p;
}

Purged apply_purge(work::Session& s, const PurgePlan& plan) {
  work::require(s.config, s.actor, work::Power::purge);
  Purged out;
  out.plan = plan;
  for (auto id : plan.customers)
    if (auto c = s.store.customer(id); c && !c->erased_at) erase(s, *c);
  if (plan.tickets.empty() && plan.customers.empty()) return out;
  auto& a = s.store.audit();
  std::int64_t purge_id = a.next_event_id();
  std::vector<audit::Record> tombstones;
  for (auto id : plan.tickets)
    for (auto& r : a.ticket_records(id)) {
      audit::tombstone(r, purge_id);
      a.rewrite(r);
      tombstones.push_back(std::move(r));
    }
  std::sort(tombstones.begin(), tombstones.end(),
            [](const audit::Record& x, const audit::Record& y) { return x.id < y.id; });
  audit::TombstoneDigest digest;
  for (const auto& r : tombstones) digest.add(r);
  for (auto id : plan.tickets) {
    s.store.mail().remove_ticket_messages(id);
    a.remove_ticket(id);
  }
  out.tombstones = digest.count();
  model::Event e;
  e.kind = model::EventKind::purged;
  e.subject = "store";
  e.extra["tickets"] = plan.tickets;
  e.extra["customers"] = plan.customers;
  e.extra["tombstones"] = digest.count();
  e.extra["digest"] = digest.hex();
  if (plan.tickets_closed_before) e.extra["closed_before"] = to_unix(*plan.tickets_closed_before);
  if (plan.people_quiet_since) e.extra["quiet_since"] = to_unix(*plan.people_quiet_since);
  model::Event recorded = work::record_subject(s, std::move(e));
  if (recorded.id != purge_id)
    throw Error(Exit::software, "the purge event did not get the id its tombstones name");
  return out;
}

Verification verify_chain(work::Session& s, const std::string& anchor) {
  Verification v;
  audit::Verifier walker;
  walker.watch(anchor);
  auto& a = s.store.audit();
  for (const auto& r : a.erasing_records()) walker.expect(r);
  a.each_record(0, [&](const audit::Record& r) {
    v.broken = walker.add(r);
    return !v.broken;
  });
  if (!v.broken) v.broken = walker.finish();
  v.events = walker.count();
  v.head_event = walker.head_event();
  v.head = util::hex(walker.head());
  v.anchor_found = walker.saw(anchor);
  return v;
}

void export_chain(work::Session& s, const std::function<void(const Json&)>& line) {
  Zone zone = s.config.zone();
  s.store.audit().each_record(0, [&](const audit::Record& r) {
    Json data = Json::parse(r.data, nullptr, false);
    Json j = {{"id", r.id},
              {"ticket", r.ticket_id ? Json(r.ticket_id) : Json()},
              {"subject", model::text_or_null(r.subject)},
              {"at", format_iso(from_unix(r.at), zone)},
              {"recorded_at", format_iso(from_unix(r.recorded_at), zone)},
              {"actor", r.actor},
              {"kind", r.kind},
              {"data", data.is_discarded() ? Json() : data},
              {"salt", r.salt.empty() ? Json() : Json(util::hex(r.salt))},
              {"sealed", r.sealed.empty() ? Json() : Json::parse(r.sealed, nullptr, false)},
              {"hash", util::hex(r.hash)}};
    line(j);
    return true;
  });
}

}  // namespace desk::compliance
