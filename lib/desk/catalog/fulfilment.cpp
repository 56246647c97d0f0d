#include "desk/catalog/fulfilment.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::catalog {

const std::vector<std::string>& outcomes() {
  static const std::vector<std::string> all = {"upheld", "partly-upheld", "not-upheld"};
  return all;
}

model::Event check_step(work::Session& s, std::int64_t id, const std::string& step,
                        std::optional<Instant> at) {
  model::Ticket t = work::require_ticket(s, id);
  auto steps = s.store.catalog().ticket_steps(id);
  if (steps.empty())
    throw Refused(fmt::format("ticket {} has no checklist", id),
                  "a ticket logged with --service NAME takes its service's checklist");
  if (t.status == model::Status::closed)
    throw Refused(fmt::format("ticket {} is closed", id), "a closed ticket's record is final");
  const model::ChecklistStep* chosen = nullptr;
  if (auto n = util::parse_int(util::trim(step))) {
    for (const auto& st : steps)
      if (st.number == *n) chosen = &st;
  } else {
    std::string want = util::to_lower_ascii(util::trim(step));
    int matches = 0;
    for (const auto& st : steps) {
      std::string text = util::to_lower_ascii(st.text);
      if (text == want) {
        chosen = &st;
        matches = 1;
        break;
      }
      if (!want.empty() && text.rfind(want, 0) == 0) {
        chosen = &st;
        ++matches;
      }
    }
    if (matches > 1) chosen = nullptr;
  }
  if (chosen == nullptr)
    throw Refused(
        fmt::format("ticket {} has no step {}", id, util::quoted(step)),
        fmt::format("its steps are 1 to {}; 'desk show {}' lists them", steps.size(), id));
  if (chosen->done_at)
    throw Refused(fmt::format("step {} of ticket {} is done already", chosen->number, id));
  model::Event e;
  e.kind = model::EventKind::checked;
  e.at = work::event_time(s, at, t.created_at);
  e.extra["step"] = chosen->number;
  e.extra["item"] = chosen->text;
  int done = 1;
  for (const auto& st : steps) done += st.done_at ? 1 : 0;
  e.extra["done"] = fmt::format("{}/{}", done, steps.size());
  int number = chosen->number;
  model::Event recorded = work::record(s, t, std::move(e));
  s.store.catalog().mark_step(id, number, recorded.at, recorded.actor);
  return recorded;
}

model::Event rate(work::Session& s, std::int64_t id, const RateRequest& r) {
  if (r.score < 1 || r.score > 5)
    throw UsageError(fmt::format("a score is from 1 to 5, not {}", r.score),
                     "5 is very satisfied, 1 very dissatisfied");
  model::Ticket t = work::require_ticket(s, id);
  if (model::is_open(t.status))
    throw Refused(fmt::format("ticket {} is not resolved", id),
                  "a rating is of a resolution: rate it once it is resolved");
  int resolution = t.reopen_count + 1;
  for (const auto& existing : s.store.ratings().of_ticket(id))
    if (existing.resolution == resolution)
      throw Refused(fmt::format("ticket {} was rated already ({} of 5)", id, existing.score),
                    "one rating per resolution; a reopened and resolved-again ticket can be "
                    "rated again");
  std::string resolver;
  for (const auto& e : s.store.ticket_events(id))
    if (e.kind == model::EventKind::resolved) resolver = e.actor;
  model::Event e;
  e.kind = model::EventKind::rated;
  e.at = work::event_time(s, r.at, t.resolved_at.value_or(t.updated_at));
  e.text = r.comment;
  e.extra["score"] = r.score;
  e.extra["resolution"] = resolution;
  model::Event recorded = work::record(s, t, std::move(e));
  model::Rating rating;
  rating.ticket_id = id;
  rating.resolution = resolution;
  rating.score = r.score;
  rating.comment = r.comment;
  rating.at = recorded.at;
  rating.actor = recorded.actor;
  rating.resolver = resolver.empty() ? t.assignee : resolver;
  s.store.ratings().insert(rating);
  return recorded;
}

}  // namespace desk::catalog
