// desk restore FILE: check a backup, then put it in the store's place.
#include <filesystem>

#include <fmt/format.h>

#include "desk/core/location.hpp"
#include "desk/store/open/open.hpp"

#include "registry.hpp"

namespace desk::cmd {

namespace {

namespace fs = std::filesystem;

struct Options {
  std::string file;
  bool check = false;
};

// STORE.YYYYmmddTHHMMSSZ.bak: one per restore, none overwritten. A
// PostgreSQL store is no file: its copy goes beside FILE, as
// desk-store.YYYYmmddTHHMMSSZ.bak.
fs::path keep_path(const Env& env, const fs::path& store, const fs::path& from) {
  CivilTime c = Zone::utc().to_civil(env.now());
  std::string stamp = fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", c.year, c.month, c.day,
                                  c.hour, c.minute, c.second);
  std::string base = is_server_location(store.native())
                         ? (from.parent_path() / "desk-store").string()
                         : store.string();
  fs::path keep = base + "." + stamp + ".bak";
  std::error_code ec;
  for (int n = 1; fs::exists(keep, ec); ++n)
    keep = base + "." + stamp + "." + std::to_string(n) + ".bak";
  return keep;
}

int run(Env& env, const Options& o) {
  const auto& cfg = env.config();
  if (o.check) {
    store::FileInfo info = store::inspect(o.file);
    if (!env.globals.quiet)
      env.out << fmt::format("'{}' is a sound desk store ({} tickets, schema {})\n", o.file,
                             info.tickets, info.schema);
    return 0;
  }
  fs::path keep = keep_path(env, cfg.store, o.file);
  store::Restored r =
      store::restore(cfg.store, o.file, keep, std::chrono::milliseconds(cfg.busy_timeout_ms));
  if (!env.globals.quiet) {
    env.out << fmt::format("Restored '{}' into '{}' ({} tickets, schema {})\n", o.file,
                           shown_location(cfg.store.native()), r.info.tickets, r.info.schema);
    if (r.kept)
      env.out << fmt::format("The store as it was is in '{}'; 'desk restore {}' undoes this\n",
                             keep.string(), keep.string());
  }
  return 0;
}

}  // namespace

Runner cmd_restore(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("file", o->file, "A backup made by desk backup")->required();
  sub.add_flag("--check", o->check, "Only check the file; change nothing");
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
