// desk customer add, edit and merge: the people tickets are for
#include <fmt/format.h>

#include "desk/catalog/customers.hpp"
#include "desk/core/error.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"

#include "customer.hpp"
#include "options.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd::customercmd {

namespace {

struct Options {
  std::string key, other;
  Text name, email, organisation, phone, tier, notes;
};

catalog::CustomerChange change_of(const Options& o) {
  return {o.name.get(),  o.email.get(), o.organisation.get(),
          o.phone.get(), o.tier.get(),  o.notes.get()};
}

void add_fields(CLI::App& sub, Options& o, bool with_name) {
  if (with_name) add_text(sub, o.name, "--name", "Full name").option->option_text("NAME");
  add_text(sub, o.email, "--email", "Email address (unique)").option->option_text("EMAIL");
  add_text(sub, o.organisation, "--organisation,--org", "Organisation").option->option_text("ORG");
  add_text(sub, o.phone, "--phone", "Phone number").option->option_text("PHONE");
  add_text(sub, o.tier, "--tier", "Tier, e.g. vip (may select an SLA policy)")
      .option->option_text("TIER");
  add_text(sub, o.notes, "--notes", "Notes about the customer").option->option_text("TEXT");
}

int run_add(Env& env, const Options& o) {
  model::Customer c;
  c.name = o.key;
  c.email = o.email.value;
  c.organisation = o.organisation.value;
  c.phone = o.phone.value;
  c.tier = o.tier.value;
  c.notes = o.notes.value;
  auto added = write(env, [&](work::Session& s) { return catalog::add_customer(s, c); });
  if (env.globals.quiet)
    env.out << added.id << '\n';
  else
    env.out << fmt::format("Added customer {}: {}\n", added.id, added.display());
  return 0;
}

int run_edit(Env& env, const Options& o) {
  auto c =
      write(env, [&](work::Session& s) { return catalog::edit_customer(s, o.key, change_of(o)); });
  if (!env.globals.quiet)
    env.out << (c ? fmt::format("Changed customer {}\n", c->id)
                  : std::string("Customer unchanged\n"));
  return 0;
}

int run_merge(Env& env, const Options& o) {
  auto merged =
      write(env, [&](work::Session& s) { return catalog::merge_customers(s, o.key, o.other); });
  if (!env.globals.quiet)
    env.out << fmt::format("Merged customer {} into {}: {} ticket(s) moved\n", o.other,
                           merged.into.id, merged.tickets.size());
  return 0;
}

}  // namespace

Sub add(CLI::App& customer) {
  auto o = std::make_shared<Options>();
  auto* sub = customer.add_subcommand("add", "Add a customer");
  sub->add_option("name", o->key, "Full name")->required();
  add_fields(*sub, *o, false);
  return {sub, [o](Env& env) { return run_add(env, *o); }};
}

Sub edit(CLI::App& customer) {
  auto o = std::make_shared<Options>();
  auto* sub = customer.add_subcommand("edit", "Change a customer's details");
  sub->add_option("customer", o->key, "Id, email or name")->required();
  add_fields(*sub, *o, true);
  return {sub, [o](Env& env) { return run_edit(env, *o); }};
}

Sub merge(CLI::App& customer) {
  auto o = std::make_shared<Options>();
  auto* sub = customer.add_subcommand("merge", "Move everything from customer B to A; B goes");
  sub->add_option("into", o->key, "A: the customer who stays")->required();
  sub->add_option("from", o->other, "B: the duplicate")->required();
  return {sub, [o](Env& env) { return run_merge(env, *o); }};
}

}  // namespace desk::cmd::customercmd
