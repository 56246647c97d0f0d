// A ticket's service levels as JSON (desk sla --format json, and the
// sla_* fields of listings): flat, documented keys per clock, times in ISO
// 8601 in the clock's calendar zone.
#pragma once

#include <nlohmann/json.hpp>

#include "desk/sla/levels.hpp"

namespace desk::sla {

using Json = nlohmann::ordered_json;

// The whole picture: policy, calendar, paused, and for each of response,
// resolve and update: <clock>_target_minutes, _start, _due, _stopped_at,
// _elapsed_minutes, _remaining_minutes, _percent_used, _running, _met,
// _breached, _at_risk (null when the policy sets no such target); and "ola".
Json sla_json(const TicketSla& s, const ServiceLevels& levels);

// "breached", "at-risk", "paused", "met", "running" or "" (no clock): the
// one word a listing shows.
std::string sla_state(const TicketSla& s);

}  // namespace desk::sla
