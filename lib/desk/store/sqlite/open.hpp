// Opening and creating an SQLite store: the backend's way in, which only
// store/open/ calls (everything else opens a store through it).
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>

#include "desk/store/store.hpp"

namespace desk::store::sqlite {

// Opens an existing store, migrating an older schema forward. Throws
// StoreError (missing, unreadable, corrupt, not a desk store, or written by
// a newer desk: never modified) or StoreBusy.
std::unique_ptr<Store> open(const std::filesystem::path& path, Access access,
                            std::chrono::milliseconds busy_timeout);
// Creates a new store with the current schema (parent directories too).
// Returns false, touching nothing, when the file already exists.
bool create(const std::filesystem::path& path);
// The schema version this desk writes.
int current_schema_version();

}  // namespace desk::store::sqlite
