// desk kb: the knowledge base's subcommands (kb.hpp says which file holds
// which).
#include "kb.hpp"

namespace desk::cmd {

Runner cmd_kb(CLI::App& sub) {
  using namespace kbcmd;
  return dispatch(sub, "kb",
                  {add(sub), edit(sub), publish(sub), retire(sub), show(sub), list(sub),
                   search(sub), suggest(sub), link(sub), history(sub), exp(sub), imp(sub)});
}

}  // namespace desk::cmd
