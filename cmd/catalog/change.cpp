// desk catalog add, edit and retire: changing the catalogue (manager)
#include <fmt/format.h>

#include "desk/catalog/services.hpp"
#include "desk/core/error.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"

#include "catalog.hpp"
#include "options.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd::catalogcmd {

namespace {

using format::Json;

struct Options {
  std::string name, replaced_by;
  Text description, owner, sla;
  std::vector<std::string> types, categories, requesters, steps;
  CLI::Option *types_opt = nullptr, *categories_opt = nullptr, *requesters_opt = nullptr,
              *steps_opt = nullptr, *no_steps = nullptr;
  bool clear_steps = false;
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

int run_add(Env& env, const Options& o) {
  auto svc =
      write(env, [&](work::Session& s) { return catalog::add_service(s, o.name, change_of(o)); });
  if (!env.globals.quiet) env.out << fmt::format("Added service {}\n", svc.name);
  return 0;
}

int run_edit(Env& env, const Options& o) {
  auto svc =
      write(env, [&](work::Session& s) { return catalog::edit_service(s, o.name, change_of(o)); });
  if (!env.globals.quiet)
    env.out << (svc ? fmt::format("Changed service {}\n", svc->name)
                    : fmt::format("Service {} unchanged\n", o.name));
  return 0;
}

int run_retire(Env& env, const Options& o) {
  auto svc = write(
      env, [&](work::Session& s) { return catalog::retire_service(s, o.name, o.replaced_by); });
  if (!env.globals.quiet)
    env.out << fmt::format("Retired service {}{}\n", svc.name,
                           svc.replaced_by.empty() ? "" : ", replaced by " + svc.replaced_by);
  return 0;
}

}  // namespace

Sub add(CLI::App& catalog) {
  auto o = std::make_shared<Options>();
  auto* sub = catalog.add_subcommand("add", "Add a service");
  sub->add_option("name", o->name, "The service's name, one word")->required();
  add_fields(*sub, *o);
  return {sub, [o](Env& env) { return run_add(env, *o); }};
}

Sub edit(CLI::App& catalog) {
  auto o = std::make_shared<Options>();
  auto* sub = catalog.add_subcommand("edit", "Change a service");
  sub->add_option("name", o->name, "The service")->required();
  add_fields(*sub, *o);
  return {sub, [o](Env& env) { return run_edit(env, *o); }};
}

Sub retire(CLI::App& catalog) {
  auto o = std::make_shared<Options>();
  auto* sub = catalog.add_subcommand("retire", "Retire a service: no new tickets for it");
  sub->add_option("name", o->name, "The service")->required();
  sub->add_option("--replaced-by", o->replaced_by, "The service that replaces it")
      ->option_text("NAME");
  return {sub, [o](Env& env) { return run_retire(env, *o); }};
}

}  // namespace desk::cmd::catalogcmd
