// The step after an erasure or a purge is committed: compacting the store,
// so that nothing erased survives in the file's free pages.
#pragma once

#include <optional>
#include <string>

#include "desk/core/error.hpp"
#include "desk/store/store.hpp"

namespace desk::cmd {

// Compacts the store (AuditStore::compact). When that fails (a full disk,
// readers holding the write-ahead log), the change made before it stays
// committed: the returned Error (exit 4) says so, names what failed and how
// to finish. The command prints its usual output first, then throws it.
// `done` says what was committed: "erased customer 3".
std::optional<Error> compact_after_commit(store::Store& store, const std::string& done);

}  // namespace desk::cmd
