// The store's interface: what desk keeps, in the domain's words (tickets,
// events, customers), not SQL. Backends implement it (store/sqlite/; a
// PostgreSQL one would go beside it), and store/open/ opens one by
// location: nothing else above the backends knows which one it has.
// Every write happens inside a WriteTransaction; readers never take the
// write lock.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "desk/audit/chain.hpp"
#include "desk/model/customer.hpp"
#include "desk/model/ticket.hpp"
#include "desk/model/timeline.hpp"
#include "desk/store/report_store.hpp"

namespace desk::store {

using model::Event;
using model::Link;
using model::Query;
using model::Ticket;

// An event as the events table holds it: its changes, text and whatever
// else it carries still the JSON text desk wrote, in the shape
// {"changes": {"field": [from, to], ...}, "text": "...", ...extra}.
struct StoredEvent {
  std::int64_t id = 0;
  std::int64_t ticket_id = 0;  // 0: an event about the desk itself
  std::int64_t at = 0;         // Unix seconds
  std::int64_t recorded_at = 0;
  std::string actor;
  std::string kind;
  std::string data;
  std::string subject;
};

// The event it stands for, and back.
Event decode(const StoredEvent& e);
StoredEvent encode(const Event& e);

// An event made ready for the audit chain ahead of being written: its data
// encoded, salted and its content digested (audit/chain.hpp), as the event
// with id record.id. Only the link to the previous event is left, which is
// what lets a bulk import do this on a second thread.
struct PreparedEvent {
  audit::Record record;
  audit::Digest content{};
};
// `e` must carry the id it will be written with. Any thread may call it.
PreparedEvent prepare_event(const Event& e);

// Something wrong the store found in itself (desk doctor): where, and what.
struct Problem {
  std::string where;  // "table tickets", "ticket 42", "page 1234"
  std::string what;
};

// How a query orders priorities and statuses (their configured order, not
// alphabetical).
struct Ordering {
  std::vector<std::string> priorities;
};

class Store {
 public:
  virtual ~Store() = default;

  // Write transactions queue behind each other (BEGIN IMMEDIATE) for up to
  // the busy timeout, then fail with StoreBusy.
  virtual void begin_write() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;

  // Tickets: the current state of each.
  virtual std::optional<Ticket> find_ticket(std::int64_t id) = 0;
  virtual std::optional<std::int64_t> find_ticket_id_by_external(std::string_view external_id) = 0;
  // Inserts a ticket (its id when non-zero, else the next one) with its tags.
  virtual std::int64_t insert_ticket(const Ticket& t) = 0;
  // Rewrites the ticket's row and tags.
  virtual void update_ticket(const Ticket& t) = 0;
  // Streams the tickets `q` selects, in its order, until `row` returns false.
  virtual void each_ticket(const Query& q, const Ordering& order,
                           const std::function<bool(const Ticket&)>& row) = 0;
  // How many tickets `q` selects, counting no further than `at_most` (0: all):
  // "more than 10,000" costs a fixed amount, an exact count of a million does not.
  virtual std::int64_t count_tickets(const Query& q, std::int64_t at_most) = 0;

  // each_ticket with each ticket's timeline marks (model::Mark) decoded,
  // oldest first: what service levels measure. The tickets are lean: their
  // description, resolution and workaround are left out.

  void each_ticket_timeline(
      const Query& q,
      const std::function<bool(const Ticket&, const std::vector<model::Mark>&)>& row);

  // Events: a ticket's history, oldest first. An event with a non-zero id
  // keeps it (an imported history); otherwise it gets the next one.
  virtual std::int64_t append_event(const Event& e) = 0;
  // append_event with prepare_event(e) done already. `ready` is used when it
  // is of this event with the id the event gets; otherwise it is made again.
  virtual std::int64_t append_prepared(const Event& e, const PreparedEvent& ready) = 0;
  virtual std::vector<Event> ticket_events(std::int64_t ticket_id) = 0;
  // The highest event id in use (0 when there are none).
  virtual std::int64_t last_event_id() = 0;

  // Streams the tickets `q` selects in id order (sorting and limits in `q`
  // are ignored), each with its whole history oldest first, all from one
  // snapshot of the store, until `row` returns false. Memory stays flat.
  virtual void each_ticket_with_events(
      const Query& q, const std::function<bool(const Ticket&, const std::vector<Event>&)>& row) = 0;
  // The same, each event as stored (decode() makes an Event of one): for a
  // reader that passes history on rather than use it (desk export), and
  // cannot afford to decode millions of events into JSON values. `row` may
  // take the ticket and the events' contents (move or swap them out): the
  // store reads neither again.
  virtual void each_ticket_with_stored_events(
      const Query& q, const std::function<bool(Ticket&, std::span<StoredEvent>)>& row) = 0;

  // Inside a write transaction: references between rows (a ticket that
  // duplicates one later in an imported file) are checked when it commits
  // rather than at each change. The commit fails if one is left dangling.
  virtual void defer_references() = 0;

  // The store's own checks (desk doctor): the file's structure (quick: the
  // cheaper check that skips matching indexes against their tables), and
  // rows that refer to rows that do not exist. Empty when all is well.
  virtual std::vector<Problem> check_integrity(bool quick) = 0;
  virtual std::vector<Problem> check_references() = 0;

  // Relations between tickets, in both directions (links_of returns the
  // links where the ticket is either side).
  virtual bool add_link(const Link& link) = 0;  // false when it existed
  virtual std::vector<Link> links_of(std::int64_t ticket_id) = 0;

  // Round-robin allocation: who in `team` received the last ticket.
  virtual std::optional<std::string> round_robin_cursor(std::string_view team) = 0;
  virtual void set_round_robin_cursor(std::string_view team, std::string_view assignee) = 0;

  // Customers.
  virtual std::optional<model::Customer> find_customer(std::string_view id_email_or_name) = 0;
  virtual std::optional<model::Customer> customer(std::int64_t id) = 0;
  virtual std::int64_t insert_customer(const model::Customer& c) = 0;
  virtual class KbStore& kb() = 0;               // the knowledge base: kb_store.hpp
  virtual class AuditStore& audit() = 0;         // the audit chain, erasure: audit_store.hpp
  virtual class CatalogStore& catalog() = 0;     // services, checklists: catalog_store.hpp
  virtual class CustomerStore& customers() = 0;  // customers beyond lookup: catalog_store.hpp
  virtual class RatingStore& ratings() = 0;      // satisfaction: catalog_store.hpp
  virtual class MailStore& mail() = 0;           // the email channel: mail_store.hpp

  virtual const std::filesystem::path& path() const = 0;

  // What reports read (report_store.hpp).
  virtual ReportStore& reports() = 0;
};

// Rolls back unless commit() was called: every write is all-or-nothing.
class WriteTransaction {
 public:
  explicit WriteTransaction(Store& s) : store_(s) { store_.begin_write(); }
  ~WriteTransaction() {
    if (!done_) store_.rollback();
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit() {
    store_.commit();
    done_ = true;
  }

 private:
  Store& store_;
  bool done_ = false;
};

enum class Access { read, write };

// What a store file holds, as a backup or restore reports it.
struct FileInfo {
  int schema = 0;            // the schema version (SQLite: PRAGMA user_version)
  std::int64_t tickets = 0;  // how many tickets it holds
};

}  // namespace desk::store
