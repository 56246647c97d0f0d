// The events of a subject (a technician's absences, a customer's or an
// article's history) are found through the subject index, never by reading
// every event: the index is partial, and an engine uses it only when the
// statement repeats its condition. Without it each allocation read all the
// store's events (audit_sql.cpp).
#include <string>

#include <doctest/doctest.h>

#include "desk/store/sql/sql_audit.hpp"
#include "desk/store/sql/statement.hpp"

#include "support/test_desk.hpp"

using namespace desk;

namespace {

// SQLite's plan for `sql`, one line a step.
std::string plan(store::sql::Connection& db, const std::string& sql) {
  store::sql::Statement st(db, "EXPLAIN QUERY PLAN " + sql);
  std::string out;
  while (st.step()) out += st.text(3) + "\n";
  return out;
}

}  // namespace

TEST_CASE("store: the events of a subject are read through the subject index") {
  testing::TestDesk d("subject.db");
  auto* sql = dynamic_cast<store::sql::SqlStore*>(d.store.get());
  REQUIRE(sql != nullptr);
  for (const char* statement : {store::sql::kSubjectRecords, store::sql::kSubjectPrefixRecords}) {
    CAPTURE(statement);
    std::string p = plan(sql->sql(), statement);
    CHECK(p.find("INDEX events_subject") != std::string::npos);
    CHECK(p.find("SCAN events") == std::string::npos);
    CHECK(p.find("TEMP B-TREE") == std::string::npos);
  }
}
