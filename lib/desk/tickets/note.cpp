// desk note: what was said, internally or to the customer.
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/tickets/actions.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::tickets {

Event add_note(work::Session& s, std::int64_t id, const NoteRequest& r) {
  Ticket t = work::require_ticket(s, id);
  if (util::trim(r.text).empty())
    throw DataError("the note is empty", "give the text with -m TEXT");
  std::string channel =
      r.channel.empty() ? r.channel : work::one_of("channel", r.channel, s.config.tickets.channels);
  // A note may be written up late, but not before the call it is about.
  Instant at = work::event_time(s, r.at, t.created_at);
  Event e;
  e.kind = r.reply ? model::EventKind::reply : model::EventKind::note;
  e.at = at;
  e.text = r.text;
  if (!channel.empty()) e.extra["channel"] = channel;
  return work::record(s, t, std::move(e));
}

}  // namespace desk::tickets
