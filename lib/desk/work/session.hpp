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

#include <set>
#include <string>
#include <vector>

#include "desk/config/model.hpp"
#include "desk/core/time.hpp"
#include "desk/model/ticket.hpp"
#include "desk/store/store.hpp"

namespace desk::work {

struct Session {
  const config::Config& config;
  store::Store& store;
  Instant now;        // --now, or the real clock
  std::string actor;  // --as, $DESK_USER, or the login name
  // Every ticket event work::record wrote through this session, in order,
  // when [hooks] names any: what the hooks run for once the transaction
  // commits (cmd/write.hpp).
  std::vector<model::Event> recorded = {};
  // Time worked (--time, seconds) that work::record puts on the first event
  // it records on each ticket, and the tickets it has gone on.
  std::int64_t worked = 0;
  std::set<std::int64_t> worked_on = {};

  store::Ordering ordering() const { return {config.priority.levels}; }
};

}  // namespace desk::work
