#include "desk/mail/mime.hpp"

#include <cstring>
#include <dlfcn.h>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "desk/core/error.hpp"

namespace desk::mail {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void unavailable(const std::string& why, const std::string& hint) {
  throw Error(Exit::software, "cannot read or write mail: " + why, hint);
}

// Beside the running binary as installed (bin/desk, lib/desk/desk-mime.so)
// or built (cmd/desk, lib/desk/desk-mime.so), then where `make install`
// puts it, for a binary copied elsewhere.
std::vector<fs::path> candidates() {
  std::vector<fs::path> out;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) out.push_back(self.parent_path() / ".." / "lib" / "desk" / kMimeFile);
  out.push_back(fs::path(DESK_MIME_INSTALL_DIR) / kMimeFile);
  return out;
}

const MimeModule& load() {
  std::vector<fs::path> tried;
  for (const fs::path& path : candidates()) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      tried.push_back(path.lexically_normal());
      continue;
    }
    // Never unloaded: its functions are used until desk exits.
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = ::dlerror();
      unavailable(why ? why : path.string() + " cannot be loaded",
                  "install the mail libraries (apt-get install libgmime-3.0-0 libuchardet0 "
                  "libgumbo1)");
    }
    void* entry = ::dlsym(handle, kMimeEntry);
    if (entry == nullptr)
      unavailable(path.string() + " is not desk's mail module", "reinstall desk");
    const MimeModule* (*get)() = nullptr;
    // A function pointer is copied from dlsym's object pointer, as POSIX allows.
    std::memcpy(&get, &entry, sizeof get);
    const MimeModule& m = *get();
    if (std::strcmp(m.version, DESK_VERSION) != 0 || m.message_size != sizeof(Message) ||
        m.outgoing_size != sizeof(Outgoing))
      unavailable(path.string() + " is from another build of desk (" + m.version + ")",
                  "reinstall desk");
    return m;
  }
  std::string where;
  for (const auto& p : tried) where += (where.empty() ? "" : " or ") + p.string();
  unavailable(std::string(kMimeFile) + " is missing (looked for " + where + ")",
              "reinstall desk: the mail module is installed with it");
}

}  // namespace

const MimeModule& mime() {
  static const MimeModule& loaded = load();
  return loaded;
}

}  // namespace desk::mail
