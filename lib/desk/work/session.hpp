// What every use case needs: the configuration, the store, the clock and the
// actor. Built once per command by cmd/ and passed in, never global.
//
// lib/desk/work/ is the unit of work every domain's use cases are handed,
// and what they all share to change the store (record.hpp), check values
// (validate.hpp) and check the actor's role (roles.hpp). It sits on the
// store's interface and the configuration, below the domains: the store
// knows nothing of it, so a use case in one domain can call another's
// without the folders reaching back (ARCHITECTURE.md).
#pragma once

#include <string>

#include "desk/config/model.hpp"
#include "desk/core/time.hpp"
#include "desk/store/store.hpp"

namespace desk::work {

struct Session {
  const config::Config& config;
  store::Store& store;
  Instant now;        // --now, or the real clock
  std::string actor;  // --as, $DESK_USER, or the login name

  store::Ordering ordering() const { return {config.priority.levels}; }
};

}  // namespace desk::work
