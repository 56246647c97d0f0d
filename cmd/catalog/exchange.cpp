// desk catalog export and import: the catalogue as TOML
#include <fstream>

#include <fmt/format.h>

#include "desk/catalog/services.hpp"
#include "desk/core/error.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"

#include "catalog.hpp"
#include "options.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd::catalogcmd {

namespace {

using format::Json;

struct Options {
  std::string file, output;
};

int run_export(Env& env, const Options& o) {
  auto session = env.session(store::Access::read);
  write_output(env, o.output, catalog::export_toml(session));
  return 0;
}

int run_import(Env& env, const Options& o) {
  std::string text;
  if (o.file == "-") {
    text = read_text(std::cin, "standard input");
  } else {
    std::ifstream in(o.file, std::ios::binary);
    if (!in) throw DataError(fmt::format("cannot read {}", util::quoted(o.file)));
    text = read_text(in, util::quoted(o.file));
  }
  auto result = write(env, [&](work::Session& s) {
    return catalog::import_toml(s, text, o.file == "-" ? "<stdin>" : o.file);
  });
  if (!env.globals.quiet)
    env.out << fmt::format("Imported the catalogue: {} added, {} changed, {} unchanged\n",
                           result.added.size(), result.changed.size(), result.unchanged.size());
  return 0;
}

}  // namespace

Sub exp(CLI::App& catalog) {
  auto o = std::make_shared<Options>();
  auto* sub = catalog.add_subcommand("export", "Write the catalogue as TOML");
  sub->add_option("-o,--output", o->output, "Write to FILE atomically instead of standard output")
      ->option_text("FILE");
  return {sub, [o](Env& env) { return run_export(env, *o); }};
}

Sub imp(CLI::App& catalog) {
  auto o = std::make_shared<Options>();
  auto* sub = catalog.add_subcommand("import", "Add or update services from TOML (idempotent)");
  sub->add_option("file", o->file, "A catalogue file, or '-' for standard input")->required();
  return {sub, [o](Env& env) { return run_import(env, *o); }};
}

}  // namespace desk::cmd::catalogcmd
