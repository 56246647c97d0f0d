// desk catalog show and list: the services
#include <fmt/format.h>

#include "desk/catalog/services.hpp"
#include "desk/core/error.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"

#include "catalog.hpp"
#include "options.hpp"
#include "pager.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd::catalogcmd {

namespace {

using format::Json;

struct Options {
  std::string name;
  Format format = Format::table;
  bool all = false;
};

Json service_json(const model::Service& s, const Zone& zone) {
  auto text = [](const std::string& v) { return v.empty() ? Json() : Json(v); };
  return {{"name", s.name},
          {"description", text(s.description)},
          {"owner", text(s.owner)},
          {"request_types", s.request_types},
          {"categories", s.categories},
          {"sla", text(s.sla)},
          {"requesters", s.requesters},
          {"steps", s.steps},
          {"retired", s.retired()},
          {"replaced_by", text(s.replaced_by)},
          {"created_at", format_iso(s.created_at, zone)},
          {"updated_at", format_iso(s.updated_at, zone)},
          {"retired_at", s.retired_at ? Json(format_iso(*s.retired_at, zone)) : Json()}};
}

void print_service(Env& env, const model::Service& s) {
  // Free text (a description, a step) is cleaned: no escape reaches the terminal.
  auto line = [&](const char* label, const std::string& v) {
    env.out << fmt::format("  {:<14}{}\n", label, v.empty() ? "(none)" : util::single_line(v));
  };
  env.out << fmt::format("Service {}{}\n", s.name, s.retired() ? " (retired)" : "");
  line("description", s.description);
  line("owner", s.owner);
  line("request types", s.request_types.empty() ? "any" : util::join(s.request_types, ", "));
  line("categories", util::join(s.categories, ", "));
  line("sla", s.sla);
  line("requesters", s.requesters.empty() ? "anyone" : util::join(s.requesters, ", "));
  if (s.retired()) line("replaced by", s.replaced_by);
  env.out << "\nChecklist\n";
  if (s.steps.empty()) env.out << "  (none)\n";
  for (std::size_t i = 0; i < s.steps.size(); ++i)
    env.out << fmt::format("  {}. {}\n", i + 1, util::single_line(s.steps[i]));
}

int run_show(Env& env, const Options& o) {
  start_pager(env);
  auto session = env.session(store::Access::read);
  auto svc = catalog::require_service(session, o.name);
  if (o.format == Format::json)
    print_json(env, service_json(svc, env.zone()));
  else
    print_service(env, svc);
  return 0;
}

int run_list(Env& env, const Options& o) {
  start_pager(env);
  auto session = env.session(store::Access::read);
  auto services = session.store.catalog().services(o.all);
  if (env.globals.quiet) {
    for (const auto& s : services) env.out << s.name << '\n';
    return 0;
  }
  auto writer = format::make_row_writer(o.format, env.out, env.style());
  writer->begin({{"name", "NAME"},
                 {"owner", "OWNER"},
                 {"sla", "SLA"},
                 {"categories", "CATEGORIES", format::Kind::list},
                 {"steps_count", "STEPS", format::Kind::number},
                 {"state", "STATE"},
                 {"description", "DESCRIPTION", format::Kind::text, true}});
  for (const auto& s : services) {
    Json row = service_json(s, env.zone());
    row["steps_count"] = s.steps.size();
    row["state"] = s.retired() ? "retired" : "live";
    writer->row(row);
  }
  writer->end();
  return 0;
}

}  // namespace

Sub show(CLI::App& catalog) {
  auto o = std::make_shared<Options>();
  auto* sub = catalog.add_subcommand("show", "Show a service and its checklist");
  sub->add_option("name", o->name, "The service")->required();
  add_format(*sub, o->format, {Format::text, Format::json});
  return {sub, [o](Env& env) { return run_show(env, *o); }};
}

Sub list(CLI::App& catalog) {
  auto o = std::make_shared<Options>();
  auto* sub = catalog.add_subcommand("list", "List the services");
  sub->add_flag("--all", o->all, "Retired services too");
  add_format(*sub, o->format);
  return {sub, [o](Env& env) { return run_list(env, *o); }};
}

}  // namespace desk::cmd::catalogcmd
