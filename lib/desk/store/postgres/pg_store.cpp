// The PostgreSQL store: what its engine does its own way beside the SQL of
// store/sql/. The write lock is an advisory lock; a read of many statements
// is a REPEATABLE READ transaction; erasure matches text in desk, since the
// server runs none of desk's code.
#include "desk/store/postgres/pg_store.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "desk/audit/erasure.hpp"
#include "desk/core/location.hpp"
#include "desk/store/sql/copy.hpp"
#include "desk/store/sql/kb_sql.hpp"
#include "desk/store/sql/sql_audit.hpp"
#include "desk/store/sqlite/kb_mirror.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::postgres {

namespace fs = std::filesystem;

void lock_for_writing(Connection& db, std::chrono::milliseconds timeout) {
  // lock_timeout 0 would wait for ever: a timeout of 0 waits a millisecond.
  // One round trip for both statements: every write pays for it.
  db.exec(fmt::format("SET LOCAL lock_timeout = {}; SELECT pg_advisory_xact_lock({})",
                      std::max<long long>(1, timeout.count()), kWriteLock));
}

namespace {

class PgAudit final : public sql::SqlAudit {
 public:
  explicit PgAudit(PgStore& s, Connection& db) : SqlAudit(s), db_(db) {}

  std::vector<audit::Record> records_mentioning(const std::vector<std::string>& needles) override {
    if (needles.empty()) return {};
    return s_.guarded([&] {
      std::vector<audit::Record> out;
      sql::Statement st(s_.sql(),
                        fmt::format("SELECT {} FROM events ORDER BY id", sql::kRecordColumns));
      while (st.step())
        if (audit::mentions(st.view(6), needles)) out.push_back(sql::record_from_row(st));
      return out;
    });
  }

  // PostgreSQL keeps old row versions until a vacuum, and has no way to
  // overwrite them sooner: compact() is what removes them.
  void erase_securely() override {}

  std::int64_t scrub_everywhere(const std::vector<std::string>& needles) override {
    if (needles.empty()) return 0;
    return s_.guarded([&] {
      std::vector<std::pair<std::string, std::string>> columns;
      {
        sql::Statement st(s_.sql(),
                          "SELECT table_name, column_name FROM information_schema.columns "
                          "WHERE table_schema = current_schema() AND data_type = 'text' "
                          "AND table_name NOT IN ('events', 'id_high_water', 'id_retired', "
                          "'desk_schema') ORDER BY table_name, ordinal_position");
        while (st.step()) columns.emplace_back(st.text(0), st.text(1));
      }
      std::int64_t changed = 0;
      for (const auto& [table, column] : columns) {
        // Row by row, by its place in the table (ctid), which stays put
        // while this transaction holds the write lock.
        std::vector<std::pair<std::string, std::string>> rows;
        {
          sql::Statement st(s_.sql(),
                            fmt::format("SELECT ctid::text, {1} FROM {0} WHERE {1} IS NOT NULL",
                                        sql::quoted(table), sql::quoted(column)));
          while (st.step())
            if (audit::mentions(st.view(1), needles)) rows.emplace_back(st.text(0), st.text(1));
        }
        sql::Statement up(s_.sql(), fmt::format("UPDATE {0} SET {1} = ?1 WHERE ctid = ?2::tid",
                                                sql::quoted(table), sql::quoted(column)));
        for (const auto& [place, text] : rows) {
          up.bind(1, audit::scrub(text, needles));
          up.bind(2, place);
          changed += up.run();
          up.reset();
        }
      }
      return changed;
    });
  }

  // VACUUM FULL writes each table anew without its dead rows. What the
  // server's write-ahead log, archives, replicas and backups hold is out of
  // desk's reach (desk-audit(1)).
  void compact() override {
    s_.guarded([&] {
      s_.reset_statements();
      db_.exec("VACUUM FULL");
    });
  }

 private:
  std::vector<Reference> references_to_tickets() override {
    std::vector<Reference> out;
    sql::Statement st(
        s_.sql(),
        "SELECT c.conrelid::regclass::text, a.attname, a.attnotnull::int "
        "FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid "
        "AND a.attnum = c.conkey[1] WHERE c.contype = 'f' AND c.confrelid = 'tickets'::regclass "
        "AND c.connamespace = current_schema()::regnamespace ORDER BY 1, 2");
    while (st.step()) out.push_back({st.text(0), st.text(1), st.integer(2) != 0});
    return out;
  }

  void before_rewriting_history() override { db_.exec("SET LOCAL desk.rewriting_history = 'on'"); }

  Connection& db_;
};

// Articles, versions and links as on SQLite. Search needs an index of the
// words as desk folds them, which PostgreSQL stores do not have yet.
// Articles, versions and links are store/sql's; a search runs on a copy of
// the knowledge base in SQLite (store/sqlite/kb_mirror.hpp), so that it
// gives what it gives on an SQLite store.
class PgKb final : public sql::SqlKb {
 public:
  explicit PgKb(PgStore& s) : SqlKb(s), store_(s) {}

  std::vector<model::ArticleHit> search(const model::SearchQuery& q,
                                        const model::ArticleFilter& f) override {
    return mirror().kb().search(q, f);
  }
  std::vector<model::ArticleHit> suggest(const std::vector<std::string>& words,
                                         const model::ArticleFilter& f) override {
    return mirror().kb().suggest(words, f);
  }

 private:
  // A row's xmin is the transaction that wrote this version of it: any
  // insert, update or delete of an article, a tag or a link changes the
  // fingerprint, so a kept copy is never used after one.
  std::string fingerprint() {
    return store_.guarded([&] {
      sql::Statement st(
          store_.sql(),
          "SELECT (SELECT count(*) || ':' || coalesce(md5(string_agg(id || '.' || xmin, ',' "
          "ORDER BY id)), '') FROM kb_articles) || '/' || "
          "(SELECT count(*) || ':' || coalesce(md5(string_agg(article_id || '.' || xmin, ',' "
          "ORDER BY article_id, tag)), '') FROM kb_article_tags) || '/' || "
          "(SELECT count(*) || ':' || coalesce(md5(string_agg(article_id || '.' || ticket_id || "
          "'.' || xmin, ',' ORDER BY article_id, ticket_id)), '') FROM kb_links)");
      st.step();
      return st.text(0);
    });
  }

  sqlite::KbMirror mirror() {
    return sqlite::KbMirror(
        store_, [this] { return fingerprint(); },
        sqlite::KbMirror::cache_for(shown_location(store_.path().native())));
  }

  PgStore& store_;
};

}  // namespace

PgStore::PgStore(std::string location, std::unique_ptr<Connection> db,
                 std::chrono::milliseconds busy_timeout)
    : SqlStore(std::make_unique<SqlConnection>(std::move(db))),
      db_(static_cast<SqlConnection&>(sql()).native()),
      location_(std::move(location)),
      busy_timeout_(busy_timeout) {}

void PgStore::translate_current() const {
  try {
    throw;
  } catch (const QueryError& e) {
    std::string where = util::quoted(shown_location(location_.string()));
    std::string_view state = e.sqlstate();
    if (state == sqlstate::lock_not_available || state == sqlstate::serialization_failure ||
        state == sqlstate::deadlock_detected)
      throw StoreBusy(
          fmt::format("the store {} stayed busy for {} s", where, busy_timeout_.count() / 1000.0),
          "another desk command held it; try again, or raise [desk].busy_timeout");
    if (state.starts_with("23"))
      throw DataError(fmt::format("the store refused a change: {}", e.what()));
    if (state.starts_with("08") || state.starts_with("57P"))
      throw StoreError(fmt::format("lost the connection to the store {}: {}", where, e.what()),
                       "nothing was changed; check that the server is up, and try again");
    if (state == sqlstate::disk_full)
      throw StoreError(
          fmt::format("cannot write to the store {}: the server's disk is full", where),
          "nothing was changed; free some space on the server and try again");
    if (state == sqlstate::read_only_transaction || state == sqlstate::insufficient_privilege)
      throw StoreError(fmt::format("cannot write to the store {}: {}", where, e.what()),
                       "check the database role's privileges (desk.toml(5))");
    throw StoreError(fmt::format("store error on {}: {}", where, e.what()));
  }
}

void PgStore::begin_write() {
  // Its BEGIN would join the read and end it at COMMIT (connection.hpp).
  if (db_.reading()) throw std::logic_error("a write began while many rows were being read");
  guarded([&] {
    db_.exec("BEGIN");
    lock_for_writing(db_, busy_timeout_);
  });
}

void PgStore::commit() {
  guarded([&] { db_.exec("COMMIT"); });
}

void PgStore::rollback() noexcept {
  try {
    if (db_.in_transaction()) db_.exec("ROLLBACK");
  } catch (...) {
    // The server rolls back what a lost connection left open.
  }
}

void PgStore::begin_snapshot() {
  guarded([&] {
    snapshot_is_transaction_ = !db_.in_transaction();
    db_.exec(snapshot_is_transaction_ ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                                      : "SAVEPOINT desk_snapshot");
  });
}

void PgStore::end_snapshot() noexcept {
  try {
    db_.exec(snapshot_is_transaction_ ? "COMMIT" : "RELEASE desk_snapshot");
  } catch (...) {
    // Only reads happened; nothing to lose.
  }
}

void PgStore::defer_references() {
  guarded([&] { db_.exec("SET CONSTRAINTS ALL DEFERRED"); });
}

// TRUNCATE rather than DELETE: no trigger fires, so events go without
// desk's leave to rewrite history, and a deleted row retires no id. It
// waits for readers and holds others off until the transaction ends: a
// restore is seen whole or not at all.
void PgStore::remove_every_row() {
  std::vector<std::string> tables;
  for (std::string_view t : sql::kStoreTables) tables.push_back(sql::quoted(std::string(t)));
  guarded([&] { db_.exec("TRUNCATE " + util::join(tables, ", ")); });
}

// An identity column numbers new rows from its sequence, which knows
// nothing of the ids a copy brought: each goes on after the highest.
void PgStore::after_copy() {
  guarded([&] {
    db_.exec(
        "DO $$ DECLARE c record; BEGIN "
        "FOR c IN SELECT table_name AS t, column_name AS n FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND is_identity = 'YES' LOOP "
        "EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), coalesce(max(%I), 0) + 1, "
        "false) FROM %I', c.t, c.n, c.n, c.t); "
        "END LOOP; END $$");
  });
}

// The server keeps its own files consistent and enforces every reference
// as it is written: there is nothing for desk to find that it let through.
std::vector<Problem> PgStore::check_integrity(bool) {
  return {};
}

std::vector<Problem> PgStore::check_references() {
  return {};
}

KbStore& PgStore::kb() {
  if (!kb_) kb_ = std::make_unique<PgKb>(*this);
  return *kb_;
}

AuditStore& PgStore::audit() {
  if (!audit_) audit_ = std::make_unique<PgAudit>(*this, db_);
  return *audit_;
}

}  // namespace desk::store::postgres
