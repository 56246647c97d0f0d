// Absences: a technician away from one instant until another (leave,
// sickness, training), kept in the store as events about the technician
// (subject "technician:ID"), so that the history and the audit chain keep
// who recorded what. An absence is never edited: a wrong one is cancelled
// (an "away-cancelled" event) and recorded again. desk.toml's `away = true`
// still means away until further notice.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "desk/model/business_calendar.hpp"
#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::tickets {

struct Absence {
  std::int64_t id = 0;  // the event that recorded it
  std::string technician;
  Instant from{};
  Instant until{};  // back at this instant
  std::string reason;
  std::string recorded_by;
};

struct AbsenceRequest {
  std::string technician;
  std::optional<Instant> from;  // default: now
  Instant until{};
  std::string reason;
};

// Records an absence of a configured technician; until must be after from.
model::Event record_absence(work::Session& s, const AbsenceRequest& r);
// Cancels the absence recorded by event `id` (Refused when there is none,
// or it is cancelled already).
model::Event cancel_absence(work::Session& s, std::int64_t id);

// Every absence not cancelled, in the order recorded.
std::vector<Absence> absences(work::Session& s);

// Who is away when, and who is on shift, read once for a command that asks
// many times.
class Whereabouts {
 public:
  explicit Whereabouts(work::Session& s);
  // Away at `at`: `away = true` in desk.toml, or an absence covering it.
  bool away(const std::string& technician, Instant at) const;
  // When an absence covering `at` ends (the latest, where they overlap
  // end to end); nullopt when none covers it.
  std::optional<Instant> back(const std::string& technician, Instant at) const;
  // Inside the working hours of the technician's shift calendar
  // (config::Config::shift_calendar) at `at`, whether or not away. Without
  // one, `fallback`'s hours; with no fallback either, always on shift.
  bool on_shift(const std::string& technician, Instant at, const std::string& fallback = {}) const;

 private:
  const config::Config& config_;
  std::map<std::string, std::vector<Absence>> by_technician_;
  model::Calendars calendars_;
};

}  // namespace desk::tickets
