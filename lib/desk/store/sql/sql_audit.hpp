// The audit chain's part of SqlStore: reading events as audit::Records, the
// rewrites erasure and purges make, and re-chaining. A backend derives from
// it for what its engine does its own way: finding mentions, scrubbing every
// table, erasing securely, compacting, and the tables that refer to tickets.
#pragma once

#include <string>
#include <vector>

#include "desk/store/audit_store.hpp"
#include "desk/store/sql/sql_store.hpp"

namespace desk::store::sql {

// The statements that read events by subject (exposed so that a test can
// check that the subject index serves them).
extern const char* const kSubjectRecords;
extern const char* const kSubjectPrefixRecords;

class SqlAudit : public AuditStore {
 public:
  explicit SqlAudit(SqlStore& s) : s_(s) {}

  void each_record(std::int64_t after,
                   const std::function<bool(const audit::Record&)>& row) override;
  std::vector<audit::Record> erasing_records() override;
  std::vector<audit::Record> ticket_records(std::int64_t ticket_id) override;
  std::vector<audit::Record> subject_records(std::string_view subject) override;
  void each_subject_record(std::string_view prefix,
                           const std::function<bool(const audit::Record&)>& row) override;
  std::int64_t next_event_id() override;
  void rewrite(const audit::Record& r) override;
  std::vector<std::int64_t> closed_before(std::int64_t unix_before) override;
  void remove_ticket(std::int64_t id) override;
  void rechain_after(std::int64_t id) override;

 protected:
  // A column of a table that refers to tickets.
  struct Reference {
    std::string table, column;
    bool required = false;  // NOT NULL: the row goes; else the reference is cleared
  };
  // Every column of any table that refers to tickets, read from the schema
  // so that tables added by later migrations are covered too.
  virtual std::vector<Reference> references_to_tickets() = 0;
  // Before a statement that changes or removes events, in the transaction.
  virtual void before_rewriting_history() {}

  // The records `sql` selects, with `value` bound to ?1 when not empty.
  std::vector<audit::Record> list(const char* sql, const std::string& value);

  SqlStore& s_;

 private:
  std::vector<Reference> references_;
  bool references_read_ = false;
};

// The columns record_from_row reads, in its order.
extern const char* const kRecordColumns;
// An events row (id, ticket_id, at, recorded_at, actor, kind, data,
// subject, salt, sealed, hash) as the chain sees it.
audit::Record record_from_row(Statement& st);
// An identifier quoted for SQL: "name", with any " doubled.
std::string quoted(const std::string& identifier);

// Chains the events after event `after` in id order, after its hash (the
// genesis for 0), giving a salt to each that has none. Migration 4 chains a
// SQLite store's existing events with it.
void chain_events_after(Connection& db, std::int64_t after);

}  // namespace desk::store::sql
