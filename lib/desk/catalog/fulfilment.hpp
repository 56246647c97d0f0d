// What happens on a ticket because of the catalogue and its customers:
// ticking a step of its checklist (`desk check`), and the customer's rating
// of its resolution (`desk rate`). Both are events on the ticket.
#pragma once

#include <optional>
#include <string>

#include "desk/model/service.hpp"
#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::catalog {

// `step`: its number (1, 2, ...) or its text (any case, or a unique start).
model::Event check_step(work::Session& s, std::int64_t id, const std::string& step,
                        std::optional<Instant> at);

// One rating per resolution: a ticket reopened and resolved again can be
// rated again. The ticket must be resolved or closed; score 1..5.
struct RateRequest {
  int score = 0;
  std::string comment;
  std::optional<Instant> at;
};
model::Event rate(work::Session& s, std::int64_t id, const RateRequest& r);

// The complaint type, and a complaint's outcomes.
inline constexpr const char* kComplaint = "complaint";
const std::vector<std::string>& outcomes();

}  // namespace desk::catalog
