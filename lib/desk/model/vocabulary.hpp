// The fixed words of a ticket's life: statuses, pending reasons, event kinds
// and link kinds. Configurable vocabularies (types, channels, ...) live in
// desk.toml instead.
#pragma once

#include <array>
#include <string_view>

#include "desk/util/words.hpp"

namespace desk::model {

// In lifecycle order (tickets/lifecycle.hpp says which step leads where).
enum class Status { new_, assigned, in_progress, pending, resolved, closed };
constexpr std::array<std::string_view, 6> words_of(Status) {
  return {"new", "assigned", "in-progress", "pending", "resolved", "closed"};
}
// Not yet resolved: "open" in filters means these.
constexpr bool is_open(Status s) {
  return s < Status::resolved;
}
constexpr std::array<Status, 4> kOpenStatuses = {Status::new_, Status::assigned,
                                                 Status::in_progress, Status::pending};

// Who a pending ticket waits on.
enum class PendingReason { customer, supplier, change };
constexpr std::array<std::string_view, 3> words_of(PendingReason) {
  return {"customer", "supplier", "change"};
}

// What an event records. The first sixteen happen to a ticket; the rest are
// about the desk itself (Event::subject says what): the catalogue,
// customers, erasure and retention, the knowledge base.
enum class EventKind {
  logged,
  edited,
  note,
  reply,
  allocated,
  escalated,
  status,
  resolved,
  closed,
  reopened,
  linked,
  rated,
  hook_failed,
  checked,
  // Time worked recorded on its own (desk time --add).
  worked,
  // The email channel: a customer's message on a ticket, and a bounce of
  // desk's own mail to them.
  received,
  delivery_failed,
  service_added,
  service_edited,
  service_retired,
  customer_added,
  customer_edited,
  customer_merged,
  erased,
  purged,
  // A version of a knowledge-base article saved (kb/actions.hpp).
  article_version,
  // A technician's absence recorded, and cancelled (tickets/absences.hpp).
  away,
  away_cancelled
};
constexpr std::array<std::string_view, 28> words_of(EventKind) {
  return {"logged",          "edited",          "note",
          "reply",           "allocated",       "escalated",
          "status",          "resolved",        "closed",
          "reopened",        "linked",          "rated",
          "hook-failed",     "checked",         "worked",
          "received",        "delivery-failed", "service-added",
          "service-edited",  "service-retired", "customer-added",
          "customer-edited", "customer-merged", "erased",
          "purged",          "article-version", "away",
          "away-cancelled"};
}
constexpr bool is_ticket_event(EventKind k) {
  return k <= EventKind::delivery_failed;
}

// How one ticket relates to another. "related" goes both ways; the others
// have a direction (effect → cause, duplicate → original, parent → child).
enum class LinkKind { related, caused_by, duplicate_of, parent_of };
constexpr std::array<std::string_view, 4> words_of(LinkKind) {
  return {"related", "caused-by", "duplicate-of", "parent-of"};
}
// How a link reads from the other ticket's side.
constexpr std::string_view inverse_name(LinkKind k) {
  switch (k) {
    case LinkKind::related:
      return "related";
    case LinkKind::caused_by:
      return "causes";
    case LinkKind::duplicate_of:
      return "duplicated-by";
    case LinkKind::parent_of:
      return "child-of";
  }
  return "related";
}
// Whether links of this kind must never form a cycle: by what they mean,
// a directed kind can never lead back to where it started.
constexpr bool is_acyclic(LinkKind k) {
  return k != LinkKind::related;
}

}  // namespace desk::model
