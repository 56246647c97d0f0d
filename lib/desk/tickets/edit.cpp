// desk edit: correcting a ticket's fields, each change an event.
#include <algorithm>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/tickets/actions.hpp"
#include "desk/tickets/priority.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::tickets {

namespace {

std::optional<std::string> current(const std::string& v) {
  return v.empty() ? std::nullopt : std::optional<std::string>(v);
}

}  // namespace

std::optional<Event> edit_ticket(work::Session& s, std::int64_t id, const EditRequest& r) {
  const auto& cfg = s.config;
  if (r.empty())
    throw UsageError("nothing to edit", "give a field to change, such as --title or --priority");
  Ticket t = work::require_ticket(s, id);
  if (t.status == model::Status::closed)
    throw Refused(fmt::format("ticket {} is closed", id), "a closed ticket's record is final");

  Event e;
  e.kind = model::EventKind::edited;
  if (r.title) work::change(e, t, "title", work::checked_title(*r.title));
  if (r.description) work::change(e, t, "description", *r.description);
  // An empty value clears an optional field.
  auto configured = [](std::string_view what, const std::string& v,
                       const std::vector<std::string>& allowed) {
    return v.empty() ? v : work::one_of(what, v, allowed);
  };
  if (r.type) work::change(e, t, "type", work::one_of("type", *r.type, cfg.tickets.types));
  if (r.channel)
    work::change(e, t, "channel", configured("channel", *r.channel, cfg.tickets.channels));
  if (r.category)
    work::change(e, t, "category", configured("category", *r.category, cfg.tickets.categories));
  if (r.service) work::change(e, t, "service", *r.service);
  if (r.customer) {
    std::int64_t cid = resolve_customer(s, *r.customer, true);
    work::change(e, t, "customer_id", cid ? model::Json(cid) : model::Json());
  }
  if (r.impact || r.urgency || r.priority) {
    // A new impact or urgency re-derives the priority unless one is given.
    auto impact = r.impact ? r.impact : current(t.impact);
    auto urgency = r.urgency ? r.urgency : current(t.urgency);
    PriorityChoice p = choose_priority(cfg.priority, impact, urgency, r.priority);
    if (r.impact || !r.priority) work::change(e, t, "impact", p.impact);
    if (r.urgency || !r.priority) work::change(e, t, "urgency", p.urgency);
    work::change(e, t, "priority", p.priority);
  }
  if (!r.add_tags.empty() || !r.remove_tags.empty()) {
    std::vector<std::string> tags = t.tags;
    for (const auto& tag : r.add_tags) {
      std::string checked = work::checked_tag(tag);
      if (std::find(tags.begin(), tags.end(), checked) == tags.end()) tags.push_back(checked);
    }
    for (const auto& tag : r.remove_tags) std::erase(tags, std::string(util::trim(tag)));
    std::sort(tags.begin(), tags.end());
    work::change(e, t, "tags", tags);
  }
  if (e.changes.empty()) return std::nullopt;
  if (e.change("priority") && util::trim(r.reason).empty())
    throw UsageError(fmt::format("changing the priority of ticket {} needs a reason", id),
                     "say why with -m REASON");
  e.at = work::event_time(s, r.at, t.updated_at);
  e.text = r.reason;
  return work::record(s, t, std::move(e));
}

}  // namespace desk::tickets
