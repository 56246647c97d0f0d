// Store::each_ticket_with_stored_events with the reading on a second thread:
// an export spends about as long reading the store as writing its text, so
// on two cores the two overlap. The contract is the store's: `row` is called
// on the calling thread, in id order, until it returns false.
#pragma once

#include <functional>
#include <span>

#include "desk/store/store.hpp"

namespace desk::bulk {

void read_ahead(
    store::Store& store, const model::Query& q,
    const std::function<bool(const model::Ticket&, std::span<const store::StoredEvent>)>& row);

}  // namespace desk::bulk
