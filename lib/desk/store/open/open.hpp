// Opening a store by its location, whatever keeps it: the one place above
// the backends that includes them, so that cmd/ and the rest of lib/ see
// only the interface (store/store.hpp). Today every location is the path of
// an SQLite file (store/sqlite/); a PostgreSQL backend would be chosen here
// by its location (a postgresql:// URL), beside it.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>

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
// new one, never half of either. Throws StoreError (74) or StoreBusy (75).
FileInfo backup(const std::filesystem::path& store, const std::filesystem::path& to,
                std::chrono::milliseconds busy_timeout);
// Checks, without changing it, that `file` is a desk store this desk can
// use: its integrity, its references, and a schema no newer than this
// desk's. Throws StoreError naming what is wrong.
FileInfo inspect(const std::filesystem::path& file);
// Replaces what the store at `store` holds with the contents of `from`,
// after inspect(from), all or nothing; when the store exists it is first
// backed up to `keep`.
FileInfo restore(const std::filesystem::path& store, const std::filesystem::path& from,
                 const std::filesystem::path& keep, std::chrono::milliseconds busy_timeout);

}  // namespace desk::store
