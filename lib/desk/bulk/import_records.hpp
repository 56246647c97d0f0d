// Matching the rows of an import to what the store holds, and writing them
// (internal to lib/desk/bulk/import*.cpp): tickets by id or external id,
// customers by id, email or name, ratings, links, routing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "desk/bulk/import.hpp"
#include "desk/bulk/import_values.hpp"
#include "desk/model/customer.hpp"
#include "desk/store/audit_store.hpp"

namespace desk::bulk {

// One import's writing side: used only from the writing thread.
struct Importer {
  work::Session& s;
  std::string source;
  std::int64_t last_event = 0;  // ids up to this were taken before the import
  ImportResult out;
  std::int64_t newest = 0;                          // the highest event id written so far
  bool out_of_order = false;                        // an event kept an id below `newest`
  std::pair<std::int64_t, std::string> resolver{};  // ticket, who last resolved it
  bool routing = true;                              // another tool's rows without a team are routed
  // Customers added for desk's own histories: their customer-added events
  // are written after every row, so that no id the file keeps is taken.
  std::vector<model::Customer> added_customers{};

  // A "rated" event stands for a row of ratings too (desk rate writes both),
  // so that desk report csat counts imported ratings.
  void rating(const model::Event& e, std::int64_t ticket_id);

  // Writes `e` (its ticket and, unless kept, its id set here).
  void append(model::Event& e, std::int64_t ticket_id, const store::PreparedEvent* ready = nullptr);

  // The file's customer: the store's customer with the same id when it is
  // the same person (name and email), else the one with the same email
  // (emails are unique; names are not), else a new customer, keeping the
  // file's id when it is free (see added_customers).
  std::int64_t customer_for(const Parsed& p);

  // `prepared`: the events made ready for the audit chain on the parsing
  // thread (empty, or one per event, null where an id was not kept).
  void history(Parsed& p, std::vector<std::optional<store::PreparedEvent>>& prepared);

  // Another tool's row seen before: its editable fields, changed by an
  // `edited` event as `desk edit` would; everything else stays.
  void update(const Parsed& p, const Values& v, std::int64_t id);

  // Another tool's customer: by `customer` as `desk log -c` finds or adds
  // one; by its columns, the customer with that email (whose name must then
  // be the row's: one email is one person), else a new customer with them.
  std::int64_t customer_of_row(const Parsed& p);

  // A row that names no team or technician gets the team `desk allocate
  // --auto` would route it to (the first [[routing]] rule it matches, else
  // the first-line team), allocated when it was logged: else workload and
  // team reports would never see it.
  void route_to_team(Parsed& p, std::int64_t customer_id);
  // Another tool's row: an update of the ticket with its external id, else a
  // new ticket with its customer and team.
  void other(Parsed& p, const Row& row);
};

}  // namespace desk::bulk
