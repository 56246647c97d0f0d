// desk init [DIR]: a commented starter desk.toml and the store it names.
// Never overwrites: what exists is kept and said so.
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

#include <fmt/format.h>

#include "desk/config/load.hpp"
#include "desk/config/locate.hpp"
#include "desk/config/starter.hpp"
#include "desk/core/error.hpp"
#include "desk/core/location.hpp"
#include "desk/store/open/open.hpp"
#include "desk/util/strings.hpp"

#include "registry.hpp"

namespace desk::cmd {

namespace {

namespace fs = std::filesystem;

struct Options {
  std::string dir = ".";
};

// Creates `path` with `text` unless it exists (O_EXCL: two inits at once
// cannot both write it). Returns false when it existed.
bool write_new(const fs::path& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0) {
    if (errno == EEXIST) return false;
    throw Error(Exit::io, fmt::format("cannot create {}: {}", util::quoted(path.string()),
                                      std::strerror(errno)));
  }
  ssize_t n = ::write(fd, text.data(), text.size());
  bool ok = n == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) {
    fs::remove(path);
    throw Error(Exit::io, fmt::format("cannot write {}", util::quoted(path.string())));
  }
  return true;
}

int run(Env& env, const Options& o) {
  fs::path file =
      env.globals.config ? fs::path(*env.globals.config) : fs::path(o.dir) / "desk.toml";
  std::error_code ec;
  if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
  if (ec)
    throw Error(Exit::io, fmt::format("cannot create the directory {}: {}",
                                      util::quoted(file.parent_path().string()), ec.message()));
  std::string member = resolve_actor(env.globals);
  std::string text = config::starter_text(Zone::system().name(), member);
  auto given = config::store_override(env.globals.db);
  if (given) {
    // The new file names the store --db chose, relative to the file when it can.
    fs::path db = config::store_location(*given, fs::current_path());
    fs::path dir = fs::absolute(file).parent_path();
    fs::path rel = is_server_location(db.native()) ? fs::path() : db.lexically_relative(dir);
    std::string shown = (!rel.empty() && rel.native().rfind("..", 0) != 0)
                            ? rel.string()
                            : shown_location(db.native());
    auto at = text.find("store = \"desk.db\"");
    if (at != std::string::npos) text.replace(at, 17, fmt::format("store = \"{}\"", shown));
  }
  bool wrote = write_new(file, text);

  config::Config c = config::load_file(file);
  if (given) c.store = config::store_location(*given, fs::current_path());
  bool created = store::create(c.store);

  fs::path shown = fs::absolute(file).lexically_normal();
  if (!env.globals.quiet) {
    env.out << (wrote ? "Created " : "Kept existing ") << shown.string() << '\n';
    env.out << (created ? "Created store " : "Kept existing store ")
            << shown_location(c.store.native()) << '\n';
    if (wrote || created) {
      env.out << "\nNext: desk log \"Printer on floor 3 is jammed\" --customer jane@example.org\n";
      // "./desk.toml" has the parent "." whose normal form ends in '/': ask
      // the file system whether it is the current directory instead.
      std::error_code same_ec;
      fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
      if (!fs::equivalent(dir, fs::current_path(), same_ec))
        env.out << "From another directory, first: export DESK_CONFIG=" << shown.string() << '\n';
    }
  }
  return 0;
}

}  // namespace

Runner cmd_init(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("dir", o->dir, "Where to write desk.toml (default: the current directory)");
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
