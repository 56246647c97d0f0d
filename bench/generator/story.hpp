// One ticket's life, told through desk's own use cases: logged, allocated by
// hand, by `desk take` or by `desk allocate --auto` from cron, answered,
// worked on, put on pending and resumed, escalated up a tier, to a supplier
// or to a manager, resolved, sometimes reopened, sometimes closed. Each step
// runs the function the real command runs, at the time it happened, so the
// events carry exactly the changes the commands write.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "desk/config/model.hpp"
#include "desk/work/session.hpp"

#include "clock.hpp"
#include "scratch_store.hpp"

namespace bench {

struct Call {
  std::int64_t id = 0;
  Instant at{};
  std::int64_t customer_id = 0;
  std::string locale;        // the customer's: some titles are in their language
  bool unallocated = false;  // stop once logged: open, nobody and no team on it
};

struct Told {
  Ticket row;  // model::replay(events)
  std::vector<Event> events;
  std::vector<desk::model::Link> links;
};

class Teller {
 public:
  Teller(const desk::config::Config& config, const WorkClock& clock, Instant now,
         std::uint64_t seed);
  Teller(const Teller&) = delete;
  Teller& operator=(const Teller&) = delete;

  Told tell(const Call& call);
  // Where round-robin allocation left off in each team.
  const std::map<std::string, std::string>& cursors() const { return store_.cursors(); }

 private:
  class Story;

  const desk::config::Config& config_;
  const WorkClock& clock_;
  Instant now_;
  std::uint64_t seed_;
  ScratchStore store_;
  desk::work::Session session_;
};

}  // namespace bench
