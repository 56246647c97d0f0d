// A desk on a new store with the default configuration: where the unit
// tests of use cases and of the store begin. The store is a file in the
// test's directory; when DESK_TEST_PG names a PostgreSQL server (the
// "unit-pg" run of ctest), it is a new database there instead, so that the
// same tests prove the same behaviour on both backends.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <unistd.h>

#include "desk/config/load.hpp"
#include "desk/store/open/open.hpp"
#include "desk/store/postgres/connection.hpp"
#include "desk/work/session.hpp"

namespace desk::testing {

// Where a test's new store goes: `file`, or on the server a new database
// (the server's URI with its name in place of the test database's).
inline std::string new_store_location(const std::string& file) {
  const char* server = std::getenv("DESK_TEST_PG");
  if (server == nullptr || *server == '\0') return file;
  static int made = 0;
  std::string name = "desk_unit_" + std::to_string(::getpid()) + "_" + std::to_string(++made);
  store::postgres::Connection(server).exec("CREATE DATABASE " + name);
  std::string uri = server;
  std::size_t start = uri.find(":///") + 4;
  uri.replace(start, uri.find('?') - start, name);
  return uri;
}

struct TestDesk {
  config::Config config = config::defaults();
  std::unique_ptr<store::Store> store;

  explicit TestDesk(const std::string& file) {
    std::string location = new_store_location(file);
    store::create(location);
    store = store::open(location, store::Access::write, std::chrono::milliseconds(1000));
  }
  work::Session session(std::int64_t unix_now = 1'790'000'000, const std::string& actor = "alice") {
    return work::Session{config, *store, from_unix(unix_now), actor};
  }
};

}  // namespace desk::testing
