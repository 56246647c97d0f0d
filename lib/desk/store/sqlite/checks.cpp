// The store's own checks (doctor), and what a bulk import needs from the
// connection: SQLite's pragmas.
#include <fmt/format.h>

#include "desk/store/sqlite/sqlite_store.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::sqlite {

// Only a bulk import defers references: its connection gets a page cache
// to match.
void SqliteStore::defer_references() {
  guarded([&] { set_bulk_pragmas(db_); });
}

std::vector<Problem> SqliteStore::check_integrity(bool quick) {
  return guarded([&] {
    std::vector<Problem> out;
    sql::Statement st(sql(), quick ? "PRAGMA quick_check" : "PRAGMA integrity_check");
    while (st.step()) {
      std::string line = st.text(0);
      if (line != "ok") out.push_back({"file", line});
    }
    return out;
  });
}

std::vector<Problem> SqliteStore::check_references() {
  return guarded([&] {
    std::vector<Problem> out;
    sql::Statement st(sql(), "PRAGMA foreign_key_check");
    while (st.step()) {
      std::string table = st.text(0);
      std::string rowid = st.null(1) ? std::string("?") : st.text(1);
      std::string parent = st.text(2);
      out.push_back(
          {fmt::format("table {}, row {}", table, rowid),
           fmt::format("refers to a row of {} that does not exist", util::quoted(parent))});
    }
    return out;
  });
}

}  // namespace desk::store::sqlite
