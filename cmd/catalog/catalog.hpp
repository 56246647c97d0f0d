// desk catalog: the service catalogue, one subcommand per job here:
//   change (add, edit, retire)   the services (manager)
//   read (show, list)            what there is
//   check                        what is incomplete or stale
//   exchange (export, import)    the catalogue as TOML
// catalog.cpp lists them.
#pragma once

#include "registry.hpp"

namespace desk::cmd::catalogcmd {

// The subcommands: each adds itself to `catalog` (registry.hpp's Sub).
Sub add(CLI::App& catalog);
Sub edit(CLI::App& catalog);
Sub retire(CLI::App& catalog);
Sub show(CLI::App& catalog);
Sub list(CLI::App& catalog);
Sub check(CLI::App& catalog);
Sub exp(CLI::App& catalog);
Sub imp(CLI::App& catalog);

}  // namespace desk::cmd::catalogcmd
