// The fixed words of a ticket's life: statuses, pending reasons, event kinds
// and link kinds. Configurable vocabularies (types, channels, ...) live in
// desk.toml instead.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

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

inline const std::vector<std::string> kPendingReasons = {"customer", "supplier", "change"};

inline const std::vector<std::string> kEventKinds = {
    "logged", "edited", "note", "reply", "allocated", "escalated", "status", "resolved", "closed",
    "reopened", "linked", "rated", "hook-failed", "checked",
    // The email channel: a customer's message on a ticket, and a bounce of
    // desk's own mail to them.
    "received", "delivery-failed"};

// Events about the desk itself rather than a ticket (Event::subject says
// what): the catalogue, customers, erasure and retention.
inline const std::vector<std::string> kSubjectEventKinds = {
    "service-added",   "service-edited",  "service-retired", "customer-added",
    "customer-edited", "customer-merged", "erased",          "purged"};

inline const std::vector<std::string> kLinkKinds = {"related", "caused-by", "duplicate-of",
                                                    "parent-of"};

}  // namespace desk::model
