// What every use case needs: the configuration, the store, the clock and the
// actor. Built once per command by cmd/ and passed in, never global.
#pragma once

#include <string>

#include "desk/config/model.hpp"
#include "desk/core/time.hpp"
#include "desk/store/store.hpp"

namespace desk::tickets {

struct Session {
  const config::Config& config;
  store::Store& store;
  Instant now;        // --now, or the real clock
  std::string actor;  // --as, $DESK_USER, or the login name

  store::Ordering ordering() const { return {config.priority.levels}; }
};

}  // namespace desk::tickets
