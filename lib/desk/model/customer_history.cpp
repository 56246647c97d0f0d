#include "desk/model/customer_history.hpp"

#include <fmt/format.h>

#include "desk/model/serialize.hpp"

namespace desk::model {

namespace {

// The fields an event about a customer records, and where each lives.
struct Field {
  const char* name;
  std::string Customer::*member;
};
constexpr Field kFields[] = {
    {"name", &Customer::name},
    {"email", &Customer::email},
    {"organisation", &Customer::organisation},
    {"phone", &Customer::phone},
    {"tier", &Customer::tier},
    {"notes", &Customer::notes},
};

std::string shown(const std::string& v) {
  return v.empty() ? std::string("(none)") : "'" + v + "'";
}

}  // namespace

std::vector<Change> customer_changes(const Customer& a, const Customer& b) {
  std::vector<Change> out;
  for (const auto& f : kFields)
    if (a.*f.member != b.*f.member)
      out.push_back({f.name, text_or_null(a.*f.member), text_or_null(b.*f.member)});
  return out;
}

Customer erased(Customer c) {
  c.name = kErased;
  c.email.clear();
  c.phone.clear();
  c.notes.clear();
  return c;
}

void apply(CustomerRecord& r, const Event& e) {
  switch (e.kind) {
    case EventKind::customer_added:
    case EventKind::customer_edited:
    case EventKind::customer_merged:
      r.added = r.added || e.kind == EventKind::customer_added;
      for (const auto& f : kFields)
        if (const Change* c = e.change(f.name))
          r.customer.*f.member = c->to.is_string() ? c->to.get<std::string>() : std::string();
      // The merged-away side's event names the customer it went into.
      if (e.kind == EventKind::customer_merged && e.extra.contains("into")) r.removed = true;
      break;
    case EventKind::erased:
      r.customer = erased(std::move(r.customer));
      r.customer.erased_at = e.at;
      break;
    default:
      break;
  }
}

std::vector<std::string> differences(const Customer& row, const Customer& told) {
  std::vector<std::string> out;
  for (const auto& f : kFields)
    if (row.*f.member != told.*f.member)
      out.push_back(fmt::format("{} is {} in its row, {} by its events", f.name,
                                shown(row.*f.member), shown(told.*f.member)));
  if (row.erased_at.has_value() != told.erased_at.has_value())
    out.push_back(row.erased_at ? "it is erased in its row, not by its events"
                                : "its events erased it, its row is not erased");
  return out;
}

}  // namespace desk::model
