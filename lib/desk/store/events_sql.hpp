// An event's data column: what it changed and carried, as JSON. Internal to
// store/.
#pragma once

#include <string>

#include "desk/model/ticket.hpp"

namespace desk::store {

std::string encode_event_data(const model::Event& e);
void decode_event_data(model::Event& e, const std::string& text);

}  // namespace desk::store
