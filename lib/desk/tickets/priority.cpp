#include "desk/tickets/priority.hpp"

#include <algorithm>

#include "desk/work/validate.hpp"

namespace desk::tickets {

namespace {

std::size_t index_of(const std::vector<std::string>& v, const std::string& x) {
  return static_cast<std::size_t>(std::find(v.begin(), v.end(), x) - v.begin());
}

}  // namespace

PriorityChoice choose_priority(const config::PriorityMatrix& m,
                               const std::optional<std::string>& impact,
                               const std::optional<std::string>& urgency,
                               const std::optional<std::string>& priority) {
  PriorityChoice c;
  c.impact = impact.value_or(m.impact[m.impact.size() / 2]);
  c.urgency = urgency.value_or(m.urgency[m.urgency.size() / 2]);
  work::require_one_of("impact", c.impact, m.impact);
  work::require_one_of("urgency", c.urgency, m.urgency);
  if (priority) {
    work::require_one_of("priority", *priority, m.levels);
    c.priority = *priority;
    // Axes nobody gave are not invented for an explicit priority.
    if (!impact) c.impact.clear();
    if (!urgency) c.urgency.clear();
  } else {
    c.priority = m.derive(index_of(m.impact, c.impact), index_of(m.urgency, c.urgency));
  }
  return c;
}

}  // namespace desk::tickets
