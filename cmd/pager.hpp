// Long output on a terminal goes through a pager, as git's does.
#pragma once

#include "context.hpp"

namespace desk::cmd {

// From here on, standard output goes through the pager when it is a
// terminal and paging is on: $DESK_PAGER, else [desk].pager's command, else
// $PAGER, else less (with $LESS defaulting to FRX, so that output that fits
// on the screen is printed as it is and colours pass). Off with --no-pager,
// [desk].pager = false, an empty or "cat" pager, and when less is missing.
// desk waits for the pager when it exits. Needs the configuration.
void start_pager(Env& env);

}  // namespace desk::cmd
