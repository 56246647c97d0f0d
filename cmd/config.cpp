// desk config check [FILE] | show | path
#include <filesystem>

#include <fmt/format.h>

#include "desk/config/dump.hpp"
#include "desk/config/load.hpp"
#include "desk/config/locate.hpp"
#include "desk/core/error.hpp"

#include "registry.hpp"

namespace desk::cmd {

namespace {

namespace fs = std::filesystem;

struct Options {
  std::string file;
  CLI::App* check = nullptr;
  CLI::App* show = nullptr;
  CLI::App* path = nullptr;
};

int run(Env& env, const Options& o) {
  if (o.check->parsed()) {
    std::optional<std::string> named = o.file.empty() ? env.globals.config : std::optional(o.file);
    auto file = config::locate(named);
    if (!file)
      throw ConfigError("no configuration file found",
                        "give one: 'desk config check desk.toml', or run 'desk init'");
    config::load_file(*file);
    if (!env.globals.quiet) env.out << fmt::format("{}: ok\n", file->string());
    return 0;
  }
  config::Config c = config::resolve(env.globals.config, env.globals.db);
  if (o.show->parsed()) {
    env.out << "# The effective configuration"
            << (c.file.empty() ? " (built-in defaults)" : " of " + c.file.string()) << "\n"
            << config::to_toml(c);
    return 0;
  }
  env.out << "config  "
          << (c.file.empty() ? "(none: built-in defaults)" : fs::absolute(c.file).string())
          << "\nstore   " << c.store.string() << '\n';
  return 0;
}

}  // namespace

Runner cmd_config(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.require_subcommand(1);
  o->check = sub.add_subcommand("check", "Validate a configuration file (exit 78 when bad)");
  o->check->add_option("file", o->file, "The file (default: the one in force)");
  o->show = sub.add_subcommand("show", "Print the effective configuration, defaults filled in");
  o->path = sub.add_subcommand("path", "Print which configuration file and store are in force");
  for (auto* s : {o->check, o->show, o->path}) s->fallthrough();
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
