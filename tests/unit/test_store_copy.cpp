// A copy of a whole store goes table by table through sql::kStoreTables
// (store/sql/copy.hpp): a table missing from it would be left behind
// without a word, so the list must be exactly the schema's tables. The
// PostgreSQL schema has the same tables as SQLite's (test_postgres.cpp).
#include <algorithm>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "desk/store/sql/copy.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"

using namespace desk;
using namespace desk::store;

TEST_CASE("store copy: kStoreTables names every table of the schema once") {
  auto db = sqlite::open_in_memory();
  std::vector<std::string> schema;
  sql::Statement st(db->sql(),
                    "SELECT name FROM sqlite_schema WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kb_words%' "
                    "AND name NOT LIKE 'kb_trigram%' ORDER BY name");
  while (st.step()) schema.push_back(st.text(0));
  std::vector<std::string> listed(sql::kStoreTables.begin(), sql::kStoreTables.end());
  std::sort(listed.begin(), listed.end());
  CHECK(listed == schema);
}

TEST_CASE("store copy: each table comes after the tables its rows refer to") {
  auto db = sqlite::open_in_memory();
  auto place = [](const std::string& table) {
    auto it = std::find(sql::kStoreTables.begin(), sql::kStoreTables.end(), table);
    return it - sql::kStoreTables.begin();
  };
  for (std::string_view table : sql::kStoreTables) {
    sql::Statement refs(db->sql(), "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1)");
    refs.bind(1, table);
    while (refs.step()) {
      std::string parent = refs.text(0);
      INFO(table, " refers to ", parent);
      CHECK(place(parent) <= place(std::string(table)));
    }
  }
}
