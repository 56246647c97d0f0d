// The knowledge base of a store on another engine (PostgreSQL), searched by
// SQLite's FTS5: its articles, their tags and their links are copied into
// a store in memory, where the search of an SQLite store runs as it is.
// So a search finds, ranks and marks the same articles on every backend,
// with words folded by the SQLite inside desk, whatever the server's locale.
// The copy is made for each search, and costs in proportion to the
// knowledge base (bench/README.md has the figures).
#pragma once

#include <memory>

#include "desk/store/kb_store.hpp"
#include "desk/store/sql/sql_store.hpp"

namespace desk::store::sqlite {

class SqliteStore;

class KbMirror {
 public:
  // Copies the knowledge base of `from`, read in one snapshot.
  explicit KbMirror(sql::SqlStore& from);
  ~KbMirror();
  KbMirror(const KbMirror&) = delete;
  KbMirror& operator=(const KbMirror&) = delete;

  KbStore& kb();

 private:
  std::unique_ptr<SqliteStore> copy_;
};

}  // namespace desk::store::sqlite
