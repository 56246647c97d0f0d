// Time worked: recorded on the events that are work (`--time` on a note, a
// resolve, ...: work::record puts it on the event) or on its own (`desk time
// ID --add`), kept in the event's data and its ticket's timeline, corrected
// only by a later entry, never by changing one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::tickets {

// The most one entry may record, either way: a day.
inline constexpr std::int64_t kMaxWorkedSeconds = 24 * 3600;

// "25m", "1h30m", "90s" as seconds; with `correction`, also "-15m". A bare
// number is refused (minutes or seconds?), as are zero and more than a day.
// The error names `what` (the option).
std::int64_t parse_worked(std::string_view text, std::string_view what, bool correction = false);

// "1h 05m", "25m", "-15m", "45s": how desk prints time worked.
std::string worked_text(std::int64_t seconds);

struct TimeRequest {
  std::int64_t seconds = 0;  // negative: a correction
  std::string text;
  std::optional<Instant> at;
};

// Records time worked on its own (a "worked" event). A correction may not
// take the ticket's total below zero.
model::Event add_time(work::Session& s, std::int64_t id, const TimeRequest& r);

// A ticket's entries of time worked, oldest first.
std::vector<model::Event> time_entries(work::Session& s, std::int64_t id);

}  // namespace desk::tickets
