// One ticket's life, told through desk's own use cases on the real store:
// logged, allocated by hand, by `desk take` or by `desk allocate --auto` from
// cron, answered, worked on, put on pending and resumed, escalated up a tier,
// to a supplier or to a manager, resolved, sometimes reopened, sometimes
// closed. Each step runs the function the real command runs, at the time it
// happened, inside the caller's WriteTransaction: the events, the ticket's
// row, its links and the audit chain are written by lib/ exactly as desk
// writes them, so the generator holds no copy of the store's interface.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "desk/config/model.hpp"
#include "desk/model/customer.hpp"
#include "desk/work/session.hpp"

#include "clock.hpp"

namespace bench {

using desk::model::Event;
using desk::model::Ticket;

struct Call {
  std::int64_t id = 0;  // the id the ticket will get: stories are told in id order
  Instant at{};
  std::int64_t customer_id = 0;  // 0: `newcomer` is added first, as `desk customer add` would
  const desk::model::Customer* newcomer = nullptr;
  std::string locale;        // the customer's: some titles are in their language
  bool unallocated = false;  // stop once logged: open, nobody and no team on it
};

// What a story wrote: the ticket as it ends (the replay of its events) and
// every event recorded on the way, for the generator's tally. A row with id
// 0 is no ticket's: events a cron run recorded on tickets no story waited on.
struct Told {
  Ticket row;
  std::vector<Event> events;
  std::int64_t customer_id = 0;  // the caller's (a newcomer's new id)
};

// Tells stories in the order the calls came. A ticket left to cron waits
// for cron's next run, as it would at a desk: every ten minutes one real
// `desk allocate --auto` allocates all the tickets waiting (with one count
// of each technician's open tickets, where a run per ticket would count
// them again for every ticket), then their stories carry on.
class Teller {
 public:
  // `config` must outlive the teller; stories are written to `store`.
  Teller(const desk::config::Config& config, desk::store::Store& store, const WorkClock& clock,
         Instant now, std::uint64_t seed);
  ~Teller();
  Teller(const Teller&) = delete;
  Teller& operator=(const Teller&) = delete;

  // Logs the call and tells its story, or as much as comes before the cron
  // run it waits for. Returns the caller's customer id (a newcomer's new one).
  std::int64_t tell(const Call& call);
  // Runs cron's runs due by `until` (every one waiting: nullopt) and ends
  // the stories that waited for them.
  void run_cron(std::optional<Instant> until = std::nullopt);

  // Called with each story as it ends.
  std::function<void(Told&&)> told;

 private:
  class Story;

  const desk::config::Config& config_;
  const WorkClock& clock_;
  Instant now_;
  std::uint64_t seed_;
  desk::work::Session session_;
  std::map<Instant, std::vector<std::unique_ptr<Story>>> waiting_;  // by cron run
};

}  // namespace bench
