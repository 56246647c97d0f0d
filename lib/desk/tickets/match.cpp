#include "desk/tickets/match.hpp"

#include <algorithm>

#include "desk/util/strings.hpp"

namespace desk::tickets {

namespace {

bool any_of(const std::vector<std::string>& wanted, const std::string& value) {
  return std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}

bool customer_is(const std::vector<std::string>& wanted, const Ticket& t) {
  for (const auto& w : wanted) {
    std::string lw = util::to_lower_ascii(w);
    if (lw == util::to_lower_ascii(t.customer_email) ||
        lw == util::to_lower_ascii(t.customer_name) ||
        (t.customer_id && w == std::to_string(t.customer_id)))
      return true;
  }
  return false;
}

}  // namespace

bool reads_people(const config::Match& m) {
  return m.fields.count("customer") || m.fields.count("customer_tier") || m.fields.count("tag");
}

bool matches(const config::Match& m, const Ticket& t) {
  for (const auto& entry : m.fields) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
    const std::string& field = entry.first;
    const std::vector<std::string>& wanted = entry.second;
    bool ok = false;
    if (field == "type")
      ok = any_of(wanted, t.type);
    else if (field == "category")
      ok = any_of(wanted, t.category);
    else if (field == "channel")
      ok = any_of(wanted, t.channel);
    else if (field == "priority")
      ok = any_of(wanted, t.priority);
    else if (field == "service")
      ok = any_of(wanted, t.service);
    else if (field == "team")
      ok = any_of(wanted, t.team);
    else if (field == "customer")
      ok = customer_is(wanted, t);
    else if (field == "customer_tier")
      ok = any_of(wanted, t.customer_tier);
    else if (field == "tag")
      ok = std::any_of(t.tags.begin(), t.tags.end(),
                       [&](const std::string& tag) { return any_of(wanted, tag); });
    if (!ok) return false;
  }
  return true;
}

}  // namespace desk::tickets
