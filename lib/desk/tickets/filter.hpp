// Building a Query from what a person types: flags handled by cmd/, and
// Taskwarrior-style terms ("status:open", "priority:P1,P2", "+vpn", "printer").
// Every value is checked against the configuration, so a typo is an error
// with a suggestion rather than an empty list.
#pragma once

#include <string>
#include <vector>

#include "desk/config/model.hpp"
#include "desk/model/ticket.hpp"

namespace desk::tickets {

using model::Query;
using model::SortKey;

struct FilterContext {
  const config::Config& config;
  Instant now;
  Zone zone;
  std::string actor;  // what "me" means for assignee
};

// Statuses with the shorthands "open" (every status before resolved) and
// "all" (no restriction); checked against the lifecycle's statuses.
void add_statuses(Query& q, const std::vector<std::string>& values);

// Adds one field's values (any of them matches): status, type, priority,
// assignee, team, customer, channel, category, service, tag, id, since,
// until, tier. Throws UsageError for an unknown field, DataError for a
// value the configuration does not know.
void add_filter(Query& q, const FilterContext& ctx, const std::string& field,
                const std::vector<std::string>& values);

// Terms: "field:value[,value]", "+tag", "-tag" is refused (ambiguous with
// options), anything else is a word to find in title or description.
void add_filter_terms(Query& q, const FilterContext& ctx, const std::vector<std::string>& terms);

// The fields tickets can be sorted by.
const std::vector<std::string>& sort_fields();

// "priority,-created" → sort keys; throws UsageError for an unknown field.
std::vector<SortKey> parse_sort(const std::string& spec);

}  // namespace desk::tickets
