// Opening a store by its location, whatever keeps it: the one place above
// the backends that includes them, so that cmd/ and the rest of lib/ see
// only the interface (store/store.hpp). A location is the path of an SQLite
// file (store/sqlite/) or a PostgreSQL URI (store/postgres/).
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "desk/store/store.hpp"

namespace desk::store {

// Opens an existing store, migrating an older schema forward. Throws
// StoreError (missing, unreadable, corrupt, not a desk store, or written by
// a newer desk: never modified) or StoreBusy.
std::unique_ptr<Store> open(const std::filesystem::path& location, Access access,
                            std::chrono::milliseconds busy_timeout);
// Creates a new store with the current schema (parent directories too).
// Returns false, touching nothing, when it already exists.
bool create(const std::filesystem::path& location);

// Copies the store at `store` to the file `to` as one consistent snapshot,
// while other processes go on writing: `to` is the old file or the whole
// new one, never half of either. `to` is always an SQLite file: a
// PostgreSQL store's backup is portable. Throws StoreError (74) or
// StoreBusy (75).
FileInfo backup(const std::filesystem::path& store, const std::filesystem::path& to,
                std::chrono::milliseconds busy_timeout);
// Checks, without changing it, that `file` is a desk store this desk can
// use: its integrity, its references, and a schema no newer than this
// desk's. Throws StoreError naming what is wrong.
FileInfo inspect(const std::filesystem::path& file);
// Replaces what the store at `store` holds with the contents of the file
// `from`, after inspect(from), all or nothing; when the store holds
// anything it is first backed up to `keep` (in the same transaction, for a
// PostgreSQL store). Returns whether it did.
struct Restored {
  FileInfo info;      // what `from` holds
  bool kept = false;  // whether `keep` was written
};
Restored restore(const std::filesystem::path& store, const std::filesystem::path& from,
                 const std::filesystem::path& keep, std::chrono::milliseconds busy_timeout);

// Copies the whole store at `from` into a new store at `to`, either
// backend to either, ids, events and hashes as they are. `to` must be a
// file that does not exist yet (or is empty), or a PostgreSQL database
// that is empty or holds an empty desk store. The source is read in one
// snapshot while others go on writing to it. Returns the rows copied, by
// table.
std::vector<std::pair<std::string, std::int64_t>> copy(const std::filesystem::path& from,
                                                       const std::filesystem::path& to,
                                                       std::chrono::milliseconds busy_timeout);

}  // namespace desk::store
