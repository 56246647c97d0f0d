#include "desk/work/validate.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk::work {

void require_one_of(std::string_view what, const std::string& value,
                    const std::vector<std::string>& allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  std::string hint;
  if (auto near = util::closest(value, allowed))
    hint =
        fmt::format("did you mean {}? allowed: {}", util::quoted(*near), util::join(allowed, ", "));
  else
    hint = fmt::format("allowed: {}", util::join(allowed, ", "));
  throw DataError(fmt::format("unknown {} {}", what, util::quoted(value)), hint);
}

std::string checked_tag(std::string_view tag) {
  std::string t(util::trim(tag));
  if (t.empty() || t.find_first_of(", \t\r\n") != std::string::npos)
    throw DataError(fmt::format("invalid tag {}", util::quoted(tag)),
                    "a tag is one word without commas");
  return t;
}

std::string checked_title(std::string_view title) {
  std::string t = util::single_line(util::trim(title));
  if (t.empty()) throw DataError("the title must not be empty");
  return t;
}

Ticket require_ticket(Session& s, std::int64_t id) {
  auto t = s.store.find_ticket(id);
  if (!t) throw Refused(fmt::format("no ticket {}", id), "'desk list' shows the tickets there are");
  return *t;
}

Instant event_time(const Session& s, const std::optional<Instant>& at,
                   std::optional<Instant> not_before) {
  Instant t = at.value_or(s.now);
  const Zone zone = s.config.zone();
  if (t > s.now)
    throw DataError(fmt::format("--at {} is in the future", format_iso(t, zone)),
                    "events are recorded when they happened; leave out --at for now");
  if (not_before && t < *not_before)
    throw DataError(
        fmt::format("--at {} is before {}", format_iso(t, zone), format_iso(*not_before, zone)),
        "the ticket's history must stay in order");
  return t;
}

std::int64_t parse_ticket_id(std::string_view text) {
  std::string_view s = util::trim(text);
  if (!s.empty() && s.front() == '#') s.remove_prefix(1);
  auto id = util::parse_int(s);
  if (!id || *id <= 0)
    throw UsageError(fmt::format("invalid ticket id {}", util::quoted(text)),
                     "ids are numbers such as 42");
  return *id;
}

}  // namespace desk::work
