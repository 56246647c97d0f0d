// desk catalog add|edit|show|list|retire|check|export|import: the service
// catalogue.
#include <fstream>

#include <fmt/format.h>

#include "desk/catalog/services.hpp"
#include "desk/core/error.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"

#include "options.hpp"
#include "registry.hpp"
#include "render.hpp"

namespace desk::cmd {

namespace {

using format::Json;

struct Options {
  std::string name, replaced_by, file, output, format = "table";
  Text description, owner, sla;
  std::vector<std::string> types, categories, requesters, steps;
  CLI::Option *types_opt = nullptr, *categories_opt = nullptr, *requesters_opt = nullptr,
              *steps_opt = nullptr, *no_steps = nullptr;
  bool all = false, clear_steps = false;
  int days = 180;
};

catalog::ServiceChange change_of(const Options& o) {
  catalog::ServiceChange c;
  c.description = o.description.get();
  c.owner = o.owner.get();
  c.sla = o.sla.get();
  if (o.types_opt->count()) c.request_types = flatten(o.types);
  if (o.categories_opt->count()) c.categories = flatten(o.categories);
  if (o.requesters_opt->count()) c.requesters = flatten(o.requesters);
  if (o.steps_opt->count()) c.steps = o.steps;
  if (o.no_steps->count()) c.steps = std::vector<std::string>{};
  return c;
}

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

template <typename F>
auto writing(Env& env, F&& f) {
  auto session = env.session(store::Access::write);
  store::WriteTransaction tx(session.store);
  auto result = f(session);
  tx.commit();
  return result;
}

int run_add(Env& env, const Options& o) {
  auto svc =
      writing(env, [&](work::Session& s) { return catalog::add_service(s, o.name, change_of(o)); });
  if (!env.globals.quiet) env.out << fmt::format("Added service {}\n", svc.name);
  return 0;
}

int run_edit(Env& env, const Options& o) {
  auto svc = writing(
      env, [&](work::Session& s) { return catalog::edit_service(s, o.name, change_of(o)); });
  if (!env.globals.quiet)
    env.out << (svc ? fmt::format("Changed service {}\n", svc->name)
                    : fmt::format("Service {} unchanged\n", o.name));
  return 0;
}

int run_retire(Env& env, const Options& o) {
  auto svc = writing(
      env, [&](work::Session& s) { return catalog::retire_service(s, o.name, o.replaced_by); });
  if (!env.globals.quiet)
    env.out << fmt::format("Retired service {}{}\n", svc.name,
                           svc.replaced_by.empty() ? "" : ", replaced by " + svc.replaced_by);
  return 0;
}

int run_show(Env& env, const Options& o) {
  auto session = env.session(store::Access::read);
  auto svc = catalog::require_service(session, o.name);
  if (o.format == "json")
    print_json(env, service_json(svc, env.zone()));
  else
    print_service(env, svc);
  return 0;
}

int run_list(Env& env, const Options& o) {
  auto session = env.session(store::Access::read);
  auto services = session.store.catalog().services(o.all);
  if (env.globals.quiet) {
    for (const auto& s : services) env.out << s.name << '\n';
    return 0;
  }
  auto writer = format::make_row_writer(chosen_format(o.format), env.out, env.style());
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

int run_check(Env& env, const Options& o) {
  auto session = env.session(store::Access::read);
  auto findings = catalog::check_catalog(session, o.days);
  auto writer = format::make_row_writer(chosen_format(o.format), env.out, env.style());
  writer->begin({{"problem", "PROBLEM"},
                 {"subject", "SERVICE OR CATEGORY"},
                 {"detail", "DETAIL", format::Kind::text, true}});
  for (const auto& f : findings)
    writer->row({{"problem", f.problem}, {"subject", f.subject}, {"detail", f.detail}});
  writer->end();
  if (findings.empty()) {
    if (o.format == "table" && !env.globals.quiet)
      env.err << "desk: the catalogue is complete and current\n";
    return 0;
  }
  env.err << fmt::format("desk: {} catalogue problem{} found\n", findings.size(),
                         findings.size() == 1 ? "" : "s");
  return static_cast<int>(Exit::refused);
}

int run_export(Env& env, const Options& o) {
  auto session = env.session(store::Access::read);
  write_output(env, o.output, catalog::export_toml(session));
  return 0;
}

int run_import(Env& env, const Options& o) {
  std::string text;
  if (o.file == "-") {
    text = read_text(std::cin, "standard input");
  } else {
    std::ifstream in(o.file, std::ios::binary);
    if (!in) throw DataError(fmt::format("cannot read {}", util::quoted(o.file)));
    text = read_text(in, util::quoted(o.file));
  }
  auto result = writing(env, [&](work::Session& s) {
    return catalog::import_toml(s, text, o.file == "-" ? "<stdin>" : o.file);
  });
  if (!env.globals.quiet)
    env.out << fmt::format("Imported the catalogue: {} added, {} changed, {} unchanged\n",
                           result.added.size(), result.changed.size(), result.unchanged.size());
  return 0;
}

void add_fields(CLI::App& sub, Options& o) {
  add_text(sub, o.description, "-d,--description", "What the service is, for requesters")
      .option->option_text("TEXT");
  add_text(sub, o.owner, "--owner", "The team that fulfils it (see [teams])")
      .option->option_text("TEAM");
  add_text(sub, o.sla, "--sla", "Its SLA policy (see [sla.*])").option->option_text("POLICY");
  o.types_opt = sub.add_option("--type", o.types, "A ticket type it accepts (repeat; default any)")
                    ->option_text("TYPE");
  o.categories_opt =
      sub.add_option("--category", o.categories, "A ticket category it covers (repeat)")
          ->option_text("CATEGORY");
  o.requesters_opt =
      sub.add_option("--requester", o.requesters,
                     "A customer tier or organisation that may request it (repeat; default anyone)")
          ->option_text("WHO");
  o.steps_opt =
      sub.add_option("--step", o.steps,
                     "A step of the fulfilment checklist, in order (repeat; replaces all)")
          ->option_text("TEXT");
  o.no_steps = sub.add_flag("--no-steps", o.clear_steps, "Remove the checklist");
}

}  // namespace

Runner cmd_catalog(CLI::App& sub) {
  sub.require_subcommand(1);
  auto o = std::make_shared<Options>();
  auto* add = sub.add_subcommand("add", "Add a service");
  add->add_option("name", o->name, "The service's name, one word")->required();
  add_fields(*add, *o);
  // Each subcommand that takes the fields has its own options to count.
  auto oe = std::make_shared<Options>();
  auto* edit = sub.add_subcommand("edit", "Change a service");
  edit->add_option("name", oe->name, "The service")->required();
  add_fields(*edit, *oe);
  auto* show = sub.add_subcommand("show", "Show a service and its checklist");
  show->add_option("name", o->name, "The service")->required();
  add_format(*show, o->format, {"text", "json"});
  auto* list = sub.add_subcommand("list", "List the services");
  list->add_flag("--all", o->all, "Retired services too");
  add_format(*list, o->format);
  auto* retire = sub.add_subcommand("retire", "Retire a service: no new tickets for it");
  retire->add_option("name", o->name, "The service")->required();
  retire->add_option("--replaced-by", o->replaced_by, "The service that replaces it")
      ->option_text("NAME");
  auto* check = sub.add_subcommand(
      "check", "Find what makes the catalogue incomplete or stale; exit 1 when anything is");
  add_int(*check, "--days", o->days, "How long unrequested makes a service stale (default 180)", 1,
          36500);
  add_format(*check, o->format);
  auto* exp = sub.add_subcommand("export", "Write the catalogue as TOML");
  exp->add_option("-o,--output", o->output, "Write to FILE atomically instead of standard output")
      ->option_text("FILE");
  auto* imp = sub.add_subcommand("import", "Add or update services from TOML (idempotent)");
  imp->add_option("file", o->file, "A catalogue file, or '-' for standard input")->required();
  for (auto* s : {add, edit, show, list, retire, check, exp, imp}) s->fallthrough();
  return [o, oe, add, edit, show, list, retire, check, exp, imp](Env& env) {
    if (add->parsed()) return run_add(env, *o);
    if (edit->parsed()) return run_edit(env, *oe);
    if (show->parsed()) return run_show(env, *o);
    if (list->parsed()) return run_list(env, *o);
    if (retire->parsed()) return run_retire(env, *o);
    if (check->parsed()) return run_check(env, *o);
    if (exp->parsed()) return run_export(env, *o);
    if (imp->parsed()) return run_import(env, *o);
    return static_cast<int>(Exit::usage);
  };
}

}  // namespace desk::cmd
