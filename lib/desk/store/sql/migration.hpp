// A schema migration: one file of a backend's schema/ folder, embedded at
// build time (cmake/DeskEmbed.cmake). Both backends number their versions
// alike: a store of version N holds the same tables on either.
#pragma once

namespace desk::store::sql {

struct Migration {
  int version;       // the number the file starts with: the store's version after it runs
  const char* name;  // file name without .sql
  const char* sql;
};

}  // namespace desk::store::sql
