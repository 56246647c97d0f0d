#include "desk/store/store.hpp"

#include "desk/core/error.hpp"

namespace desk::store {

model::Status stored_status(std::string_view name) {
  if (auto s = util::parse<model::Status>(name)) return *s;
  throw StoreCorrupt("a ticket has the unknown status '" + std::string(name) + "'",
                     "run desk doctor");
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
