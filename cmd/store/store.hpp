// desk store: the store itself, as a whole. One subcommand today:
//   copy    a whole store to another place or backend
// store.cpp lists them.
#pragma once

#include "registry.hpp"

namespace desk::cmd::storecmd {

// The subcommands: each adds itself to `store` (registry.hpp's Sub).
Sub copy(CLI::App& store);

}  // namespace desk::cmd::storecmd
