// Compliance use cases: erasing a person (`desk customer forget`), applying
// retention (`desk purge`), and verifying and exporting the audit chain
// (`desk audit`). The chain's design is in audit/chain.hpp.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "desk/audit/chain.hpp"
#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::compliance {

struct Forgotten {
  std::int64_t customer = 0;
  std::vector<std::int64_t> tickets;  // kept, with the person's words erased
  std::int64_t events_sealed = 0;
  std::int64_t rows_scrubbed = 0;    // other rows that mentioned them
  std::int64_t messages_erased = 0;  // mail from them or on their tickets, emptied
};

// Erases a customer's personal data inside the caller's transaction: their
// record, their words on their tickets, and every mention of their name,
// email or phone anywhere; records an "erased" event. Tickets, times and
// figures stay. Needs the admin role. Call the store's audit().compact()
// after the commit so no copy survives in the file.
Forgotten forget_customer(work::Session& s, const std::string& key);

// What retention removes now.
struct PurgePlan {
  std::optional<Instant> tickets_closed_before;
  std::optional<Instant> people_quiet_since;
  std::vector<std::int64_t> tickets;    // closed before the cut-off: removed
  std::vector<std::int64_t> customers;  // quiet since the cut-off: erased
  bool empty() const { return tickets.empty() && customers.empty(); }
};
PurgePlan plan_purge(work::Session& s);
// Applies the plan inside the caller's transaction (admin role): erases the
// customers, turns the tickets' events into tombstones, removes the tickets,
// and records a "purged" event. Call audit().compact() after the commit.
struct Purged {
  PurgePlan plan;
  std::int64_t tombstones = 0;
};
Purged apply_purge(work::Session& s, const PurgePlan& plan);

struct Verification {
  std::int64_t events = 0;
  std::int64_t head_event = 0;
  std::string head;  // hex
  std::optional<audit::Broken> broken;
  bool anchor_found = false;
};
// Walks the whole chain; `anchor` is a head (hex) recorded earlier, or "".
Verification verify_chain(work::Session& s, const std::string& anchor);

// Every event as a JSON line, oldest first, with its hash.
void export_chain(work::Session& s, const std::function<void(const model::Json&)>& line);

}  // namespace desk::compliance
