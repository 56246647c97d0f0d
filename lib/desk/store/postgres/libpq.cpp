#include "desk/store/postgres/libpq.hpp"

#include <cstring>
#include <dlfcn.h>
#include <string>

#include "desk/core/error.hpp"

namespace desk::store::postgres {

namespace {

// libpq's soname: its ABI has been 5 since PostgreSQL 8.
constexpr const char* kLibrary = "libpq.so.5";

[[noreturn]] void unavailable(const std::string& why) {
  throw StoreError("cannot use a PostgreSQL store: " + why,
                   "install libpq (apt-get install libpq5), or use a SQLite store");
}

Libpq load() {
  // Never unloaded: its functions are used until desk exits.
  void* handle = ::dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = ::dlerror();
    unavailable(why ? why : std::string(kLibrary) + " cannot be loaded");
  }
  Libpq pq;
  // A function pointer is copied from dlsym's object pointer, as POSIX allows.
#define DESK_LIBPQ_LOAD(name)                                   \
  if (void* symbol = ::dlsym(handle, #name); symbol != nullptr) \
    std::memcpy(&pq.name, &symbol, sizeof pq.name);             \
  else                                                          \
    unavailable(std::string(kLibrary) + " has no " + #name + ": it is too old");
  DESK_LIBPQ_FUNCTIONS(DESK_LIBPQ_LOAD)
#undef DESK_LIBPQ_LOAD
  return pq;
}

}  // namespace

const Libpq& libpq() {
  static const Libpq loaded = load();
  return loaded;
}

}  // namespace desk::store::postgres
