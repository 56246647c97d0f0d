// The PostgreSQL store's connection against a real server: ctest starts one
// with tests/pg/server and names it in DESK_TEST_PG. Without it these tests
// fail rather than skip, since a skipped check cannot fail.
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include <doctest/doctest.h>

#include "desk/store/postgres/connection.hpp"

using namespace desk;
using namespace desk::store::postgres;

// Each owns what libpq gave it, so neither may be copied.
static_assert(!std::is_copy_constructible_v<Connection> &&
              std::is_move_constructible_v<Connection>);
static_assert(!std::is_copy_constructible_v<Result> && std::is_move_constructible_v<Result>);

namespace {

std::string server_uri() {
  const char* uri = std::getenv("DESK_TEST_PG");
  if (!uri || !*uri)
    FAIL(
        "DESK_TEST_PG is unset: these tests need a PostgreSQL server (ctest starts one; by "
        "hand, DESK_TEST_PG=$(tests/pg/server start DIR))");
  return uri;
}

// The store error a statement throws, or an empty one when it throws none.
QueryError query_error(Connection& db, const std::string& sql, const std::vector<Param>& params) {
  try {
    db.exec(sql, params);
  } catch (const QueryError& e) {
    return e;
  }
  return QueryError("", "");
}

}  // namespace

TEST_SUITE("store/postgres") {
  TEST_CASE("postgres: NULL, quotes, UTF-8 and 64-bit integers go in as parameters and come back") {
    Connection db(server_uri());
    // Whatever the URI or PGCLIENTENCODING say.
    CHECK(db.exec("SHOW client_encoding").text(0, 0) == "UTF8");
    db.exec("CREATE TEMP TABLE t (k bigint PRIMARY KEY, s text, n text)");
    constexpr auto low = std::numeric_limits<std::int64_t>::min();
    const std::string quoted = "it's a \"quote\"; DROP TABLE t; --";
    const std::string utf8 = "Привет, 世界 — ✓ 🎫";
    db.exec("INSERT INTO t VALUES ($1, $2, $3), ($4, $5, $6)",
            {std::int64_t{5'000'000'000}, quoted, nullptr, low, utf8, "x"});

    Result r = db.exec("SELECT k, s, n FROM t ORDER BY k DESC");
    REQUIRE(r.rows() == 2);
    REQUIRE(r.columns() == 3);
    CHECK(r.int64(0, 0) == 5'000'000'000);
    CHECK(r.text(0, 1) == quoted);
    CHECK(r.is_null(0, 2));
    CHECK(r.text(0, 2) == "");
    CHECK(r.int64(1, 0) == low);
    CHECK(r.text(1, 1) == utf8);
    CHECK_FALSE(r.is_null(1, 2));
    CHECK(r.text(1, 2) == "x");
    // Parameters are values, never SQL: the table is still there.
    CHECK(db.exec("SELECT count(*) FROM t WHERE s = $1", {quoted}).int64(0, 0) == 1);
  }

  TEST_CASE("postgres: a field that is NULL or not an integer is no int64") {
    Connection db(server_uri());
    Result r = db.exec("SELECT NULL::bigint AS a, 'twelve' AS b, 9223372036854775808 AS c");
    CHECK_THROWS_AS(r.int64(0, 0), StoreError);
    CHECK_THROWS_WITH_AS(r.int64(0, 1), "column b of row 0 is not an integer: 'twelve'",
                         StoreError);
    CHECK_THROWS_AS(r.int64(0, 2), StoreError);  // one past the largest bigint
  }

  TEST_CASE("postgres: a failed statement names its SQLSTATE, and the connection goes on") {
    Connection db(server_uri());
    db.exec("CREATE TEMP TABLE u (k text UNIQUE)");
    db.exec("INSERT INTO u VALUES ($1)", {"a"});

    QueryError dup = query_error(db, "INSERT INTO u VALUES ($1)", {"a"});
    CHECK(dup.sqlstate() == sqlstate::unique_violation);
    CHECK(dup.code() == Exit::io);
    CHECK(std::string(dup.what()) == "duplicate key value violates unique constraint \"u_k_key\"");
    CHECK(query_error(db, "SELEC 1", {}).sqlstate() == "42601");  // syntax_error
    CHECK(db.exec("SELECT count(*) FROM u").int64(0, 0) == 1);
  }

  TEST_CASE("postgres: a bad URI or an absent server is a store error on one line") {
    for (std::string uri : {"postgresql://%zz/desk", "postgresql:///desk?nonsense=1",
                            "postgresql:///desk?host=/nonexistent/desk-pg&port=5432",
                            "postgresql://ann:s3cret@/desk?host=/nonexistent/desk-pg"}) {
      CAPTURE(uri);
      try {
        Connection db(uri);
        FAIL("connected");
      } catch (const StoreError& e) {
        std::string what = e.what();
        // It names the store, never with its password.
        CHECK(what.starts_with("cannot connect to the store 'postgresql://"));
        CHECK(what.find("s3cret") == std::string::npos);
        CHECK(what.find('\n') == std::string::npos);
        CHECK(what.find("  ") == std::string::npos);
        CHECK(what.back() != ' ');
        CHECK(e.hint().starts_with("check that the server is up"));
      }
    }
  }
}
