// [desk], [tickets], [priority] and [hooks].
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "desk/config/sections.hpp"
#include "desk/core/error.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/util/strings.hpp"

namespace desk::config {

namespace {

// A vocabulary list: non-empty, no repeats, no blanks, no commas (commas
// separate values in filters and CSV cells).
std::vector<std::string> vocabulary(const toml::node& n, const Reader& r, std::string_view what) {
  auto values = r.strings(n, what);
  if (values.empty()) r.fail(n, fmt::format("{} must not be empty", what));
  std::set<std::string> seen;
  for (const auto& v : values) {
    if (v.empty() || v.find_first_of(", \t") != std::string::npos)
      r.fail(n, fmt::format("{} value {} must be one word without spaces or commas", what,
                            util::quoted(v)));
    if (!seen.insert(v).second) r.fail(n, fmt::format("{} lists {} twice", what, util::quoted(v)));
  }
  return values;
}

// Priorities most urgent first: walk the matrix by anti-diagonals (impact
// rank + urgency rank), taking each value the first time it appears.
std::vector<std::string> derive_levels(const PriorityMatrix& p) {
  std::vector<std::string> levels;
  std::size_t rows = p.matrix.size();
  std::size_t cols = rows ? p.matrix[0].size() : 0;
  for (std::size_t sum = 0; rows && sum + 1 < rows + cols; ++sum)
    for (std::size_t i = 0; i < rows; ++i) {
      if (sum < i || sum - i >= cols) continue;
      const auto& v = p.matrix[i][sum - i];
      if (std::find(levels.begin(), levels.end(), v) == levels.end()) levels.push_back(v);
    }
  return levels;
}

}  // namespace

void read_desk(Config& c, const toml::table& t, const Reader& r) {
  r.only_keys(t, "[desk]", {"store", "timezone", "default_sla", "busy_timeout", "pager"});
  if (const auto* n = t.get("store")) {
    c.store = r.string(*n, "store");
    if (c.store.empty()) r.fail(*n, "store must not be empty");
  }
  if (const auto* n = t.get("timezone")) {
    c.timezone = r.string(*n, "timezone");
    try {
      (void)Zone::named(c.timezone);
    } catch (const ConfigError& e) {
      r.fail(*n, e.what(), e.hint());
    }
  }
  if (const auto* n = t.get("default_sla")) c.default_sla = r.string(*n, "default_sla");
  if (const auto* n = t.get("busy_timeout"))
    c.busy_timeout_ms = r.duration(*n, "busy_timeout") * 1000;
  if (const auto* n = t.get("pager")) {
    if (const auto* on = n->as_boolean())
      c.pager = on->get();
    else if (const auto* command = n->as_string(); command && !command->get().empty())
      c.pager_command = command->get();
    else
      r.fail(*n, "pager must be true, false or a command such as \"less -S\"");
  }
}

void read_tickets(Config& c, const toml::table& t, const Reader& r) {
  r.only_keys(
      t, "[tickets]",
      {"types", "channels", "categories", "resolution_codes", "incident_types", "close_after"});
  if (const auto* n = t.get("types")) c.tickets.types = vocabulary(*n, r, "types");
  auto is_type = [&](const std::string& v) {
    return std::find(c.tickets.types.begin(), c.tickets.types.end(), v) != c.tickets.types.end();
  };
  if (const auto* n = t.get("incident_types")) {
    c.tickets.incident_types = vocabulary(*n, r, "incident_types");
    for (const auto& v : c.tickets.incident_types)
      if (!is_type(v))
        r.fail(*n, fmt::format("incident type {} is not one of [tickets] types", util::quoted(v)),
               fmt::format("types: {}", util::join(c.tickets.types, ", ")));
  } else if (t.contains("types")) {
    // Types of one's own without saying which are incidents: the starter's
    // "incident", if it is still among them.
    std::erase_if(c.tickets.incident_types, [&](const std::string& v) { return !is_type(v); });
    if (c.tickets.incident_types.empty() && is_type("incident"))
      c.tickets.incident_types = {"incident"};
  }
  if (const auto* n = t.get("channels")) c.tickets.channels = vocabulary(*n, r, "channels");
  if (const auto* n = t.get("categories")) c.tickets.categories = vocabulary(*n, r, "categories");
  if (const auto* n = t.get("resolution_codes"))
    c.tickets.resolution_codes = vocabulary(*n, r, "resolution_codes");
  if (const auto* n = t.get("close_after"))
    c.tickets.close_after_seconds = r.duration(*n, "close_after");
}

void read_import(Config& c, const toml::table& t, const Reader& r) {
  r.only_keys(t, "[import]", {"resolution_code"});
  if (const auto* n = t.get("resolution_code"))
    c.imports.resolution_code = r.located(*n, "resolution_code");
}

// Checked once the whole file is read: [tickets] may come after [import].
void validate_import(const Config& c) {
  const Located& code = c.imports.resolution_code;
  const auto& codes = c.tickets.resolution_codes;
  if (!code.value.empty() && std::find(codes.begin(), codes.end(), code.value) == codes.end())
    throw ConfigError(
        fmt::format("{}: unknown resolution code {}", code.where, util::quoted(code.value)),
        fmt::format("expected one of: {}", util::join(codes, ", ")));
}

void read_priority(Config& c, const toml::table& t, const Reader& r) {
  r.only_keys(t, "[priority]", {"impact", "urgency", "matrix", "levels"});
  // The matrix only makes sense with its axes: the section is read as a whole.
  PriorityMatrix p;
  for (const char* key : {"impact", "urgency", "matrix"})
    if (!t.contains(key))
      throw ConfigError(
          fmt::format("{}: [priority] needs {} (impact, urgency and matrix go together)",
                      r.where(t), util::quoted(key)));
  p.impact = vocabulary(*t.get("impact"), r, "impact");
  p.urgency = vocabulary(*t.get("urgency"), r, "urgency");
  const auto& m = *t.get("matrix");
  const auto* rows = m.as_array();
  if (rows == nullptr || rows->size() != p.impact.size())
    r.fail(m, fmt::format("matrix must have {} rows, one per impact level", p.impact.size()));
  for (const auto& row : *rows) {
    auto cells = r.strings(row, "a matrix row");
    if (cells.size() != p.urgency.size())
      r.fail(row, fmt::format("each matrix row must have {} priorities, one per urgency level",
                              p.urgency.size()));
    for (const auto& cell : cells)
      if (cell.empty() || cell.find_first_of(", \t") != std::string::npos)
        r.fail(row, fmt::format("priority {} must be one word without spaces or commas",
                                util::quoted(cell)));
    p.matrix.push_back(std::move(cells));
  }
  p.levels = derive_levels(p);
  if (const auto* n = t.get("levels")) {
    auto levels = vocabulary(*n, r, "levels");
    for (const auto& v : p.levels)
      if (std::find(levels.begin(), levels.end(), v) == levels.end())
        r.fail(*n, fmt::format("levels must include {}, which the matrix uses", util::quoted(v)));
    p.levels = levels;
  }
  c.priority = std::move(p);
}

void read_hooks(Config& c, const toml::table& t, const Reader& r) {
  std::vector<std::string_view> keys = {"timeout", "pending"};
  for (auto k : util::all<model::EventKind>())
    if (model::is_ticket_event(k)) keys.push_back(util::name(k));
  r.only_keys(t, "[hooks]", keys);
  Hooks h;
  h.timeout_seconds = c.hooks.timeout_seconds;
  for (const auto& [key, node] : t) {
    if (key.str() == "timeout")
      h.timeout_seconds = r.duration(node, "timeout");
    else
      h.on[std::string(key.str())] = r.strings(node, key.str());
  }
  c.hooks = std::move(h);
}

}  // namespace desk::config
