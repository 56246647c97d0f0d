// Reading and writing MIME mail, loaded (dlopen) when a command first does:
// the mail/mime/ module (parse, compose) is built into desk-mime.so with
// GMime, uchardet and gumbo. Linked into desk, GMime and the libraries it
// brings (GIO, GPGME, libmount, libselinux: thirteen of desk's 31) cost
// every command about 1.3 ms of start-up, a fifth of `desk show`'s
// (bench/README.md, "Start-up"), though only the mail commands use them.
// As libpq is for PostgreSQL (store/postgres/libpq.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "desk/mail/message.hpp"

namespace desk::mail {

// What the module hands desk. `version` and the sizes let desk refuse a
// module from another build of desk, whose types may be laid out otherwise.
struct MimeModule {
  const char* version;
  std::size_t message_size;
  std::size_t outgoing_size;
  Message (*parse)(std::string_view raw);       // mail/mime/parse.hpp
  std::string (*compose)(const Outgoing& out);  // mail/mime/compose.hpp
};

// The function the module exports, returning its MimeModule.
inline constexpr const char* kMimeEntry = "desk_mime_module";
// The module's file name, and where desk looks for it: beside its binary
// as installed (bin/../lib/desk/), then where it was built or installed.
inline constexpr const char* kMimeFile = "desk-mime.so";

// The module, loaded on the first call (thread-safe). Throws Error
// (software) saying which file is missing or wrong, with what to do.
const MimeModule& mime();

}  // namespace desk::mail
