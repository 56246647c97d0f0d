// desk backup FILE: a consistent copy of the store while others keep writing.
#include <fmt/format.h>

#include "desk/core/location.hpp"
#include "desk/store/open/open.hpp"

#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::string file;
};

int run(Env& env, const Options& o) {
  const auto& cfg = env.config();
  store::FileInfo info =
      store::backup(cfg.store, o.file, std::chrono::milliseconds(cfg.busy_timeout_ms));
  if (!env.globals.quiet)
    env.out << fmt::format("Backed up '{}' to '{}' ({} tickets, schema {})\n",
                           shown_location(cfg.store.native()), o.file, info.tickets, info.schema);
  return 0;
}

}  // namespace

Runner cmd_backup(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("file", o->file, "Where to write the copy (replaced atomically)")->required();
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
