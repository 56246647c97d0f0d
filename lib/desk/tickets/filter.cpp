#include "desk/tickets/filter.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/validate.hpp"

namespace desk::tickets {

namespace {

const std::vector<std::string> kFilterFields = {
    "status",   "type",    "priority", "assignee", "team",  "customer", "channel",
    "category", "service", "tag",      "id",       "since", "until",    "tier"};

void append(std::vector<std::string>& to, const std::vector<std::string>& values) {
  for (const auto& v : values)
    if (std::find(to.begin(), to.end(), v) == to.end()) to.push_back(v);
}

void checked(std::vector<std::string>& to, const std::vector<std::string>& values,
             std::string_view what, const std::vector<std::string>& allowed) {
  std::vector<std::string> configured;
  for (const auto& v : values) configured.push_back(work::one_of(what, v, allowed));
  append(to, configured);
}

}  // namespace

void add_statuses(Query& q, const std::vector<std::string>& values) {
  for (const auto& v : values) {
    if (v == "all") {
      q.statuses.clear();
      return;
    }
    std::vector<model::Status> these;
    if (v == "open") {
      these.assign(model::kOpenStatuses.begin(), model::kOpenStatuses.end());
    } else if (auto status = util::parse<model::Status>(v)) {
      these = {*status};
    } else {
      std::vector<std::string> allowed = util::names<model::Status>();
      allowed.insert(allowed.end(), {"open", "all"});
      work::require_one_of("status", v, allowed);
    }
    for (model::Status s : these)
      if (std::find(q.statuses.begin(), q.statuses.end(), s) == q.statuses.end())
        q.statuses.push_back(s);
  }
}

void add_filter(Query& q, const FilterContext& ctx, const std::string& field,
                const std::vector<std::string>& values) {
  const auto& cfg = ctx.config;
  if (values.empty()) return;
  if (field == "status") return add_statuses(q, values);
  if (field == "type") return checked(q.types, values, "type", cfg.tickets.types);
  if (field == "priority") return checked(q.priorities, values, "priority", cfg.priority.levels);
  if (field == "channel") return checked(q.channels, values, "channel", cfg.tickets.channels);
  if (field == "category") return checked(q.categories, values, "category", cfg.tickets.categories);
  if (field == "service") return append(q.services, values);
  if (field == "customer") return append(q.customers, values);
  if (field == "tag") {
    for (const auto& v : values) append(q.tags, {work::checked_tag(v)});
    return;
  }
  if (field == "assignee") {
    for (const auto& v : values) append(q.assignees, {v == "me" ? ctx.actor : v});
    return;
  }
  if (field == "team") {
    std::vector<std::string> teams = {"none"};
    for (const auto& [name, t] : cfg.teams) teams.push_back(name);
    return checked(q.teams, values, "team", teams);
  }
  if (field == "id") {
    for (const auto& v : values) q.ids.push_back(work::parse_ticket_id(v));
    return;
  }
  if (field == "since") {
    q.created_since = parse_time(values.back(), ctx.now, ctx.zone);
    return;
  }
  if (field == "until") {
    q.created_until = parse_time(values.back(), ctx.now, ctx.zone);
    return;
  }
  if (field == "tier") {
    auto tier = util::parse_int(values.back());
    if (!tier)
      throw DataError(fmt::format("invalid tier {}", util::quoted(values.back())),
                      "a tier is a number such as 2");
    q.min_tier = static_cast<int>(*tier);
    return;
  }
  auto near = util::closest(field, kFilterFields);
  throw UsageError(fmt::format("cannot filter on {}", util::quoted(field)),
                   near ? fmt::format("did you mean '{}:'?", *near)
                        : fmt::format("filters: {}", util::join(kFilterFields, ", ")));
}

void add_filter_terms(Query& q, const FilterContext& ctx, const std::vector<std::string>& terms) {
  for (const auto& term : terms) {
    if (term.empty()) continue;
    if (term.size() > 1 && term.front() == '+') {
      add_filter(q, ctx, "tag", {term.substr(1)});
      continue;
    }
    auto colon = term.find(':');
    // "field:value". Letters before the colon make a filter, and an unknown
    // field is refused with a suggestion (a typo such as "stauts:new" must
    // not silently become text); anything else with a colon ("10:30") is text.
    if (colon != std::string::npos && colon > 0) {
      std::string field = util::to_lower_ascii(term.substr(0, colon));
      bool known =
          std::find(kFilterFields.begin(), kFilterFields.end(), field) != kFilterFields.end();
      bool letters =
          std::all_of(field.begin(), field.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (known || letters) {
        std::string value = term.substr(colon + 1);
        if (!known) add_filter(q, ctx, field, {value});  // throws with a suggestion
        auto values = util::split(value, ',');
        if (values.empty())
          throw UsageError(fmt::format("{} needs a value", util::quoted(term)),
                           fmt::format("such as {}:VALUE", field));
        add_filter(q, ctx, field, values);
        continue;
      }
    }
    std::string word(util::trim(term));
    if (!word.empty()) q.words.push_back(word);
  }
}

const std::vector<std::string>& sort_fields() {
  static const std::vector<std::string> fields = {
      "id",       "priority", "status",   "created", "updated",  "resolved", "title", "type",
      "assignee", "team",     "customer", "channel", "category", "service",  "tier",  "due"};
  return fields;
}

std::vector<SortKey> parse_sort(const std::string& spec) {
  std::vector<SortKey> keys;
  for (auto& piece : util::split(spec, ',')) {
    SortKey k;
    k.descending = piece.front() == '-';
    std::string field = (piece.front() == '-' || piece.front() == '+') ? piece.substr(1) : piece;
    if (field.size() > 3 && field.substr(field.size() - 3) == "_at") field.resize(field.size() - 3);
    const auto& fields = sort_fields();
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      auto near = util::closest(field, fields);
      throw UsageError(fmt::format("cannot sort by {}", util::quoted(field)),
                       near ? fmt::format("did you mean {}?", util::quoted(*near))
                            : fmt::format("sort fields: {}", util::join(fields, ", ")));
    }
    k.field = field;
    keys.push_back(k);
  }
  return keys;
}

}  // namespace desk::tickets
