// [calendars.*], [sla.*], [[sla_rule]], [ola.*] and [[escalation]].
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "desk/config/sections.hpp"
#include "desk/core/error.hpp"
#include "desk/model/calendar.hpp"
#include "desk/model/target.hpp"
#include "desk/util/strings.hpp"

namespace desk::config {

namespace {

using model::kWeekdays;
// Only an open ticket's clock can stop.
constexpr auto kPausable = model::kOpenStatuses;
// Either stops the response clock.
constexpr std::array<model::EventKind, 2> kResponses = {model::EventKind::reply,
                                                        model::EventKind::resolved};

// Runs `f`, moving a ConfigError it throws to the node's position.
template <typename F>
auto at_node(const Reader& r, const toml::node& n, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const ConfigError& e) {
    r.fail(n, e.what(), e.hint());
  }
}

// { P1 = "15m", P2 = "1h", P3 = 240 } → texts by priority; plain numbers are minutes.
std::map<std::string, Located> target_texts(const toml::node& n, const Reader& r,
                                            std::string_view what) {
  const auto& t = r.table(n, what);
  std::map<std::string, Located> out;
  for (const auto& [key, value] : t) {
    std::string text;
    if (value.is_integer())
      text = std::to_string(*value.value<std::int64_t>());
    else
      text = r.string(value, fmt::format("{}.{}", what, key.str()));
    out[std::string(key.str())] = Located{text, r.where(value)};
  }
  return out;
}

std::vector<model::Status> pausing_statuses(const toml::node& n, const Reader& r) {
  return r.words<model::Status>(n, "pause_on", kPausable, "status to pause on");
}

int percent(const toml::node& n, const Reader& r, std::string_view what) {
  auto v = r.integer(n, what);
  if (v < 1 || v > 100) r.fail(n, fmt::format("{} must be a percentage from 1 to 100", what));
  return static_cast<int>(v);
}

template <typename Map>
std::vector<std::string> keys_of(const Map& m) {
  std::vector<std::string> out;
  for (const auto& [k, v] : m) out.push_back(k);
  return out;
}

// Texts → business seconds of `calendar`, priorities checked.
Targets to_seconds(const std::map<std::string, Located>& texts, const model::CalendarSpec& calendar,
                   const std::vector<std::string>& levels) {
  Targets out;
  for (const auto& [priority, text] : texts) {
    if (std::find(levels.begin(), levels.end(), priority) == levels.end())
      unknown(text.where, "priority", priority, levels);
    try {
      out[priority] = model::parse_target(text.value, calendar);
    } catch (const ConfigError& e) {
      throw ConfigError(fmt::format("{}: {}", text.where, e.what()), e.hint());
    }
  }
  return out;
}

}  // namespace

void read_calendars(Config& c, const toml::table& t, const Reader& r) {
  c.calendars.clear();
  for (const auto& [key, node] : t) {
    std::string name(key.str());
    std::string label = fmt::format("[calendars.{}]", name);
    const auto& ct = r.table(node, label);
    std::vector<std::string_view> keys = {"timezone", "holidays", "always_open"};
    for (auto d : kWeekdays) keys.emplace_back(d);
    r.only_keys(ct, label, keys);
    model::CalendarSpec spec;
    spec.name = name;
    spec.timezone = c.timezone;
    if (const auto* n = ct.get("timezone")) spec.timezone = r.string(*n, "timezone");
    if (const auto* n = ct.get("always_open")) spec.always_open = r.boolean(*n, "always_open");
    for (std::size_t d = 0; d < kWeekdays.size(); ++d) {
      const auto* n = ct.get(kWeekdays[d]);
      if (n == nullptr) continue;
      const auto* arr = n->as_array();
      if (arr == nullptr)
        r.fail(*n,
               fmt::format("{} must be an array of windows such as \"09:00-17:00\"", kWeekdays[d]));
      for (const auto& item : *arr) {
        std::string text = r.string(item, kWeekdays[d]);
        spec.week[d].push_back(at_node(r, item, [&] { return model::parse_window(text); }));
      }
    }
    if (const auto* n = ct.get("holidays")) {
      const auto* arr = n->as_array();
      if (arr == nullptr)
        r.fail(*n, "holidays must be an array of dates such as \"2026-12-25\" or \"12-25\"");
      for (const auto& item : *arr) {
        std::string text = r.string(item, "holidays");
        spec.holidays.push_back(at_node(r, item, [&] { return model::parse_holiday(text); }));
      }
    }
    // Building it checks the zone and the windows, with this section's position.
    at_node(r, node, [&] { return model::working_day_seconds(spec); });
    c.calendars[name] = std::move(spec);
  }
}

void read_sla(Config& c, const toml::table& t, const Reader& r) {
  c.sla.clear();
  for (const auto& [key, node] : t) {
    std::string name(key.str());
    std::string label = fmt::format("[sla.{}]", name);
    const auto& st = r.table(node, label);
    r.only_keys(
        st, label,
        {"calendar", "response", "resolve", "update", "pause_on", "warn_at", "response_met_by"});
    SlaPolicy p;
    p.name = name;
    p.where = r.where(node);
    p.calendar = Located{"24x7", p.where};
    p.pause_on = {model::Status::pending};
    if (const auto* n = st.get("calendar")) p.calendar = r.located(*n, "calendar");
    if (const auto* n = st.get("response")) p.response_text = target_texts(*n, r, "response");
    if (const auto* n = st.get("resolve")) p.resolve_text = target_texts(*n, r, "resolve");
    if (const auto* n = st.get("update")) p.update_text = target_texts(*n, r, "update");
    if (const auto* n = st.get("pause_on")) p.pause_on = pausing_statuses(*n, r);
    if (const auto* n = st.get("warn_at")) p.warn_at = percent(*n, r, "warn_at");
    if (const auto* n = st.get("response_met_by")) {
      p.response_met_by =
          r.words<model::EventKind>(*n, "response_met_by", kResponses, "response_met_by value");
      if (p.response_met_by.empty())
        r.fail(*n, "response_met_by must name reply, resolved or both");
    }
    c.sla[name] = std::move(p);
  }
}

void read_sla_rules(Config& c, const toml::node& n, const Reader& r) {
  const auto* rules = n.as_array();
  if (rules == nullptr) r.fail(n, "sla_rule must be written as [[sla_rule]] tables");
  c.sla_rules.clear();
  for (const auto& item : *rules) {
    const auto& rt = r.table(item, "[[sla_rule]]");
    r.only_keys(rt, "[[sla_rule]]", {"match", "sla"});
    SlaRule rule;
    if (const auto* m = rt.get("match"))
      rule.match = r.match(*m, "match",
                           {"type", "category", "channel", "priority", "service", "customer",
                            "customer_tier", "tag"});
    const auto* sla = rt.get("sla");
    if (sla == nullptr) r.fail(item, "[[sla_rule]] needs an sla");
    rule.sla = r.located(*sla, "sla");
    c.sla_rules.push_back(std::move(rule));
  }
}

void read_ola(Config& c, const toml::table& t, const Reader& r) {
  c.ola.clear();
  for (const auto& [key, node] : t) {
    std::string team(key.str());
    std::string label = fmt::format("[ola.{}]", team);
    const auto& ot = r.table(node, label);
    r.only_keys(ot, label, {"calendar", "response", "resolve", "pause_on", "warn_at"});
    Ola o;
    o.team = team;
    o.where = r.where(node);
    o.calendar = Located{"24x7", o.where};
    o.pause_on = {model::Status::pending};
    if (const auto* n = ot.get("calendar")) o.calendar = r.located(*n, "calendar");
    if (const auto* n = ot.get("response")) o.response_text = target_texts(*n, r, "response");
    if (const auto* n = ot.get("resolve")) o.resolve_text = target_texts(*n, r, "resolve");
    if (const auto* n = ot.get("pause_on")) o.pause_on = pausing_statuses(*n, r);
    if (const auto* n = ot.get("warn_at")) o.warn_at = percent(*n, r, "warn_at");
    c.ola[team] = std::move(o);
  }
}

void read_escalation(Config& c, const toml::node& n, const Reader& r) {
  const auto* rules = n.as_array();
  if (rules == nullptr) r.fail(n, "escalation must be written as [[escalation]] tables");
  c.escalation.clear();
  for (const auto& item : *rules) {
    const auto& et = r.table(item, "[[escalation]]");
    r.only_keys(et, "[[escalation]]", {"name", "clock", "at", "action", "team", "match"});
    EscalationRule rule;
    rule.where = r.where(item);
    if (const auto* v = et.get("clock")) {
      rule.clock = r.string(*v, "clock");
      r.one_of(*v, rule.clock, {"response", "resolve"}, "clock");
    }
    const auto* at = et.get("at");
    if (at == nullptr)
      r.fail(item, "[[escalation]] needs at: a percentage of the target used, or \"breach\"");
    if (at->is_string() && *at->value<std::string>() == "breach")
      rule.at_breach = true;
    else if (at->is_integer())
      rule.at_percent = percent(*at, r, "at");
    else
      r.fail(*at, "at must be a percentage such as 75, or \"breach\"");
    if (const auto* v = et.get("action")) {
      rule.action = r.string(*v, "action");
      r.one_of(*v, rule.action, {"up", "manager", "team"}, "action");
    }
    if (const auto* v = et.get("team")) rule.team = r.located(*v, "team");
    if (rule.action == "team" && rule.team.value.empty())
      r.fail(item, "action = \"team\" needs team = \"NAME\"");
    if (const auto* v = et.get("match"))
      rule.match = r.match(
          *v, "match",
          {"type", "category", "channel", "priority", "service", "customer", "tag", "team"});
    rule.name = rule.clock + "-" +
                (rule.at_breach ? std::string("breach") : std::to_string(rule.at_percent) + "%") +
                "-" + rule.action + (rule.team.value.empty() ? "" : ":" + rule.team.value);
    if (const auto* v = et.get("name")) rule.name = r.string(*v, "name");
    c.escalation.push_back(std::move(rule));
  }
}

void validate_sla(Config& c) {
  if (!c.calendars.count("24x7")) {
    model::CalendarSpec always;
    always.name = "24x7";
    always.timezone = c.timezone;
    always.always_open = true;
    c.calendars["24x7"] = always;
  }
  std::vector<std::string> calendars = keys_of(c.calendars);
  auto calendar = [&](const Located& name) -> const model::CalendarSpec& {
    if (!c.calendars.count(name.value)) unknown(name.where, "calendar", name.value, calendars);
    const model::CalendarSpec& spec = c.calendars.at(name.value);
    model::working_day_seconds(spec);  // checks it, outside the targets' positions
    return spec;
  };
  for (auto& [name, p] : c.sla) {
    const auto& cal = calendar(p.calendar);
    p.response = to_seconds(p.response_text, cal, c.priority.levels);
    p.resolve = to_seconds(p.resolve_text, cal, c.priority.levels);
    p.update = to_seconds(p.update_text, cal, c.priority.levels);
  }
  std::vector<std::string> policies = keys_of(c.sla);
  if (!c.default_sla.empty() && !c.sla.count(c.default_sla))
    unknown(c.file.empty() ? "[desk]" : c.file.string(), "default_sla policy", c.default_sla,
            policies);
  for (const auto& rule : c.sla_rules) {
    if (!c.sla.count(rule.sla.value))
      unknown(rule.sla.where, "SLA policy", rule.sla.value, policies);
    check_match(c, rule.match, rule.sla.where);
  }
  std::vector<std::string> teams = keys_of(c.teams);
  for (auto& [team, o] : c.ola) {
    if (!c.teams.count(team)) unknown(o.where, "team", team, teams);
    const auto& cal = calendar(o.calendar);
    o.response = to_seconds(o.response_text, cal, c.priority.levels);
    o.resolve = to_seconds(o.resolve_text, cal, c.priority.levels);
  }
  for (const auto& rule : c.escalation) {
    if (!rule.team.value.empty() && !c.teams.count(rule.team.value))
      unknown(rule.team.where, "team", rule.team.value, teams);
    check_match(c, rule.match, rule.where);
  }
}

namespace {

toml::table targets_table(const std::map<std::string, Located>& texts) {
  toml::table t;
  for (const auto& [p, text] : texts) t.insert(p, text.value);
  return t;
}

// Strings or the words of a closed vocabulary, as TOML writes them.
template <typename T>
toml::array strings_array(const std::vector<T>& v) {
  toml::array a;
  for (const auto& s : v) a.push_back(fmt::format("{}", s));
  return a;
}

}  // namespace

void dump_sla(const Config& c, toml::table& root) {
  toml::table calendars;
  for (const auto& [name, spec] : c.calendars) {
    toml::table ct{{"timezone", spec.timezone}};
    if (spec.always_open) ct.insert("always_open", true);
    for (std::size_t d = 0; d < kWeekdays.size(); ++d) {
      toml::array windows;
      for (const auto& w : spec.week[d]) windows.push_back(model::format_window(w));
      if (!spec.always_open) ct.insert(kWeekdays[d], windows);
    }
    toml::array holidays;
    for (const auto& h : spec.holidays)
      holidays.push_back(h.year ? fmt::format("{:04}-{:02}-{:02}", h.year, h.month, h.day)
                                : fmt::format("{:02}-{:02}", h.month, h.day));
    if (!holidays.empty()) ct.insert("holidays", holidays);
    calendars.insert(name, ct);
  }
  root.insert("calendars", calendars);
  toml::table policies;
  for (const auto& [name, p] : c.sla) {
    toml::table pt{{"calendar", p.calendar.value},
                   {"response", targets_table(p.response_text)},
                   {"resolve", targets_table(p.resolve_text)},
                   {"pause_on", strings_array(p.pause_on)},
                   {"warn_at", p.warn_at},
                   {"response_met_by", strings_array(p.response_met_by)}};
    if (!p.update_text.empty()) pt.insert("update", targets_table(p.update_text));
    policies.insert(name, pt);
  }
  root.insert("sla", policies);
  toml::array rules;
  for (const auto& rule : c.sla_rules) {
    toml::table m;
    for (const auto& [k, v] : rule.match.fields) m.insert(k, strings_array(v));
    rules.push_back(toml::table{{"match", m}, {"sla", rule.sla.value}});
  }
  if (!rules.empty()) root.insert("sla_rule", rules);
  toml::table olas;
  for (const auto& [team, o] : c.ola)
    olas.insert(team, toml::table{{"calendar", o.calendar.value},
                                  {"response", targets_table(o.response_text)},
                                  {"resolve", targets_table(o.resolve_text)},
                                  {"pause_on", strings_array(o.pause_on)},
                                  {"warn_at", o.warn_at}});
  if (!olas.empty()) root.insert("ola", olas);
  toml::array escalation;
  for (const auto& e : c.escalation) {
    toml::table et{{"name", e.name}, {"clock", e.clock}, {"action", e.action}};
    if (e.at_breach)
      et.insert("at", "breach");
    else
      et.insert("at", e.at_percent);
    if (!e.team.value.empty()) et.insert("team", e.team.value);
    toml::table m;
    for (const auto& [k, v] : e.match.fields) m.insert(k, strings_array(v));
    if (!m.empty()) et.insert("match", m);
    escalation.push_back(et);
  }
  if (!escalation.empty()) root.insert("escalation", escalation);
}

}  // namespace desk::config
