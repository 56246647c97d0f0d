// desk store: its subcommands (store.hpp says which file holds which).
#include "store.hpp"

namespace desk::cmd {

Runner cmd_store(CLI::App& sub) {
  using namespace storecmd;
  return dispatch(sub, "store", {copy(sub)});
}

}  // namespace desk::cmd
