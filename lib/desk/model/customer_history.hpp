// A customer's record as the events about it ("customer:ID") tell it. The
// customers table keeps the record for fast reading, as the tickets table
// keeps tickets, and `desk doctor` checks one against the other: a name or
// an email changed behind desk's back is found as a ticket's title is.
#pragma once

#include <string>
#include <vector>

#include "desk/model/customer.hpp"
#include "desk/model/ticket.hpp"

namespace desk::model {

// The changes from `a` to `b` of the fields an event about a customer
// records (name, email, organisation, phone, tier, notes); null for empty.
std::vector<Change> customer_changes(const Customer& a, const Customer& b);

// What erasing a person leaves of their record: the marker for a name, no
// email, phone or notes; organisation and tier stay (they say nothing of
// the person alone). `desk customer forget` and retention write it.
Customer erased(Customer c);

struct CustomerRecord {
  Customer customer;
  bool added = false;    // a customer-added event was seen
  bool removed = false;  // merged into another: no row any more
};

// Folds one event about the customer into its record: the fields an added,
// edited or merged event changes, the merge that removed it, an erasure.
// Events of other kinds change nothing.
void apply(CustomerRecord& r, const Event& e);

// Where the row differs from the record its events tell, each as "name is
// 'X' in its row, 'Y' by its events"; empty when they agree.
std::vector<std::string> differences(const Customer& row, const Customer& told);

}  // namespace desk::model
