// desk import: tickets from a file, all or nothing.
//
// Two shapes of row, told apart by an `events` array:
//  - desk's own export (`desk export`): a ticket with its whole history. The
//    events are replayed exactly (ids, times, actors, kinds, changes, text)
//    and the row must equal their replay. Ticket and event ids are kept, so
//    that export | import into an empty store reproduces the store.
//  - another tool's tickets, without events: fields such as external_id,
//    type, title, created_at, customer, status, assignee, first_response_at,
//    resolved_at, closed_at. desk writes the events a technician would have
//    produced (logged at created_at, allocated, a reply at the first
//    response, resolved, closed), so service levels and reports work on the
//    imported history.
// Every value is checked against the configuration as `desk log` checks it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "desk/bulk/bad_rows.hpp"
#include "desk/bulk/rows.hpp"
#include "desk/config/model.hpp"
#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::bulk {

// What parsing a row needs: no store, so that it can be fuzzed on its own.
struct ParseContext {
  const config::Config& config;
  Zone zone;
  Instant now;
  std::string actor;
};

// One row, checked and turned into a ticket and its events.
struct Parsed {
  std::size_t line = 0;
  bool history = false;              // desk's own shape: events from the file
  model::Ticket ticket;              // history: the file's row; else the replay of `events`
  std::vector<model::Event> events;  // oldest first; ticket ids filled in when stored
  // The customer: history rows name the customer by the id in the file and
  // its email and name; other rows by one key (an email or a name), or by
  // the columns customer_name, customer_email, customer_phone, organisation.
  std::string customer_key;
  std::string customer_name;
  std::string customer_email;
  std::string customer_phone;
  std::string organisation;
};

// Checks a row and builds what it will store. Throws DataError starting
// "line N: " for anything wrong.
Parsed parse_row(const Row& row, const ParseContext& ctx);

// The columns another tool's rows may have, in the order desk documents them.
const std::vector<std::string>& import_columns();

struct Progress {
  std::uint64_t bytes = 0;  // of the file, read so far
  std::int64_t rows = 0;
};

struct ImportResult {
  std::int64_t created = 0;
  std::int64_t updated = 0;  // another tool's row that changed: an `edited` event
  std::int64_t skipped = 0;  // already there, unchanged (or closed)
  std::int64_t events = 0;   // events written
};

// Imports every row inside the caller's WriteTransaction (the caller commits,
// or rolls back for a dry run). `source` names the file in the reason of
// edits. `progress` is called now and then. Checks every row before it
// returns: throws BadRows naming each bad one (the caller must then roll back).
struct ImportOptions {
  bool route = true;  // another tool's rows without a team get one by [[routing]]
};

ImportResult import_rows(work::Session& s, RowReader& rows, const std::string& source,
                         const ImportOptions& options = {},
                         const std::function<void(const Progress&)>& progress = {});

}  // namespace desk::bulk
