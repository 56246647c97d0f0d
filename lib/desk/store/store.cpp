#include "desk/store/store.hpp"

#include "desk/core/error.hpp"
#include "desk/store/words.hpp"

namespace desk::store {

void unknown_stored_word(std::string_view name, std::string_view holder) {
  throw StoreCorrupt(std::string(holder) + " '" + std::string(name) + "'", "run desk doctor");
}

void Store::each_ticket_timeline(
    const Query& q,
    const std::function<bool(const Ticket&, const std::vector<model::Mark>&)>& row) {
  // Measuring needs no long texts: skipping them makes a million tickets
  // much cheaper to read.
  Query lean = q;
  lean.lean = true;
  each_ticket(lean, Ordering{},
              [&](const Ticket& t) { return row(t, model::read_marks(t.timeline)); });
}

}  // namespace desk::store
