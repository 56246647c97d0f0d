#include "compact.hpp"

#include <fmt/format.h>

#include "desk/store/audit_store.hpp"

namespace desk::cmd {

std::optional<Error> compact_after_commit(store::Store& store, const std::string& done) {
  try {
    store.audit().compact();
    return std::nullopt;
  } catch (const Error& e) {
    return Error(Exit::unfinished,
                 fmt::format("{}: committed, but compacting the store failed: {}", done, e.what()),
                 "the change is in the store; erased data may remain in the file's free pages "
                 "until 'desk audit compact' succeeds (free some space, or wait for other desk "
                 "commands to finish, first)");
  }
}

}  // namespace desk::cmd
