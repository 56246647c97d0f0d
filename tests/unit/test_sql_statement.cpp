// One statement interface over both engines (store/sql/statement.hpp): the
// same SQL, bound and read the same way, gives the same answers on SQLite
// and on a real PostgreSQL server (DESK_TEST_PG, started by ctest).
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <memory>
#include <sqlite3.h>
#include <string>

#include <doctest/doctest.h>

#include "desk/store/postgres/sql_connection.hpp"
#include "desk/store/sql/statement.hpp"
#include "desk/store/sqlite/sql_connection.hpp"

using namespace desk;
using namespace desk::store;

namespace {

// Every byte value, NUL first: a blob is not text.
std::string all_bytes() {
  std::string out;
  for (int b = 0; b < 256; ++b) out += static_cast<char>(b);
  return out;
}

// The checks both engines must pass. `create` makes the temporary table t
// (id, s text, n bigint, b blob) in the engine's own words.
void exercise(sql::Connection& db, const std::string& create) {
  db.exec(create);
  constexpr auto low = std::numeric_limits<std::int64_t>::min();
  constexpr auto high = std::numeric_limits<std::int64_t>::max();
  const std::string quoted = "it's a \"quote\"? ?1; --";
  const std::string utf8 = "Привет, 世界 — ✓ 🎫";

  sql::Statement insert(db, "INSERT INTO t (s, n, b) VALUES (?1, ?2, ?3) RETURNING id");
  insert.bind(1, quoted);
  insert.bind(2, low);
  insert.bind_blob(3, all_bytes());
  CHECK(insert.run_returning_id() == 1);
  insert.clear();
  insert.bind(1, utf8);
  insert.bind(2, high);
  CHECK(insert.run_returning_id() == 2);  // ?3 is NULL again after clear()
  insert.clear();
  CHECK(insert.run_returning_id() == 3);  // every value NULL

  // Bare ? counts on from the highest number before it; ? in quotes is text.
  sql::Statement select(db,
                        "SELECT id, s, n, b FROM t WHERE id >= ?1 AND s <> 'what?' AND id <> ? "
                        "ORDER BY id");
  select.bind(1, std::int64_t{1});
  select.bind(2, std::int64_t{99});
  REQUIRE(select.step());
  CHECK(select.integer(0) == 1);
  CHECK(select.text(1) == quoted);
  CHECK(select.integer(2) == low);
  CHECK(select.view(3) == all_bytes());
  REQUIRE(select.step());
  CHECK(select.text(1) == utf8);
  CHECK(select.integer(2) == high);
  CHECK(select.null(3));
  CHECK(select.view(3) == "");
  CHECK_FALSE(select.step());  // row 3's s is NULL: NULL <> 'what?' is not true
  CHECK_FALSE(select.step());

  // reset() keeps the bindings and starts again; clear() drops them.
  select.reset();
  REQUIRE(select.step());
  CHECK(select.integer(0) == 1);
  select.clear();
  CHECK_FALSE(select.step());  // id >= NULL holds for no row

  sql::Statement nulls(db, "SELECT s, n, b FROM t WHERE id = ?");
  nulls.bind(1, std::int64_t{3});
  REQUIRE(nulls.step());
  for (int c = 0; c < 3; ++c) {
    CHECK(nulls.null(c));
    CHECK(nulls.integer(c) == 0);
    CHECK(nulls.view(c) == "");
  }

  // run() says how many rows changed.
  sql::Statement update(db, "UPDATE t SET n = ?2 WHERE id <= ?1");
  update.bind(1, std::int64_t{2});
  update.bind(2, std::int64_t{7});
  CHECK(update.run() == 2);
  CHECK(db.integer("SELECT sum(n) FROM t") == 14);

  sql::Statement values(db, "SELECT count(*) FROM t WHERE s = ?1 OR n = ?2");
  values.bind_values({std::string(utf8), std::int64_t{-1}});
  REQUIRE(values.step());
  CHECK(values.integer(0) == 1);

  sql::Statement real(db, "SELECT 5.0 / 2");
  REQUIRE(real.step());
  CHECK(real.real(0) == 2.5);

  // A placeholder the SQL never uses may be bound, as SQLite allows.
  sql::Statement unused(db, "INSERT INTO t (s) VALUES (?2) RETURNING id");
  unused.bind(1, std::int64_t{42});
  unused.bind(2, "second");
  CHECK(unused.run_returning_id() == 4);

  CHECK(db.integer("SELECT count(*) FROM t WHERE id > 100") == 0);
  CHECK_THROWS(sql::Statement(db, "SELEC 1").step());

  // What a copy reads without knowing the table: each column's name, and
  // what it holds in this row.
  sql::Statement shape(db, "SELECT id, s, n, b, 2.5 AS r FROM t WHERE id = 1");
  REQUIRE(shape.step());
  REQUIRE(shape.columns() == 5);
  CHECK(shape.column_name(1) == "s");
  CHECK(shape.column_name(4) == "r");
  CHECK(shape.type(0) == sql::Type::integer);
  CHECK(shape.type(1) == sql::Type::text);
  CHECK(shape.type(3) == sql::Type::blob);
  CHECK(shape.type(4) == sql::Type::real);
  sql::Statement empty_row(db, "SELECT b FROM t WHERE id = 3");
  REQUIRE(empty_row.step());
  CHECK(empty_row.type(0) == sql::Type::null);
  sql::Statement halves(db, "SELECT CAST(?1 AS REAL) * 2");
  halves.bind_real(1, 0.25);
  REQUIRE(halves.step());
  CHECK(halves.real(0) == 0.5);

  // Many rows come in batches on a server (a cursor), inside a
  // transaction or outside one, and the same rows either way; another
  // statement may run between two rows.
  const char* counting =
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?1) "
      "SELECT x FROM c ORDER BY x";
  for (bool in_transaction : {false, true}) {
    if (in_transaction) db.exec("BEGIN");
    sql::Statement many(db, counting, sql::Rows::many);
    many.bind(1, std::int64_t{2500});
    std::int64_t n = 0, sum = 0;
    while (many.step()) {
      ++n;
      sum += many.integer(0);
      if (n == 1500) CHECK(db.integer("SELECT count(*) FROM t") == 4);
    }
    CHECK(n == 2500);
    CHECK(sum == 2500 * 2501 / 2);
    // Read again from the start after a reset, and stopped half way.
    many.reset();
    REQUIRE(many.step());
    CHECK(many.integer(0) == 1);
    many.reset();
    if (in_transaction) db.exec("COMMIT");
  }

  // COLLATE NOCASE folds A-Z alone and then compares bytes, on both: É is
  // not é, and non-ASCII sorts after z, as SQLite's NOCASE says.
  db.exec("DELETE FROM t");
  for (const char* s : {"Zebra", "écran", "apple", "Écran", "~tilde", "ÉCRAN", "Apple", "a b"}) {
    sql::Statement add(db, "INSERT INTO t (s) VALUES (?)");
    add.bind(1, s);
    add.run();
  }
  std::string order;
  sql::Statement sorted(db, "SELECT s FROM t ORDER BY s COLLATE NOCASE, id", sql::Rows::many);
  while (sorted.step()) order += std::string(sorted.view(0)) + "|";
  CHECK(order == "a b|apple|Apple|Zebra|~tilde|Écran|ÉCRAN|écran|");
  auto count = [&](const char* value) {
    sql::Statement same(db, "SELECT count(*) FROM t WHERE s COLLATE NOCASE = ? COLLATE NOCASE");
    same.bind(1, value);
    REQUIRE(same.step());
    return same.integer(0);
  };
  CHECK(count("APPLE") == 2);
  CHECK(count("éCRAN") == 1);  // écran alone: é is not É
  CHECK(count("Écran") == 2);  // Écran and ÉCRAN
  CHECK(count("zebrA") == 1);
}

}  // namespace

TEST_SUITE("store/sql") {
  TEST_CASE("placeholders: ?N and bare ? become $N outside quoted text and names") {
    std::vector<bool> used;
    CHECK(store::postgres::numbered_placeholders("SELECT ?, ?, ?", used) == "SELECT $1, $2, $3");
    CHECK(used == std::vector<bool>{true, true, true});
    CHECK(store::postgres::numbered_placeholders("a = ?2 OR b = ?1 OR c = ?", used) ==
          "a = $2 OR b = $1 OR c = $3");
    CHECK(used == std::vector<bool>{true, true, true});
    CHECK(store::postgres::numbered_placeholders("x = ?12 AND y = ?12", used) ==
          "x = $12 AND y = $12");
    CHECK(used.size() == 12);
    CHECK(used[11]);
    CHECK_FALSE(used[0]);  // ?1 to ?11: never used, sent as text
    CHECK(store::postgres::numbered_placeholders("s = 'it''s ?' AND \"odd?name\" = ? AND t = '?1'",
                                                 used) ==
          "s = 'it''s ?' AND \"odd?name\" = $1 AND t = '?1'");
    CHECK(used == std::vector<bool>{true});
    CHECK(store::postgres::numbered_placeholders("SELECT 1", used) == "SELECT 1");
    CHECK(used.empty());
  }

  TEST_CASE("case-blind: X COLLATE NOCASE becomes lower(X COLLATE \"C\") for any operand X") {
    using store::postgres::case_blind;
    CHECK(case_blind("WHERE email COLLATE NOCASE = ? COLLATE NOCASE") ==
          "WHERE lower(email COLLATE \"C\") = lower(? COLLATE \"C\")");
    CHECK(case_blind("a = ?2 OR c.name COLLATE NOCASE = ?3 COLLATE NOCASE") ==
          "a = ?2 OR lower(c.name COLLATE \"C\") = lower(?3 COLLATE \"C\")");
    CHECK(case_blind("ORDER BY coalesce(nullif(c.name, ')'), c.email) COLLATE NOCASE DESC, t.id") ==
          "ORDER BY lower(coalesce(nullif(c.name, ')'), c.email) COLLATE \"C\") DESC, t.id");
    CHECK(case_blind("ORDER BY (a || b) COLLATE NOCASE") ==
          "ORDER BY lower((a || b) COLLATE \"C\")");
    CHECK(case_blind("SELECT 1") == "SELECT 1");
    CHECK_THROWS(case_blind(" COLLATE NOCASE"));
  }

  TEST_CASE("statement: SQLite binds, steps and reads as the interface says") {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(":memory:", &raw) == SQLITE_OK);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> owner(raw, sqlite3_close);
    store::sqlite::SqlConnection db(raw);
    exercise(db, "CREATE TEMP TABLE t (id INTEGER PRIMARY KEY, s TEXT, n INTEGER, b BLOB)");
  }

  TEST_CASE("postgres: statement: PostgreSQL binds, steps and reads as SQLite does") {
    const char* uri = std::getenv("DESK_TEST_PG");
    REQUIRE_MESSAGE(uri, "DESK_TEST_PG is unset: ctest starts the server");
    store::postgres::Connection conn(uri);
    store::postgres::SqlConnection db(conn);
    exercise(db, "CREATE TEMP TABLE t (id bigserial PRIMARY KEY, s text, n bigint, b bytea)");

    // Many rows read outside a transaction are one read-only transaction of
    // their own, which the first cursor begins and the last one ends: past
    // its last row, or reset half way.
    const char* series = "SELECT generate_series(1, ?1)";
    sql::Statement first(db, series, sql::Rows::many);
    first.bind(1, std::int64_t{2500});
    REQUIRE(first.step());
    CHECK(conn.reading());
    CHECK(conn.in_transaction());
    sql::Statement second(db, series, sql::Rows::many);
    second.bind(1, std::int64_t{10});
    REQUIRE(second.step());
    second.reset();
    CHECK(conn.reading());  // the first still reads
    int n = 1;
    while (first.step()) ++n;
    CHECK(n == 2500);
    CHECK_FALSE(conn.reading());
    CHECK_FALSE(conn.in_transaction());
    REQUIRE(second.step());
    CHECK(conn.in_transaction());
    CHECK_THROWS(db.exec("CREATE TEMP TABLE u (x int)"));  // read-only
    second.reset();
    CHECK_FALSE(conn.in_transaction());
    db.exec("CREATE TEMP TABLE u (x int)");
  }
}
