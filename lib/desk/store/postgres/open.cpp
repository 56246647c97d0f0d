// Opening and creating PostgreSQL stores: what the database holds, the
// schema's version and its migrations, each in one transaction under the
// write lock, so that two desks starting at once migrate once.
#include "desk/store/postgres/open.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/core/location.hpp"
#include "desk/store/postgres/migrations.hpp"
#include "desk/store/postgres/pg_store.hpp"
#include "desk/store/sql/sql_store.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::postgres {

namespace {

int latest_version() {
  return migrations().back().version;
}

// The version of the desk store in the database; 0 when it holds none.
int stored_version(Connection& db) {
  if (db.exec("SELECT to_regclass('desk_schema') IS NULL").text(0, 0) == "t") return 0;
  return static_cast<int>(db.exec("SELECT version FROM desk_schema").int64(0, 0));
}

bool has_other_tables(Connection& db) {
  return db.exec(
               "SELECT count(*) FROM information_schema.tables "
               "WHERE table_schema = current_schema()")
             .int64(0, 0) > 0;
}

StoreError not_a_store(const std::string& uri) {
  return StoreError(fmt::format("the database {} holds tables but no desk store",
                                util::quoted(shown_location(uri))),
                    "give desk a database of its own (desk.toml(5))");
}

// Runs every migration above the store's version (all of them for a new
// store), in one transaction; another desk may have run them while this
// one waited for the lock, so the version is read again inside.
void migrate(Connection& db, const std::string& uri, bool creating) {
  db.exec("BEGIN");
  try {
    lock_for_writing(db, std::chrono::minutes(1));
    int version = stored_version(db);
    if (version == 0 && !creating) throw not_a_store(uri);
    if (version == 0 && has_other_tables(db)) throw not_a_store(uri);
    for (const auto& m : migrations()) {
      if (m.version <= version) continue;
      db.exec(m.sql);
      db.exec("UPDATE desk_schema SET version = $1", {std::int64_t{m.version}});
    }
    if (version == 0) {
      SqlConnection sql(db);
      sql::make_mail_secret(sql);
    }
    db.exec("COMMIT");
  } catch (...) {
    db.exec("ROLLBACK");
    throw;
  }
}

}  // namespace

std::unique_ptr<Store> open(const std::string& uri, Access access,
                            std::chrono::milliseconds busy_timeout) {
  auto db = std::make_unique<Connection>(uri);
  int version = stored_version(*db);
  std::string shown = util::quoted(shown_location(uri));
  if (version == 0) {
    if (has_other_tables(*db)) throw not_a_store(uri);
    throw StoreError(fmt::format("there is no desk store in the database {}", shown),
                     "run 'desk init' to make one");
  }
  if (version > latest_version())
    throw StoreError(fmt::format("the store {} was written by a newer desk (schema {}, this "
                                 "desk knows {})",
                                 shown, version, latest_version()),
                     "upgrade desk first");
  if (version < latest_version()) migrate(*db, uri, false);
  // A reading command cannot change the store, whatever goes wrong.
  if (access == Access::read) db->exec("SET default_transaction_read_only = on");
  return std::make_unique<PgStore>(uri, std::move(db), busy_timeout);
}

bool create(const std::string& uri) {
  Connection db(uri);
  if (stored_version(db) > 0) return false;
  if (has_other_tables(db)) throw not_a_store(uri);
  migrate(db, uri, true);
  return true;
}

}  // namespace desk::store::postgres
