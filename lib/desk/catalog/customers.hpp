// Customers' use cases: add, edit, merge, and a subject access request
// (export). Each change is recorded as an event about the customer
// ("customer:ID"), so the history of a person's record is in the audit
// chain too. Erasure is compliance/forget.hpp.
#pragma once

#include <optional>
#include <string>

#include "desk/model/customer.hpp"
#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::catalog {

using model::Customer;

// The customer by id, email or name, or Refused.
Customer require_customer(work::Session& s, const std::string& key);

// Adds `c` (email unique in any case); returns it with its id.
Customer add_customer(work::Session& s, Customer c);
// Records that `c`, stored already, was added: add_customer does, and so
// does an import for the customers it keeps from a file.
void record_added(work::Session& s, const Customer& c);

struct CustomerChange {
  std::optional<std::string> name, email, organisation, phone, tier, notes;
  bool empty() const { return !name && !email && !organisation && !phone && !tier && !notes; }
};
// nullopt when every value given is already the customer's.
std::optional<Customer> edit_customer(work::Session& s, const std::string& key,
                                      const CustomerChange& c);

// Moves everything from `from` to `into`: tickets (each an edit event), and
// the fields `into` lacks. `from` is removed. Needs the lead role.
struct Merged {
  Customer into;
  std::vector<std::int64_t> tickets;
};
Merged merge_customers(work::Session& s, const std::string& into, const std::string& from);

// Everything stored about a person, for a subject access request: their
// record, the events about it, their tickets with every event, their
// checklists and ratings.
model::Json export_customer(work::Session& s, const std::string& key);

model::Json customer_json(const Customer& c, const Zone& zone);

}  // namespace desk::catalog
