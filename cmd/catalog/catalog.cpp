// desk catalog: the service catalogue's subcommands (catalog.hpp says
// which file holds which).
#include "catalog.hpp"

namespace desk::cmd {

Runner cmd_catalog(CLI::App& sub) {
  using namespace catalogcmd;
  return dispatch(
      sub, "catalog",
      {add(sub), edit(sub), show(sub), list(sub), retire(sub), check(sub), exp(sub), imp(sub)});
}

}  // namespace desk::cmd
