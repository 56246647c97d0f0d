// The knowledge base of a store on another engine (PostgreSQL), searched by
// SQLite's FTS5: its articles, their tags and their links are copied into
// an SQLite store, where the search of an SQLite store runs as it is. So a
// search finds, ranks and marks the same articles on every backend, with
// words folded by the SQLite inside desk, whatever the server's locale.
//
// Indexing the copy costs in proportion to the knowledge base (0.2 s for
// 1,000 articles), so it is kept in the user's cache directory
// ($XDG_CACHE_HOME/desk, else ~/.cache/desk), one file per store, beside
// the fingerprint of what it copied; a search that finds the fingerprint
// unchanged uses it as it is. A copy that cannot be kept is made in memory.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "desk/store/kb_store.hpp"
#include "desk/store/sql/sql_store.hpp"

namespace desk::store::sqlite {

class SqliteStore;

class KbMirror {
 public:
  // What tells whether the source's knowledge base changed: a string that
  // changes whenever an article, a tag or a link does, read from `from`.
  using Fingerprint = std::function<std::string()>;

  // The copy of `from`'s knowledge base: the one in `cache` when its
  // fingerprint is the source's now, else a new one, read in one snapshot
  // with its fingerprint and kept in `cache` (atomically replaced) when it
  // can be. No `cache`: in memory.
  KbMirror(sql::SqlStore& from, const Fingerprint& fingerprint,
           const std::optional<std::filesystem::path>& cache);
  ~KbMirror();
  KbMirror(const KbMirror&) = delete;
  KbMirror& operator=(const KbMirror&) = delete;

  KbStore& kb();

  // Where the copy of the store at `location` is kept for this user
  // (named by a hash of the location, which must not hold a password), or
  // nullopt when there is no cache directory.
  static std::optional<std::filesystem::path> cache_for(const std::string& location);

 private:
  std::unique_ptr<sql::SqlStore> copy_;
};

}  // namespace desk::store::sqlite
