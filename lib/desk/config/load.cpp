#include "desk/config/load.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "desk/config/locate.hpp"
#include "desk/config/reader.hpp"
#include "desk/config/sections.hpp"
#include "desk/config/starter.hpp"
#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"
#include "desk/util/toml.hpp"

namespace desk::config {

namespace {

toml::table parse(std::string_view text, const std::string& display) {
  try {
    return util::parse_toml(text, display);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    throw ConfigError(fmt::format("{}:{}:{}: {}", display, at.line, at.column, e.description()));
  }
}

// Reads every section `t` has over `c`. Sections it lacks keep their values.
void overlay(Config& c, const toml::table& t, const Reader& r) {
  r.only_keys(t, "the file", kSections);
  for (const auto& [key, node] : t) {
    read_section(c, key.str(), node, r);
  }
}

// A file with its own [priority] levels and no [sla.*] keeps the starter's
// policies, whose targets name the starter's levels (P1 to P4). Each of the
// file's levels takes the targets of the starter's level of the same rank,
// most urgent to least (with 3 levels: P1, P3, P4; with 4: P1 to P4), so
// renaming the priorities never fails on a file the user never wrote.
void rank_starter_targets(Config& c) {
  const auto& from = defaults().priority.levels;
  const auto& to = c.priority.levels;
  if (from == to || from.empty() || to.empty()) return;
  auto rerank = [&](std::map<std::string, Located>& texts) {
    std::map<std::string, Located> ranked;
    for (std::size_t i = 0; i < to.size(); ++i) {
      std::size_t j =
          to.size() == 1 ? 0 : (i * (from.size() - 1) + (to.size() - 1) / 2) / (to.size() - 1);
      auto it = texts.find(from[j]);
      if (it != texts.end()) ranked[to[i]] = it->second;
    }
    texts = std::move(ranked);
  };
  for (auto& [name, policy] : c.sla) {
    rerank(policy.response_text);
    rerank(policy.resolve_text);
    rerank(policy.update_text);
  }
}

Config load(std::string_view text, const std::filesystem::path& file) {
  Config c = defaults();
  c.file = file;
  std::string display = file.string();
  toml::table t = parse(text, display);
  overlay(c, t, Reader(display));
  if (t.contains("priority") && !t.contains("sla")) rank_starter_targets(c);
  // The starter's [[sla_rule]] (complaints get the "complaints" policy) holds
  // only while its policy and the values it matches exist: a file with its
  // own [sla.*] tables or ticket types and no rules of its own drops it
  // rather than failing on names it never wrote.
  if (!t.contains("sla_rule"))
    std::erase_if(c.sla_rules, [&](const SlaRule& rule) {
      return !c.sla.count(rule.sla.value) || !match_known(c, rule.match);
    });
  validate(c);
  return c;
}

}  // namespace

Config defaults() {
  static const Config base = [] {
    Config c;
    std::string text = starter_text();
    overlay(c, parse(text, "<starter>"), Reader("<starter>"));
    validate(c);
    return c;
  }();
  return base;
}

Config load_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw ConfigError(fmt::format("cannot read configuration {}", util::quoted(file.string())));
  std::ostringstream text;
  text << in.rdbuf();
  Config c = load(text.str(), file);
  std::filesystem::path dir = file.parent_path();
  if (dir.empty()) dir = ".";
  c.store = store_location(c.store, dir);
  return c;
}

Config load_text(std::string_view text, const std::filesystem::path& name) {
  return load(text, name);
}

}  // namespace desk::config
