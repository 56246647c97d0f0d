#include "desk/config/reader.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/duration.hpp"
#include "desk/util/strings.hpp"

namespace desk::config {

std::string Reader::where(const toml::node& n) const {
  const auto& src = n.source();
  if (src.begin.line == 0) return path_;
  return fmt::format("{}:{}:{}", path_, src.begin.line, src.begin.column);
}

void Reader::fail(const toml::node& n, const std::string& message, const std::string& hint) const {
  throw ConfigError(fmt::format("{}: {}", where(n), message), hint);
}

const toml::table& Reader::table(const toml::node& n, std::string_view what) const {
  if (const auto* t = n.as_table()) return *t;
  fail(n, fmt::format("{} must be a table", what));
}

std::string Reader::string(const toml::node& n, std::string_view what) const {
  if (auto v = n.value<std::string>()) return *v;
  fail(n, fmt::format("{} must be a string", what));
}

std::vector<std::string> Reader::strings(const toml::node& n, std::string_view what) const {
  const auto* arr = n.as_array();
  if (arr == nullptr) fail(n, fmt::format("{} must be an array of strings", what));
  std::vector<std::string> out;
  for (const auto& item : *arr) {
    auto v = item.value<std::string>();
    if (!v) fail(item, fmt::format("{} must be an array of strings", what));
    out.push_back(*v);
  }
  return out;
}

std::int64_t Reader::integer(const toml::node& n, std::string_view what) const {
  if (auto v = n.value<std::int64_t>(); v && n.is_integer()) return *v;
  fail(n, fmt::format("{} must be a whole number", what));
}

bool Reader::boolean(const toml::node& n, std::string_view what) const {
  if (auto v = n.value<bool>(); v && n.is_boolean()) return *v;
  fail(n, fmt::format("{} must be true or false", what));
}

std::int64_t Reader::duration(const toml::node& n, std::string_view what) const {
  auto text = n.value<std::string>();
  std::optional<std::int64_t> seconds;
  if (text) seconds = util::parse_duration(*text);
  if (!seconds)
    fail(n, fmt::format("{} must be a duration such as \"10s\", \"4h\" or \"5d\"", what));
  return *seconds;
}

Located Reader::located(const toml::node& n, std::string_view what) const {
  return Located{string(n, what), where(n)};
}

Match Reader::match(const toml::node& n, std::string_view what,
                    const std::vector<std::string_view>& fields) const {
  const auto& t = table(n, what);
  only_keys(t, what, fields);
  Match m;
  for (const auto& [key, value] : t) {
    std::string field(key.str());
    if (value.is_string())
      m.fields[field] = {string(value, field)};
    else
      m.fields[field] = strings(value, field);
  }
  return m;
}

void Reader::only_keys(const toml::table& t, std::string_view section,
                       const std::vector<std::string_view>& keys) const {
  std::vector<std::string> known(keys.begin(), keys.end());
  for (const auto& [key, value] : t) {
    std::string name(key.str());
    bool ok = false;
    for (auto k : keys) ok = ok || k == name;
    if (ok) continue;
    std::string hint;
    if (auto near = util::closest(name, known))
      hint = fmt::format("did you mean {}?", util::quoted(*near));
    else
      hint = fmt::format("known keys: {}", util::join(known, ", "));
    throw ConfigError(
        fmt::format("{}: unknown key {} in {}", value.source().begin.line ? where(value) : path_,
                    util::quoted(name), section),
        hint);
  }
}

void Reader::one_of(const toml::node& n, const std::string& value,
                    const std::vector<std::string>& allowed, std::string_view what) const {
  for (const auto& a : allowed)
    if (a == value) return;
  std::string hint = fmt::format("expected one of: {}", util::join(allowed, ", "));
  if (auto near = util::closest(value, allowed))
    hint = fmt::format("did you mean {}?", util::quoted(*near));
  fail(n, fmt::format("unknown {} {}", what, util::quoted(value)), hint);
}

}  // namespace desk::config
