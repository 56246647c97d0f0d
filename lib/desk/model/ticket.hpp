// A ticket, an event, and the query that selects tickets: plain values passed
// between the store, the use cases and the renderers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "desk/core/time.hpp"
#include "desk/model/vocabulary.hpp"

namespace desk::model {

using Json = nlohmann::ordered_json;

// The current state of a ticket: a projection of its events (see fields.hpp,
// apply()). The store keeps it as a row so that reading is fast.
struct Ticket {
  std::int64_t id = 0;
  std::string external_id;
  std::string type;
  std::string title;
  std::string description;
  Status status = Status::new_;
  std::optional<PendingReason> pending_reason;  // while pending
  std::string priority;
  std::string impact;
  std::string urgency;
  std::int64_t customer_id = 0;  // 0: none
  std::string channel;
  std::string category;
  std::string service;
  std::vector<std::string> tags;
  std::string assignee;
  std::string team;
  int tier = 0;              // the tier of the team holding the ticket; 0 before any team
  int escalation_level = 0;  // how many times it has been escalated
  std::string supplier;
  std::string supplier_ref;
  bool flagged = false;  // hierarchical escalation: the manager has been told
  std::string resolution_code;
  std::string resolution;
  std::string workaround;
  std::string service_sla;  // the SLA policy the ticket's service brings
  std::string outcome;      // complaints: upheld | partly-upheld | not-upheld
  std::string root_cause;   // complaints
  std::string action;       // complaints: the action taken
  std::int64_t duplicate_of = 0;
  int reopen_count = 0;
  Instant created_at{};
  Instant updated_at{};
  std::optional<Instant> first_response_at;
  std::optional<Instant> resolved_at;
  std::optional<Instant> closed_at;
  // The marks service levels read (timeline.hpp), in event order.
  std::string timeline;

  // Joined for display, not part of the projection.
  std::string customer_name;
  std::string customer_email;
  std::string customer_tier;
};

// One field's change, old → new, as JSON values (null for "none").
struct Change {
  std::string field;
  Json from;
  Json to;
};

// One entry in a ticket's append-only history.
struct Event {
  std::int64_t id = 0;
  std::int64_t ticket_id = 0;  // 0: an event about the desk itself (see subject)
  std::string subject;         // "customer:12", "service:email", "store"; "" for ticket events
  Instant at{};                // when it happened (--at), shown in the timeline
  Instant recorded_at{};       // when desk wrote it
  std::string actor;
  EventKind kind{};  // set by whoever makes the event
  std::vector<Change> changes;
  std::string text;             // note body, reason, resolution
  Json extra = Json::object();  // what else the kind carries: channel, link, hook, ...

  const Change* change(std::string_view field) const {
    for (const auto& c : changes)
      if (c.field == field) return &c;
    return nullptr;
  }
  // Time worked that this event records (extra "worked_seconds"; negative
  // for a correction), 0 when none.
  std::int64_t worked() const {
    auto it = extra.find(kWorkedKey);
    return it != extra.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
  }
  static constexpr const char* kWorkedKey = "worked_seconds";
};

// What service levels need from one event: its kind and time, and the
// status, team and assignee it set (when it changed them). Far cheaper to
// read than whole events when a report measures a million tickets.
struct Mark {
  EventKind kind{};
  Instant at{};
  std::optional<Status> status;         // the new status, when it changed
  std::optional<std::string> team;      // the new team ("" for none), when it changed
  std::optional<std::string> assignee;  // the new assignee ("" for none), when it changed
  std::string rule;                     // the escalation rule that caused it, if any
  std::int64_t worked = 0;              // time worked the event records (seconds), if any
  std::string actor;                    // who worked it: set only with `worked`
};

// A relation between two tickets, seen from `ticket_id`.
struct Link {
  std::int64_t ticket_id = 0;
  std::int64_t other_id = 0;
  LinkKind kind{};
  Instant at{};
  std::string actor;
};

struct SortKey {
  std::string field;
  bool descending = false;
};

// What `desk list` and every bulk command select. Empty lists mean "any".
struct Query {
  std::vector<Status> statuses;
  std::vector<std::string> types;
  std::vector<std::string> priorities;
  std::vector<std::string> assignees;  // "none" matches unassigned
  std::vector<std::string> teams;      // "none" matches no team
  std::vector<std::string> customers;  // id, email or name
  std::vector<std::string> channels;
  std::vector<std::string> categories;
  std::vector<std::string> services;
  std::vector<std::string> tags;  // every tag must be present
  std::vector<std::int64_t> ids;
  std::optional<Instant> created_since;  // inclusive
  std::optional<Instant> created_until;  // exclusive
  std::optional<Instant> updated_since;
  std::optional<Instant> resolved_since;
  std::optional<Instant> resolved_until;
  std::vector<std::string> words;  // each must appear in title or description (any case)
  std::optional<int> min_tier;
  std::optional<bool> escalated;
  std::vector<SortKey> sort;  // default: id ascending
  bool any_order = false;     // with no sort: whatever order is fastest (aggregates)
  bool lean = false;          // leave out description, resolution and workaround (read as "")

  std::int64_t limit = 0;  // 0: no limit
  std::int64_t offset = 0;
};

}  // namespace desk::model
