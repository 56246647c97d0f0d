// Another tool's columns, and reading a row by them.
#include "desk/bulk/import_values.hpp"

#include <algorithm>

#include "desk/bulk/import_parse.hpp"
#include "desk/work/validate.hpp"

namespace desk::bulk {

namespace {

const std::vector<std::string> kColumns = {"external_id",    "type",
                                           "title",          "description",
                                           "created_at",     "customer",
                                           "customer_name",  "customer_email",
                                           "customer_phone", "organisation",
                                           "channel",        "category",
                                           "service",        "priority",
                                           "impact",         "urgency",
                                           "tags",           "status",
                                           "pending_reason", "assignee",
                                           "team",           "first_response_at",
                                           "resolved_at",    "resolution_code",
                                           "resolution",     "workaround",
                                           "closed_at",      "rating",
                                           "rating_comment", "rated_at",
                                           "time_worked"};

}  // namespace

const std::vector<std::string>& import_columns() {
  return kColumns;
}

Values::Values(const Json& o, std::size_t line) : o_(o), line_(line) {
  for (const auto& [k, v] : o.items()) {
    if (std::find(kColumns.begin(), kColumns.end(), k) == kColumns.end()) {
      std::string hint = fmt::format("the columns are: {}", util::join(kColumns, ", "));
      if (auto near = util::closest(k, kColumns))
        hint = fmt::format("did you mean {}?", util::quoted(*near));
      bad(line, fmt::format("unknown column {}", util::quoted(k)), hint);
    }
  }
}

std::string Values::text(const std::string& key) const {
  auto it = o_.find(key);
  if (it == o_.end() || it->is_null()) return {};
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  if (!it->is_string())
    bad(line_, fmt::format("{} must be text, not {}", util::quoted(key), json_text(*it)));
  return std::string(util::trim(it->get<std::string>()));
}

std::string Values::raw(const std::string& key) const {
  auto it = o_.find(key);
  if (it == o_.end() || it->is_null()) return {};
  if (!it->is_string()) bad(line_, fmt::format("{} must be text", util::quoted(key)));
  return it->get<std::string>();
}

std::optional<std::string> Values::maybe(const std::string& key) const {
  std::string v = text(key);
  return v.empty() ? std::nullopt : std::optional<std::string>(v);
}

std::optional<Instant> Values::time(const std::string& key, const ParseContext& ctx) const {
  std::string v = text(key);
  if (v.empty()) return std::nullopt;
  return time_value(Json(v), key, line_, ctx);
}

std::vector<std::string> Values::tags() const {
  auto it = o_.find("tags");
  std::vector<std::string> out;
  if (it == o_.end() || it->is_null()) return out;
  std::vector<std::string> raw;
  if (it->is_array()) {
    for (const auto& t : *it) {
      if (!t.is_string()) bad(line_, "'tags' must be text");
      raw.push_back(t.get<std::string>());
    }
  } else if (it->is_string()) {
    // "vpn,remote" or "vpn remote": spreadsheets use either.
    std::string s = it->get<std::string>();
    std::replace(s.begin(), s.end(), ' ', ',');
    raw = util::split(s, ',');
  } else {
    bad(line_, "'tags' must be text or a list");
  }
  for (const auto& t : raw) {
    std::string checked = work::checked_tag(t);
    if (std::find(out.begin(), out.end(), checked) == out.end()) out.push_back(checked);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool Values::has(const std::string& key) const {
  auto it = o_.find(key);
  return it != o_.end() && !it->is_null() &&
         !(it->is_string() && util::trim(it->get<std::string>()).empty()) &&
         !(it->is_array() && it->empty());
}

}  // namespace desk::bulk
