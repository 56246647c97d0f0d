// The fixed words of a ticket's life: statuses, pending reasons, event kinds
// and link kinds. Configurable vocabularies (types, channels, ...) live in
// desk.toml instead.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace desk::model {

// In lifecycle order. "open" in filters means every status before resolved.
inline const std::vector<std::string> kStatuses = {"new",     "assigned", "in-progress",
                                                   "pending", "resolved", "closed"};
inline bool is_open_status(std::string_view s) {
  return s != "resolved" && s != "closed";
}

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
