// An event's data column: what it changed and carried, as JSON, the same for
// every backend (event_data.cpp).
#pragma once

#include <string>

#include "desk/audit/chain.hpp"
#include "desk/model/ticket.hpp"

namespace desk::store {

std::string encode_event_data(const model::Event& e);
void decode_event_data(model::Event& e, const std::string& text);
// The event as the audit chain hashes it: its columns, the data encoded as
// above; no salt or hash yet.
audit::Record record_of(const model::Event& e);
// And back: the event a record of the chain stands for.
model::Event event_of(const audit::Record& r);

}  // namespace desk::store
