// A PostgreSQL connection over libpq, for the PostgreSQL store: the
// connection and its results are freed by their owners, parameters travel
// as text, and a failure is a StoreError carrying the server's SQLSTATE, so
// that the store can tell a unique violation or a serialization failure
// from the rest. libpq-fe.h stays in connection.cpp: pg_conn and pg_result
// are the struct names behind its PGconn and PGresult.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "desk/core/error.hpp"

struct pg_conn;
struct pg_result;

namespace desk::store::postgres {

// The SQLSTATEs the store acts on (PostgreSQL's "Appendix A").
namespace sqlstate {
inline constexpr std::string_view unique_violation = "23505";
inline constexpr std::string_view serialization_failure = "40001";
inline constexpr std::string_view deadlock_detected = "40P01";
inline constexpr std::string_view lock_not_available = "55P03";  // lock_timeout ran out
inline constexpr std::string_view disk_full = "53100";
inline constexpr std::string_view read_only_transaction = "25006";
inline constexpr std::string_view insufficient_privilege = "42501";
inline constexpr std::string_view connection_failure = "08006";
}  // namespace sqlstate

// A statement that failed: exit 74 like any StoreError, unless the store
// maps its SQLSTATE first. libpq's own failures have none, except a lost
// connection, which gets connection_failure as the server would name it.
class QueryError : public StoreError {
 public:
  QueryError(std::string sqlstate, std::string message, std::string hint = {})
      : StoreError(std::move(message), std::move(hint)), sqlstate_(std::move(sqlstate)) {}
  const std::string& sqlstate() const { return sqlstate_; }

 private:
  std::string sqlstate_;
};

// Bytes that are not text (a bytea value): sent as they are.
struct Bytes {
  std::string data;
};

// A value for $1, $2, ...: NULL, an integer, text or bytes.
using Param = std::variant<std::nullptr_t, std::int64_t, std::string, Bytes>;

// A statement's rows, all in memory, every field as text.
class Result {
 public:
  int rows() const;
  int columns() const;
  bool is_null(int row, int column) const;
  // "" for NULL; valid while this Result lives.
  std::string_view text(int row, int column) const;
  // StoreError when the field is NULL or not an integer.
  std::int64_t int64(int row, int column) const;
  // Whether the column is bytea, whose text is its bytes in hex.
  bool is_bytes(int column) const;
  // The column's name, and its type's pg_type oid.
  std::string name(int column) const;
  unsigned type(int column) const;
  // The rows an INSERT, UPDATE or DELETE changed (0 for others).
  std::int64_t changed() const;

 private:
  friend class Connection;
  struct Clear {
    void operator()(pg_result* r) const noexcept;
  };
  explicit Result(pg_result* r) : res_(r) {}
  std::unique_ptr<pg_result, Clear> res_;
};

class Connection {
 public:
  // `uri`: postgresql://... or key=value pairs, as libpq reads them.
  // StoreError, on one line, when it cannot connect.
  explicit Connection(const std::string& uri);

  // Statements separated by ';' (a schema script): the last one's rows.
  Result exec(const std::string& sql);
  // One statement, with $1, $2, ... bound to `params` in order. The server
  // infers each one's type from its use, or takes it from `types` (pg_type
  // oids; 0 to infer) where that is given.
  Result exec(const std::string& sql, const std::vector<Param>& params,
              const std::vector<unsigned>& types = {});
  // Whether a transaction is open (or failed and not yet rolled back).
  bool in_transaction() const;
  // Whether the transaction failed: it refuses every statement until its
  // rollback.
  bool transaction_failed() const;
  // A name for a new cursor, unique on this connection.
  std::string new_cursor_name() { return "desk_rows_" + std::to_string(++cursors_); }
  // Counts the transactions that ended: a cursor is closed only in the
  // transaction that opened it, which took it along when it ended.
  std::uint64_t ended_transactions() const { return ended_; }
  // A long read outside a transaction runs in a read-only transaction of
  // its own, which the first such cursor begins and the last one ends. (A
  // cursor WITH HOLD would outlive its statement's transaction, but the
  // server copies every row of it before the first is read.)
  void begin_reading();
  void end_reading() noexcept;
  // Whether such a read is under way: a write must not begin inside it.
  bool reading() const { return readers_ > 0; }
  // A statement sent ahead of its need (a cursor's next batch), so that
  // the server makes those rows while desk reads the batch before. Its
  // answer goes to `into`: take_ahead waits for it there; a statement run
  // meanwhile first takes it in. No answer when it could not be sent.
  void send_ahead(const std::string& sql, std::optional<Result>* into);
  Result take_ahead(std::optional<Result>* into);

 private:
  struct Finish {
    void operator()(pg_conn* c) const noexcept;
  };
  Result checked(pg_result* r);
  // Takes in the answer sent ahead, if one is awaited.
  void settle() noexcept;
  std::unique_ptr<pg_conn, Finish> conn_;
  std::uint64_t cursors_ = 0;
  std::uint64_t ended_ = 0;
  int readers_ = 0;
  std::optional<Result>* ahead_ = nullptr;  // where the answer sent ahead goes
  std::uint64_t reading_transaction_ = 0;   // ended_ when it began
};

}  // namespace desk::store::postgres
