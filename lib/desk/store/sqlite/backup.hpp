// Copies of the whole store: backups taken while other processes keep
// writing, checks of a copy, and restoring one. SQLite's online backup API
// does the copying, so a copy is always one consistent snapshot.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>

#include "desk/store/sql/copy.hpp"
#include "desk/store/store.hpp"

namespace desk::store::sqlite {

// Copies the store at `store` to `to` as one consistent snapshot, while
// other processes go on writing. The copy is made in a temporary file beside
// `to`, synced, and renamed over it: `to` is the old file or the whole new
// one, never half of either. Throws StoreError (74) or StoreBusy (75).
FileInfo backup(const std::filesystem::path& store, const std::filesystem::path& to,
                std::chrono::milliseconds busy_timeout);

// Checks, without changing it, that `file` is a desk store this desk can use:
// SQLite's integrity check passes, its references hold, and its schema is a
// desk schema no newer than this desk's. Throws StoreError naming what is
// wrong.
FileInfo inspect(const std::filesystem::path& file);

// Replaces what the store at `store` holds with the contents of `from`, after
// inspect(from), in one write transaction: other processes see the old store
// or the restored one, never a mix. When the store exists it is first backed
// up to `keep` (see backup()). A store too damaged to be written through
// SQLite is replaced by renaming a copy over it instead.
FileInfo restore(const std::filesystem::path& store, const std::filesystem::path& from,
                 const std::filesystem::path& keep, std::chrono::milliseconds busy_timeout);

class SqliteStore;

// A new store file at `to`, filled by `fill` (in transactions of its own),
// made beside `to` and renamed over it as backup() does, self-contained (no
// write-ahead log beside it). Returns what it holds.
FileInfo write_store_file(const std::filesystem::path& to,
                          const std::function<void(SqliteStore&)>& fill);

// Copies the store `from` of any backend, read in one snapshot, row for
// row into a new SQLite store file at `to`, made beside it and renamed over
// it as backup() does. `rows`, when given, gets what was copied.
FileInfo write_copy(sql::SqlStore& from, const std::filesystem::path& to,
                    sql::CopiedRows* rows = nullptr);

// An SQLite store file opened for reading at the schema this desk writes:
// `file` itself, or, when an older desk wrote it, a migrated copy of it in
// `scratch` (a file that need not exist), so that `file` is never changed.
std::unique_ptr<Store> open_current(const std::filesystem::path& file,
                                    const std::filesystem::path& scratch,
                                    std::chrono::milliseconds busy_timeout);

}  // namespace desk::store::sqlite
