// SqlStore: the Store written once in SQL, over sql::Connection, for every
// backend. A backend derives from it and supplies what its engine does its
// own way: the write lock, a read snapshot, the checks, the knowledge base's
// index, the audit's erasure, and the translation of its errors.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "desk/audit/chain.hpp"
#include "desk/core/error.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/mail_store.hpp"
#include "desk/store/sql/statement.hpp"
#include "desk/store/store.hpp"

namespace desk::store::sql {

class SqlStore : public Store {
 public:
  explicit SqlStore(std::unique_ptr<Connection> db);

  std::optional<Ticket> find_ticket(std::int64_t id) override;
  std::optional<std::int64_t> find_ticket_id_by_external(std::string_view external_id) override;
  std::int64_t insert_ticket(const Ticket& t) override;
  void update_ticket(const Ticket& t) override;
  void each_ticket(const Query& q, const Ordering& order,
                   const std::function<bool(const Ticket&)>& row) override;
  std::int64_t count_tickets(const Query& q, std::int64_t at_most) override;

  std::int64_t append_event(const Event& e) override;
  std::int64_t append_prepared(const Event& e, const PreparedEvent& ready) override;
  std::vector<Event> ticket_events(std::int64_t ticket_id) override;
  void each_ticket_with_events(
      const Query& q,
      const std::function<bool(const Ticket&, const std::vector<Event>&)>& row) override;
  void each_ticket_with_stored_events(
      const Query& q, const std::function<bool(Ticket&, std::span<StoredEvent>)>& row) override;
  std::int64_t last_event_id() override;

  bool add_link(const Link& link) override;
  std::vector<Link> links_of(std::int64_t ticket_id) override;
  std::optional<std::string> round_robin_cursor(std::string_view team) override;
  void set_round_robin_cursor(std::string_view team, std::string_view assignee) override;

  std::optional<model::Customer> find_customer(std::string_view id_email_or_name) override;
  std::optional<model::Customer> customer(std::int64_t id) override;
  std::int64_t insert_customer(const model::Customer& c) override;

  CatalogStore& catalog() override;     // catalog_sql.cpp
  CustomerStore& customers() override;  // customers_sql.cpp
  RatingStore& ratings() override;      // ratings_sql.cpp
  MailStore& mail() override;           // mail_sql.cpp
  ReportStore& reports() override;      // report_sql.cpp

  Connection& sql() { return *db_; }
  // A prepared statement for `sql`, kept for the life of the store (bulk
  // commands reuse it), reset and with no bindings.
  Statement& statement(const char* sql);
  // Resets every kept statement, so none holds a read open (VACUUM needs that).
  void reset_statements();
  // Runs `f`, turning the engine's exceptions into desk's (busy, I/O,
  // corrupt...); desk's own pass as they are.
  template <typename F>
  auto guarded(F&& f) -> decltype(f());

  // A read of several statements that all see one state of the store, even
  // while others write; nothing when inside a write.
  virtual void begin_snapshot() = 0;
  virtual void end_snapshot() noexcept = 0;

  // For a copy of a whole store into this one (copy.hpp), inside its write
  // transaction: every row of every table removed, and, once the rows are
  // in, whatever the engine needs to go on from the ids they brought.
  virtual void remove_every_row();
  virtual void after_copy();

 protected:
  // Rethrows the exception being handled: an engine's as desk's error,
  // anything else as it is.
  [[noreturn]] virtual void translate_current() const = 0;

 private:
  // append_event, using `ready` when it stands (append_prepared).
  std::int64_t append(const Event& e, const PreparedEvent* ready);
  void write_tags(const Ticket& t);

  std::unique_ptr<Connection> db_;
  // After the connection, so that they are finalised before it closes.
  std::map<const char*, Statement> statements_;
  std::unique_ptr<ReportStore> reports_;
  std::unique_ptr<CatalogStore> catalog_;
  std::unique_ptr<CustomerStore> customers_;
  std::unique_ptr<RatingStore> ratings_;
  std::unique_ptr<MailStore> mail_;
};

// Several statements that all see one state of the store, even while other
// processes write: begin_snapshot() now, end_snapshot() when it goes.
class Snapshot {
 public:
  explicit Snapshot(SqlStore& s) : s_(s) { s_.begin_snapshot(); }
  ~Snapshot() { s_.end_snapshot(); }
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

 private:
  SqlStore& s_;
};

template <typename F>
auto SqlStore::guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (...) {
    translate_current();
    throw;  // not reached: g++ does not trust [[noreturn]] through a virtual call
  }
}

// Ticket row ↔ Ticket, shared by every query that returns tickets.
extern const char* const kTicketColumns;
// Reads kTicketColumns starting at column `first`.
Ticket ticket_from_row(Statement& st, int first = 0);
// The same into a reused `t` (`scratch`: a buffer for the tags), for loops
// over many rows.
void ticket_from_row(Statement& st, int first, Ticket& t, std::string& scratch);

// An optional time as its Unix seconds, or NULL; and back.
void bind_time(Statement& st, int i, const std::optional<Instant>& t);
std::optional<Instant> time_column(const Statement& st, int c);

// Event row ↔ Event: kEventColumns (alias e) read from column `first` on.
extern const char* const kEventColumns;
Event event_from_row(Statement& st, int first);

// Column `c` into `out` when it holds a digest (a hash): false when it
// holds anything else, NULL included.
bool read_digest(const Statement& st, int c, audit::Digest& out);

// The key of desk's signed Message-IDs, made when the store is, from the
// kernel's random source (SQL's random functions are not meant for keys).
void make_mail_secret(Connection& db);

}  // namespace desk::store::sql
