#include "desk/work/record.hpp"

#include "desk/model/fields.hpp"
#include "desk/work/validate.hpp"

namespace desk::work {

void change(Event& e, const Ticket& t, std::string_view field, const Json& to) {
  Json from = get_field(t, field);
  Json normalised = to;
  if (to.is_string() && to.get<std::string>().empty()) normalised = Json();
  if (to.is_array() && to.empty() && from.is_array() && from.empty()) return;
  if (from == normalised) return;
  e.changes.push_back({std::string(field), std::move(from), std::move(normalised)});
}

Event record(Session& s, Ticket& t, Event e) {
  // --time goes once on each ticket a command changes, with its first event.
  if (s.worked != 0 && e.worked() == 0 && model::is_ticket_event(e.kind) &&
      s.worked_on.insert(t.id).second)
    e.extra[Event::kWorkedKey] = s.worked;
  require_within_limits(s.config.limits, e);
  e.ticket_id = t.id;
  if (e.actor.empty()) e.actor = s.actor;
  e.recorded_at = s.now;
  apply(t, e);
  e.id = s.store.append_event(e);
  s.store.update_ticket(t);
  // Kept only for hooks: a command that changes a million tickets with no
  // hook configured holds none of them.
  if (!s.config.hooks.on.empty()) s.recorded.push_back(e);
  return e;
}

}  // namespace desk::work

namespace desk::work {

Event record_subject(Session& s, Event e) {
  require_within_limits(s.config.limits, e);
  e.ticket_id = 0;
  if (e.actor.empty()) e.actor = s.actor;
  e.recorded_at = s.now;
  if (e.at == Instant{}) e.at = s.now;
  e.id = s.store.append_event(e);
  return e;
}

}  // namespace desk::work
