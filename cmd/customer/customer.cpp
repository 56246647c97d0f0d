// desk customer: its subcommands (customer.hpp says which file holds which).
#include "customer.hpp"

namespace desk::cmd {

Runner cmd_customer(CLI::App& sub) {
  using namespace customercmd;
  return dispatch(sub, "customer",
                  {add(sub), edit(sub), show(sub), list(sub), merge(sub), exp(sub), forget(sub)});
}

}  // namespace desk::cmd
