// A desk on a new store file with the default configuration: where the unit
// tests of use cases and of the store begin.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "desk/config/load.hpp"
#include "desk/store/open/open.hpp"
#include "desk/work/session.hpp"

namespace desk::testing {

struct TestDesk {
  config::Config config = config::defaults();
  std::unique_ptr<store::Store> store;

  explicit TestDesk(const std::string& file) {
    store::create(file);
    store = store::open(file, store::Access::write, std::chrono::milliseconds(1000));
  }
  work::Session session(std::int64_t unix_now = 1'790'000'000, const std::string& actor = "alice") {
    return work::Session{config, *store, from_unix(unix_now), actor};
  }
};

}  // namespace desk::testing
