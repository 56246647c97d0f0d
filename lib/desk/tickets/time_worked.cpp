#include "desk/tickets/time_worked.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/model/timeline.hpp"
#include "desk/util/duration.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::tickets {

std::int64_t parse_worked(std::string_view text, std::string_view what, bool correction) {
  std::string_view s = util::trim(text);
  bool negative = correction && !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  auto hint = [&] { return fmt::format("give {} as 25m, 1h30m or 90s", what); };
  // A bare number could be minutes or seconds; people mean both.
  if (util::parse_int(s))
    throw UsageError(fmt::format("{} {} has no unit", what, util::quoted(text)), hint());
  auto seconds = util::parse_duration(s);
  if (!seconds) throw UsageError(fmt::format("invalid {} {}", what, util::quoted(text)), hint());
  if (*seconds == 0) throw UsageError(fmt::format("{} is zero", what), hint());
  if (*seconds > kMaxWorkedSeconds)
    throw UsageError(fmt::format("{} {} is more than a day", what, util::quoted(text)),
                     "record each day's time apart");
  return negative ? -*seconds : *seconds;
}

std::string worked_text(std::int64_t seconds) {
  if (seconds != 0 && seconds > -60 && seconds < 60) return fmt::format("{}s", seconds);
  // Hours, never days: a day of work is not 24 hours.
  return format_span(seconds, std::int64_t{1} << 40);
}

model::Event add_time(work::Session& s, std::int64_t id, const TimeRequest& r) {
  model::Ticket t = work::require_ticket(s, id);
  if (r.seconds < 0) {
    std::int64_t total = 0;
    for (const auto& m : model::read_marks(t.timeline)) total += m.worked;
    if (total + r.seconds < 0)
      throw Refused(fmt::format("ticket {} has {} of time worked; {} would leave less than none",
                                id, worked_text(total), worked_text(r.seconds)));
  }
  model::Event e;
  e.kind = model::EventKind::worked;
  e.at = work::event_time(s, r.at, t.created_at);
  e.text = r.text;
  e.extra[model::Event::kWorkedKey] = r.seconds;
  return work::record(s, t, std::move(e));
}

std::vector<model::Event> time_entries(work::Session& s, std::int64_t id) {
  work::require_ticket(s, id);
  std::vector<model::Event> out;
  for (auto& e : s.store.ticket_events(id))
    if (e.worked() != 0) out.push_back(std::move(e));
  return out;
}

}  // namespace desk::tickets
