#include "desk/catalog/services.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "desk/core/error.hpp"
#include "desk/model/serialize.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/util/strings.hpp"
#include "desk/util/toml.hpp"
#include "desk/work/record.hpp"
#include "desk/work/roles.hpp"
#include "desk/work/validate.hpp"

namespace desk::catalog {

namespace {

using model::Json;

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string checked_name(const std::string& name) {
  std::string n(util::trim(name));
  if (n.empty() || n.find_first_of(" \t\r\n,:") != std::string::npos)
    throw DataError(fmt::format("invalid service name {}", util::quoted(name)),
                    "a service name is one word without commas or colons, such as 'email'");
  return n;
}

std::vector<std::string> service_names(work::Session& s) {
  std::vector<std::string> out;
  for (const auto& svc : s.store.catalog().services(true)) out.push_back(svc.name);
  return out;
}

// Every value checked against the configuration.
void validate(const config::Config& cfg, const Service& svc) {
  if (!svc.owner.empty() && !cfg.team(svc.owner)) {
    std::vector<std::string> teams;
    for (const auto& [name, t] : cfg.teams) teams.push_back(name);
    work::require_one_of("team", svc.owner, teams);
  }
  if (!svc.sla.empty() && !cfg.sla.count(svc.sla)) {
    std::vector<std::string> policies;
    for (const auto& [name, p] : cfg.sla) policies.push_back(name);
    work::require_one_of("SLA policy", svc.sla, policies);
  }
  for (const auto& t : svc.request_types) work::require_one_of("type", t, cfg.tickets.types);
  for (const auto& c : svc.categories) work::require_one_of("category", c, cfg.tickets.categories);
  for (const auto& r : svc.requesters)
    if (r.empty() || r.find(',') != std::string::npos)
      throw DataError(fmt::format("invalid requester {}", util::quoted(r)),
                      "give customer tiers or organisations, without commas");
  for (const auto& step : svc.steps)
    if (util::trim(step).empty()) throw DataError("a checklist step must not be empty");
}

Json list_json(const std::vector<std::string>& v) {
  return v.empty() ? Json() : Json(v);
}

// One change per field that differs, as the event records it.
void diff(model::Event& e, const Service& from, const Service& to) {
  auto text = [&](const char* field, const std::string& a, const std::string& b) {
    if (a != b) e.changes.push_back({field, model::text_or_null(a), model::text_or_null(b)});
  };
  auto list = [&](const char* field, const std::vector<std::string>& a,
                  const std::vector<std::string>& b) {
    if (a != b) e.changes.push_back({field, list_json(a), list_json(b)});
  };
  text("description", from.description, to.description);
  text("owner", from.owner, to.owner);
  list("request_types", from.request_types, to.request_types);
  list("categories", from.categories, to.categories);
  text("sla", from.sla, to.sla);
  list("requesters", from.requesters, to.requesters);
  list("steps", from.steps, to.steps);
  text("replaced_by", from.replaced_by, to.replaced_by);
  if (from.retired() != to.retired())
    e.changes.push_back({"retired", from.retired(), to.retired()});
}

void apply(Service& svc, const ServiceChange& c) {
  if (c.description) svc.description = *c.description;
  if (c.owner) svc.owner = *c.owner;
  if (c.sla) svc.sla = *c.sla;
  if (c.request_types) svc.request_types = *c.request_types;
  if (c.categories) svc.categories = *c.categories;
  if (c.requesters) svc.requesters = *c.requesters;
  if (c.steps) svc.steps = *c.steps;
}

model::Event service_event(model::EventKind kind, const Service& svc) {
  model::Event e;
  e.kind = kind;
  e.subject = "service:" + svc.name;
  return e;
}

}  // namespace

Service require_service(work::Session& s, const std::string& name) {
  if (auto svc = s.store.catalog().find_service(util::trim(name))) return *svc;
  auto names = service_names(s);
  std::string hint = "'desk catalog list' shows the services there are";
  if (auto near = util::closest(name, names))
    hint = fmt::format("did you mean {}?", util::quoted(*near));
  throw Refused(fmt::format("no service {}", util::quoted(name)), hint);
}

Service add_service(work::Session& s, const std::string& name, const ServiceChange& c) {
  work::require(s.config, s.actor, work::Power::change_catalogue);
  Service svc;
  svc.name = checked_name(name);
  if (s.store.catalog().find_service(svc.name))
    throw Refused(fmt::format("the service {} exists already", util::quoted(svc.name)),
                  fmt::format("change it with 'desk catalog edit {}'", svc.name));
  apply(svc, c);
  validate(s.config, svc);
  svc.created_at = svc.updated_at = s.now;
  svc.id = s.store.catalog().insert_service(svc);
  model::Event e = service_event(model::EventKind::service_added, svc);
  diff(e, Service{}, svc);
  work::record_subject(s, std::move(e));
  return svc;
}

std::optional<Service> edit_service(work::Session& s, const std::string& name,
                                    const ServiceChange& c) {
  work::require(s.config, s.actor, work::Power::change_catalogue);
  if (c.empty())
    throw UsageError("nothing to change", "give a field to change, such as --owner or --step");
  Service before = require_service(s, name);
  Service after = before;
  apply(after, c);
  validate(s.config, after);
  model::Event e = service_event(model::EventKind::service_edited, after);
  diff(e, before, after);
  if (e.changes.empty()) return std::nullopt;
  after.updated_at = s.now;
  s.store.catalog().update_service(after);
  work::record_subject(s, std::move(e));
  return after;
}

Service retire_service(work::Session& s, const std::string& name, const std::string& replaced_by) {
  work::require(s.config, s.actor, work::Power::change_catalogue);
  Service before = require_service(s, name);
  if (before.retired())
    throw Refused(fmt::format("the service {} is retired already", util::quoted(before.name)));
  Service after = before;
  if (!replaced_by.empty()) {
    Service next = require_service(s, replaced_by);
    if (next.retired() || next.name == before.name)
      throw Refused(
          fmt::format("{} cannot replace {}", util::quoted(next.name), util::quoted(before.name)),
          "name a live service, or none");
    after.replaced_by = next.name;
  }
  after.retired_at = s.now;
  after.updated_at = s.now;
  s.store.catalog().update_service(after);
  model::Event e = service_event(model::EventKind::service_retired, after);
  diff(e, before, after);
  work::record_subject(s, std::move(e));
  return after;
}

Service service_for_ticket(work::Session& s, const std::string& name, const std::string& type,
                           std::int64_t customer_id) {
  Service svc = require_service(s, name);
  if (svc.retired())
    throw Refused(
        fmt::format("the service {} is retired", util::quoted(svc.name)),
        svc.replaced_by.empty()
            ? std::string("it has no replacement; 'desk catalog list' shows the services")
            : fmt::format("log it under {}, which replaces it", util::quoted(svc.replaced_by)));
  if (!svc.request_types.empty() && !contains(svc.request_types, type))
    throw Refused(
        fmt::format("the service {} does not take {} tickets", util::quoted(svc.name), type),
        fmt::format("it takes: {}; give --type", util::join(svc.request_types, ", ")));
  if (!svc.requesters.empty()) {
    std::optional<model::Customer> who;
    if (customer_id) who = s.store.customer(customer_id);
    bool allowed = false;
    for (const auto& r : svc.requesters) {
      std::string lr = util::to_lower_ascii(r);
      if (who &&
          (lr == util::to_lower_ascii(who->tier) || lr == util::to_lower_ascii(who->organisation)))
        allowed = true;
    }
    if (!allowed)
      throw Refused(fmt::format("{} may not request the service {}",
                                who ? fmt::format("customer {}", who->id)
                                    : std::string("a call with no customer"),
                                util::quoted(svc.name)),
                    fmt::format("it is open to: {}", util::join(svc.requesters, ", ")));
  }
  return svc;
}

std::vector<Finding> check_catalog(work::Session& s, int stale_days) {
  std::vector<Finding> out;
  auto& cat = s.store.catalog();
  auto live = cat.services(false);
  auto last = cat.last_requested();
  Instant stale = s.now - Seconds{std::int64_t{stale_days} * 86400};
  for (const auto& svc : live) {
    if (svc.owner.empty()) out.push_back({"no-owner", svc.name, "no team owns it"});
    if (svc.sla.empty()) out.push_back({"no-policy", svc.name, "it has no SLA policy"});
    if (svc.steps.empty())
      out.push_back({"no-procedure", svc.name, "it has no fulfilment checklist"});
    auto it = last.find(svc.name);
    Instant since = it == last.end() ? svc.created_at : std::max(it->second, svc.created_at);
    if (since < stale)
      out.push_back({"not-requested", svc.name,
                     it == last.end()
                         ? fmt::format("nobody has requested it in the {} days since it was added",
                                       stale_days)
                         : fmt::format("nobody has requested it in {} days", stale_days)});
  }
  std::vector<std::string> covered;
  for (const auto& svc : live)
    covered.insert(covered.end(), svc.categories.begin(), svc.categories.end());
  for (const auto& [category, count] : cat.tickets_by_category(stale)) {
    if (category.empty() || contains(covered, category)) continue;
    out.push_back({"uncovered-category", category,
                   fmt::format("{} ticket{} in {} days, and no service covers it", count,
                               count == 1 ? "" : "s", stale_days)});
  }
  return out;
}

std::string export_toml(work::Session& s) {
  toml::array services;
  auto list = [](const std::vector<std::string>& v) {
    toml::array a;
    for (const auto& x : v) a.push_back(x);
    return a;
  };
  for (const auto& svc : s.store.catalog().services(true)) {
    toml::table t;
    t.insert("name", svc.name);
    t.insert("description", svc.description);
    t.insert("owner", svc.owner);
    t.insert("request_types", list(svc.request_types));
    t.insert("categories", list(svc.categories));
    t.insert("sla", svc.sla);
    t.insert("requesters", list(svc.requesters));
    t.insert("steps", list(svc.steps));
    if (svc.retired()) {
      t.insert("retired", true);
      if (!svc.replaced_by.empty()) t.insert("replaced_by", svc.replaced_by);
    }
    services.push_back(std::move(t));
  }
  std::ostringstream out;
  out << "# The service catalogue, as `desk catalog export` writes it and\n"
         "# `desk catalog import` reads it. Importing it again changes nothing.\n\n";
  out << toml::toml_formatter(toml::table{{"service", services}}) << '\n';
  return out.str();
}

Imported import_toml(work::Session& s, std::string_view text, const std::string& display) {
  work::require(s.config, s.actor, work::Power::change_catalogue);
  toml::table root;
  try {
    root = util::parse_toml(text, display);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    throw DataError(fmt::format("{}:{}:{}: {}", display, at.line, at.column, e.description()));
  }
  auto where = [&](const toml::node& n) {
    return fmt::format("{}:{}:{}", display, n.source().begin.line, n.source().begin.column);
  };
  for (const auto& [key, node] : root)
    if (key.str() != "service")
      throw DataError(fmt::format("{}: unknown table {}", where(node), util::quoted(key.str())),
                      "a catalogue file holds [[service]] tables");
  const auto* arr = root["service"].as_array();
  Imported out;
  if (arr == nullptr) return out;
  struct Entry {
    std::string name;
    ServiceChange change;
    bool retired = false;
    std::string replaced_by;
  };
  std::vector<Entry> entries;
  for (const auto& item : *arr) {
    const auto* t = item.as_table();
    if (t == nullptr) throw DataError(fmt::format("{}: a service must be a table", where(item)));
    Entry e;
    auto str = [&](const char* k) -> std::optional<std::string> {
      const auto* n = t->get(k);
      if (n == nullptr) return std::nullopt;
      if (auto v = n->value<std::string>()) return *v;
      throw DataError(fmt::format("{}: {} must be a string", where(*n), k));
    };
    auto strs = [&](const char* k) -> std::optional<std::vector<std::string>> {
      const auto* n = t->get(k);
      if (n == nullptr) return std::nullopt;
      std::vector<std::string> v;
      const auto* a = n->as_array();
      if (a == nullptr) throw DataError(fmt::format("{}: {} must be a list", where(*n), k));
      for (const auto& x : *a) {
        auto sv = x.value<std::string>();
        if (!sv) throw DataError(fmt::format("{}: {} must be a list of strings", where(x), k));
        v.push_back(*sv);
      }
      return v;
    };
    for (const auto& [k, v] : *t) {
      static const std::vector<std::string> known = {
          "name", "description", "owner", "request_types", "categories",
          "sla",  "requesters",  "steps", "retired",       "replaced_by"};
      if (!contains(known, std::string(k.str())))
        throw DataError(
            fmt::format("{}: unknown key {} in [[service]]", where(v), util::quoted(k.str())),
            fmt::format("known keys: {}", util::join(known, ", ")));
    }
    auto name = str("name");
    if (!name) throw DataError(fmt::format("{}: a service needs a name", where(item)));
    e.name = checked_name(*name);
    e.change.description = str("description").value_or("");
    e.change.owner = str("owner").value_or("");
    e.change.sla = str("sla").value_or("");
    e.change.request_types = strs("request_types").value_or(std::vector<std::string>{});
    e.change.categories = strs("categories").value_or(std::vector<std::string>{});
    e.change.requesters = strs("requesters").value_or(std::vector<std::string>{});
    e.change.steps = strs("steps").value_or(std::vector<std::string>{});
    if (const auto* r = t->get("retired")) e.retired = r->value<bool>().value_or(false);
    e.replaced_by = str("replaced_by").value_or("");
    entries.push_back(std::move(e));
  }
  // Live services first, so a retired one's replacement exists when it is retired.
  for (const auto& e : entries) {
    auto existing = s.store.catalog().find_service(e.name);
    if (!existing) {
      add_service(s, e.name, e.change);
      out.added.push_back(e.name);
    } else if (edit_service(s, e.name, e.change)) {
      out.changed.push_back(e.name);
    } else {
      out.unchanged.push_back(e.name);
    }
  }
  for (const auto& e : entries) {
    Service now = require_service(s, e.name);
    if (e.retired && !now.retired()) {
      retire_service(s, e.name, e.replaced_by);
      if (!contains(out.added, e.name) && !contains(out.changed, e.name)) {
        std::erase(out.unchanged, e.name);
        out.changed.push_back(e.name);
      }
    }
  }
  return out;
}

}  // namespace desk::catalog
