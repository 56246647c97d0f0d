// SqliteStore: the SQLite implementation of Store. Internal to store/sqlite/;
// the rest of desk sees only store.hpp, through store/open/.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "desk/audit/chain.hpp"
#include "desk/core/error.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/kb_store.hpp"
#include "desk/store/mail_store.hpp"
#include "desk/store/sql/statement.hpp"
#include "desk/store/sqlite/sql_connection.hpp"
#include "desk/store/store.hpp"

namespace desk::store::sqlite {

class SqliteStore final : public Store {
 public:
  SqliteStore(std::filesystem::path path, std::unique_ptr<SQLite::Database> db,
              std::chrono::milliseconds busy_timeout);

  void begin_write() override;
  void commit() override;
  void rollback() noexcept override;

  std::optional<Ticket> find_ticket(std::int64_t id) override;
  std::optional<std::int64_t> find_ticket_id_by_external(std::string_view external_id) override;
  std::int64_t insert_ticket(const Ticket& t) override;
  void update_ticket(const Ticket& t) override;
  void each_ticket(const Query& q, const Ordering& order,
                   const std::function<bool(const Ticket&)>& row) override;
  std::int64_t count_tickets(const Query& q) override;

  std::int64_t append_event(const Event& e) override;
  std::int64_t append_prepared(const Event& e, const PreparedEvent& ready) override;
  std::vector<Event> ticket_events(std::int64_t ticket_id) override;
  void each_ticket_with_events(
      const Query& q,
      const std::function<bool(const Ticket&, const std::vector<Event>&)>& row) override;
  void each_ticket_with_stored_events(
      const Query& q, const std::function<bool(Ticket&, std::span<StoredEvent>)>& row) override;
  void defer_references() override;
  std::int64_t last_event_id() override;
  std::vector<Problem> check_integrity(bool quick) override;
  std::vector<Problem> check_references() override;

  bool add_link(const Link& link) override;
  std::vector<Link> links_of(std::int64_t ticket_id) override;
  std::optional<std::string> round_robin_cursor(std::string_view team) override;
  void set_round_robin_cursor(std::string_view team, std::string_view assignee) override;

  std::optional<model::Customer> find_customer(std::string_view id_email_or_name) override;
  std::optional<model::Customer> customer(std::int64_t id) override;
  std::int64_t insert_customer(const model::Customer& c) override;

  KbStore& kb() override;               // kb_sql.cpp
  AuditStore& audit() override;         // audit_sql.cpp
  CatalogStore& catalog() override;     // catalog_sql.cpp
  CustomerStore& customers() override;  // customers_sql.cpp
  RatingStore& ratings() override;      // ratings_sql.cpp
  MailStore& mail() override;           // mail_sql.cpp

  const std::filesystem::path& path() const override { return path_; }
  ReportStore& reports() override;  // report_sql.cpp

  SQLite::Database& db() { return *db_; }
  sql::Connection& sql() { return sql_; }
  // A prepared statement for `sql`, kept for the life of the store (bulk
  // commands reuse it), reset and with no bindings.
  sql::Statement& statement(const char* sql);
  // Resets every kept statement, so none holds a read open (VACUUM needs that).
  void reset_statements();
  // Runs `f`, turning SQLite's exceptions into desk's (busy, I/O, corrupt...).
  template <typename F>
  auto guarded(F&& f) -> decltype(f());

 private:
  // append_event, using `ready` when it stands (append_prepared).
  std::int64_t append(const Event& e, const PreparedEvent* ready);
  [[noreturn]] void translate(const SQLite::Exception& e) const;
  void write_tags(const Ticket& t);

  std::filesystem::path path_;
  std::unique_ptr<SQLite::Database> db_;
  SqlConnection sql_;
  std::chrono::milliseconds busy_timeout_;
  std::map<const char*, sql::Statement> statements_;
  std::unique_ptr<KbStore> kb_;
  std::unique_ptr<ReportStore> reports_;
  std::unique_ptr<AuditStore> audit_;
  std::unique_ptr<CatalogStore> catalog_;
  std::unique_ptr<CustomerStore> customers_;
  std::unique_ptr<RatingStore> ratings_;
  std::unique_ptr<MailStore> mail_;
};

template <typename F>
auto SqliteStore::guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    translate(e);
  }
}

// Ticket row ↔ Ticket, shared by every query that returns tickets.
extern const char* const kTicketColumns;
// Reads kTicketColumns starting at column `first`.
Ticket ticket_from_row(sql::Statement& st, int first = 0);
// The same into a reused `t` (`scratch`: a buffer for the tags), for loops
// over many rows.
void ticket_from_row(sql::Statement& st, int first, Ticket& t, std::string& scratch);

// Process-wide SQLite settings, applied once before the first connection.
void configure_sqlite();
// Makes `db` wait up to `timeout` for another connection's lock, polling
// every few milliseconds (SQLite's own wait sleeps up to 100 ms between
// tries, and a waiter that sleeps that long loses the lock to newcomers).
void wait_when_busy(SQLite::Database& db, std::chrono::milliseconds timeout);

// What desk checks before SQLite touches a store file, so that what it
// refuses it leaves exactly as it found it (open_file.cpp).
// StoreError unless `path` is a regular file that is not empty.
void require_store_file(const std::filesystem::path& path);
StoreError empty_store(const std::filesystem::path& path);
// StoreError naming what is read-only (the file, its -wal or -shm, or its
// directory when they are to be made) unless this process may write the
// store: SQLite would fail only after making files with modes of its choice.
void require_writable(const std::filesystem::path& path);
// A connection to a store file. A reader that could not write the file or
// its directory, where no write-ahead log is, reads the file as immutable
// (makes no -wal or -shm beside it).
std::unique_ptr<SQLite::Database> open_database(const std::filesystem::path& path, Access access,
                                                std::chrono::milliseconds busy_timeout);
// What an open file holds, read without changing it; StoreError for a
// foreign database or one from a newer desk.
enum class Holds { nothing, older_store, store };
Holds recognise(SQLite::Database& db, const std::filesystem::path& path);

// Work a migration needs beyond its SQL (migrate_steps.cpp), run inside the
// migration's transaction right after the SQL of `version`.
void after_migration(int version, sql::Connection& db);

// Event row ↔ Event: kEventColumns (alias e) read from column `first` on.
extern const char* const kEventColumns;
Event event_from_row(sql::Statement& st, int first);

// For a bulk import in this connection's transaction (open.cpp, where
// pragmas live): references checked at commit, and a page cache large
// enough that a big transaction does not spill to the WAL page by page.
void set_bulk_pragmas(SQLite::Database& db);

// Registers desk's SQL functions (desk_contains: case- and accent-blind
// substring) on a connection.
void register_functions(SQLite::Database& db);
// desk_scrub and desk_mentions: erasure's matching in SQL (audit_sql.cpp).
void register_erasure_functions(SQLite::Database& db);

// Chains the events after event `after` in id order, after its hash (the
// genesis for 0), giving a salt to each that has none (audit_sql.cpp).
// Migration 4 chains a store's existing events with it.
// Column `c` into `out` when it holds a digest (a hash): false when it
// holds anything else, NULL included.
bool read_digest(const sql::Statement& st, int c, audit::Digest& out);
void chain_events_after(sql::Connection& db, std::int64_t after);

// Every version of every article, by article and number, as save_version
// wrote it (kb_sql.cpp): the migration to version 9 records each as an event.
void each_stored_version(sql::Connection& db,
                         const std::function<void(const model::ArticleVersion&)>& row);

}  // namespace desk::store::sqlite
