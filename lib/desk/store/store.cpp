#include "desk/store/store.hpp"

#include "desk/core/error.hpp"

namespace desk::store {

void unknown_stored_word(std::string_view name, std::string_view what) {
  throw StoreCorrupt(std::string(what) + " '" + std::string(name) + "'", "run desk doctor");
}

model::Status stored_status(std::string_view name) {
  return stored_word<model::Status>(name, "a ticket has the unknown status");
}

model::EventKind stored_kind(std::string_view name) {
  return stored_word<model::EventKind>(name, "an event has the unknown kind");
}

model::LinkKind stored_link_kind(std::string_view name) {
  return stored_word<model::LinkKind>(name, "a link has the unknown kind");
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
