// What reports read from the store: tickets with their timeline marks (the
// ticket row's own timeline column, tickets/timeline.hpp), and counts of
// tickets logged per span of time. Shaped for reports over a million tickets: one
// pass, memory flat, no event JSON parsed.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "desk/model/ticket.hpp"

namespace desk::store {

// Which tickets a report reads; every condition given must hold. Tickets
// come in id order.
struct ReportSelection {
  // Logged in [logged_since, logged_until).
  std::optional<Instant> logged_since;
  std::optional<Instant> logged_until;
  // Possibly open at some instant at or after `open_since`: open now, or
  // resolved (last) at or after it.
  std::optional<Instant> open_since;
  // Changed at or after `updated_since` (its latest event is no older).
  std::optional<Instant> updated_since;
  // Resolved, as the store stands, in [first, second): not reopened since.
  std::optional<std::pair<Instant, Instant>> resolved_in;
  // Fill in the ticket's timeline marks (else the list is empty).
  bool marks = true;
  // Fill in the title and the resolution code (else they stay empty): a
  // report that lists a few tickets reads their titles with find_ticket.
  bool titles = true;
  // Fill in customer_name, customer_email, customer_tier and tags: only --by
  // customer and SLA rules on customers, tiers or tags need them, and they
  // cost a join each. (service_sla is always filled: policies need it.)
  bool details = false;
};

// Tickets logged in one slot of a count_logged() answer with one value.
struct SlotCount {
  std::int64_t slot = 0;  // (created_at - origin) / slot_seconds
  std::string value;      // the field's value ("" for none)
  std::int64_t count = 0;
};

class ReportStore {
 public:
  virtual ~ReportStore() = default;

  // Streams the tickets `s` selects until `row` returns false. Only the
  // fields reports use are filled: description, resolution text, workaround,
  // supplier and external id stay empty. The ticket is the reader's own and
  // the fields it fills are read afresh for each row, so `row` may change
  // them in place (report::set_history does) rather than copy the ticket.
  // `row` runs on the calling thread while the store is read ahead on a
  // second one: it must not use the store itself.
  virtual void each_ticket(
      const ReportSelection& s,
      const std::function<bool(model::Ticket&, const std::vector<model::Mark>&)>& row) = 0;

  // Tickets logged in [since, until), counted per slot of `slot_seconds`
  // from `since` and per value of `field`: one of report::group_fields(),
  // "tag" (per tag: a ticket with several counts in each, one with none
  // under ""), "tag:PREFIX" (per tag starting with PREFIX), or "" for no
  // field (value ""). Order: slot, then value.
  virtual std::vector<SlotCount> count_logged(Instant since, Instant until,
                                              std::int64_t slot_seconds,
                                              const std::string& field) = 0;

  // The time of the store's latest event of any kind, if it has one. A
  // report as of an instant no earlier may trust the tickets' columns (who
  // is resolved, since when) rather than replay each timeline up to it.
  virtual std::optional<Instant> latest_event_at() = 0;
};

}  // namespace desk::store
