// desk customer add|edit|show|list|merge|export|forget: the people tickets
// are for, and their rights over their data.
#include <cmath>

#include <fmt/format.h>

#include "desk/catalog/customers.hpp"
#include "desk/compliance/compliance.hpp"
#include "desk/core/error.hpp"
#include "desk/model/serialize.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"

#include "compact.hpp"
#include "options.hpp"
#include "registry.hpp"
#include "render.hpp"

namespace desk::cmd {

namespace {

using format::Json;

struct Options {
  std::string key, other, words, output, format = "table";
  Text name, email, organisation, phone, tier, notes;
};

catalog::CustomerChange change_of(const Options& o) {
  return {o.name.get(),  o.email.get(), o.organisation.get(),
          o.phone.get(), o.tier.get(),  o.notes.get()};
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
  model::Customer c;
  c.name = o.key;
  c.email = o.email.value;
  c.organisation = o.organisation.value;
  c.phone = o.phone.value;
  c.tier = o.tier.value;
  c.notes = o.notes.value;
  auto added = writing(env, [&](work::Session& s) { return catalog::add_customer(s, c); });
  if (env.globals.quiet)
    env.out << added.id << '\n';
  else
    env.out << fmt::format("Added customer {}: {}\n", added.id, added.display());
  return 0;
}

int run_edit(Env& env, const Options& o) {
  auto c = writing(
      env, [&](work::Session& s) { return catalog::edit_customer(s, o.key, change_of(o)); });
  if (!env.globals.quiet)
    env.out << (c ? fmt::format("Changed customer {}\n", c->id)
                  : std::string("Customer unchanged\n"));
  return 0;
}

// Their tickets and how they rated them.
Json customer_view(work::Session& s, const model::Customer& c, const Zone& zone) {
  Json j = catalog::customer_json(c, zone);
  Json list = Json::array();
  std::int64_t ratings = 0, total = 0;
  for (auto id : s.store.customers().tickets_of(c.id)) {
    auto t = s.store.find_ticket(id);
    if (!t) continue;
    Json row = {{"id", t->id},
                {"status", t->status},
                {"type", t->type},
                {"created_at", format_iso(t->created_at, zone)},
                {"title", t->title}};
    Json scores = Json::array();
    for (const auto& r : s.store.ratings().of_ticket(id)) {
      scores.push_back(r.score);
      total += r.score;
      ++ratings;
    }
    row["scores"] = scores;
    list.push_back(std::move(row));
  }
  j["tickets"] = std::move(list);
  j["ratings"] = ratings;
  j["average_score"] =
      ratings ? Json(std::round(10.0 * static_cast<double>(total) / static_cast<double>(ratings)) /
                     10.0)
              : Json();
  return j;
}

int run_show(Env& env, const Options& o) {
  auto session = env.session(store::Access::read);
  auto c = catalog::require_customer(session, o.key);
  Json j = customer_view(session, c, env.zone());
  if (o.format == "json") {
    print_json(env, j);
    return 0;
  }
  // Whatever a customer's record holds, no escape sequence reaches the terminal.
  j = format::terminal_safe(j);
  auto text = [](const Json& v) {
    return v.is_null() ? std::string("(none)") : v.get<std::string>();
  };
  if (c.erased_at)
    env.out << fmt::format("Customer {}: erased {}\n", c.id,
                           format::cell_text(j["erased_at"], format::Kind::time));
  else
    env.out << fmt::format("Customer {}: {}\n", c.id, util::single_line(c.display()));
  for (const char* k : {"organisation", "phone", "tier", "notes"})
    env.out << fmt::format("  {:<14}{}\n", k, text(j[k]));
  env.out << fmt::format("  {:<14}{}\n", "satisfaction",
                         j["ratings"] == 0
                             ? std::string("not rated")
                             : fmt::format("{} of 5 over {} rating(s)", j["average_score"].dump(),
                                           j["ratings"].get<std::int64_t>()));
  env.out << "\nTickets\n";
  if (j["tickets"].empty()) env.out << "  (none)\n";
  for (const auto& t : j["tickets"]) {
    std::string scores;
    for (const auto& sc : t["scores"]) scores += (scores.empty() ? " rated " : ", ") + sc.dump();
    env.out << fmt::format("  #{:<5} {:<12} {}{}\n", t["id"].get<std::int64_t>(),
                           t["status"].get<std::string>(), t["title"].get<std::string>(), scores);
  }
  return 0;
}

int run_list(Env& env, const Options& o) {
  auto session = env.session(store::Access::read);
  auto customers = session.store.customers().list(o.words);
  if (env.globals.quiet) {
    for (const auto& c : customers) env.out << c.id << '\n';
    return 0;
  }
  auto writer = format::make_row_writer(chosen_format(o.format), env.out, env.style());
  writer->begin({{"id", "ID", format::Kind::number},
                 {"name", "NAME", format::Kind::text, true},
                 {"email", "EMAIL"},
                 {"organisation", "ORGANISATION"},
                 {"tier", "TIER"}});
  for (const auto& c : customers) writer->row(catalog::customer_json(c, env.zone()));
  writer->end();
  return 0;
}

int run_merge(Env& env, const Options& o) {
  auto merged =
      writing(env, [&](work::Session& s) { return catalog::merge_customers(s, o.key, o.other); });
  if (!env.globals.quiet)
    env.out << fmt::format("Merged customer {} into {}: {} ticket(s) moved\n", o.other,
                           merged.into.id, merged.tickets.size());
  return 0;
}

int run_export(Env& env, const Options& o) {
  auto session = env.session(store::Access::read);
  Json j = catalog::export_customer(session, o.key);
  write_output(env, o.output, j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
  return 0;
}

int run_forget(Env& env, const Options& o) {
  auto session = env.session(store::Access::write);
  session.store.audit().erase_securely();
  compliance::Forgotten f;
  {
    store::WriteTransaction tx(session.store);
    f = compliance::forget_customer(session, o.key);
    tx.commit();
  }
  auto unfinished =
      compact_after_commit(session.store, fmt::format("erased customer {}", f.customer));
  if (!env.globals.quiet)
    env.out << fmt::format(
        "Erased customer {}: {} ticket(s) kept without their personal data, {} event(s) sealed, "
        "{} other mention(s) removed{}\n",
        f.customer, f.tickets.size(), f.events_sealed, f.rows_scrubbed,
        f.messages_erased ? fmt::format(", {} mail message(s) emptied", f.messages_erased) : "");
  if (unfinished) throw *unfinished;
  return 0;
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

}  // namespace

Runner cmd_customer(CLI::App& sub) {
  sub.require_subcommand(1);
  auto o = std::make_shared<Options>();
  auto* add = sub.add_subcommand("add", "Add a customer");
  add->add_option("name", o->key, "Full name")->required();
  add_fields(*add, *o, false);
  // Each subcommand that takes the fields has its own options to count.
  auto oe = std::make_shared<Options>();
  auto* edit = sub.add_subcommand("edit", "Change a customer's details");
  edit->add_option("customer", oe->key, "Id, email or name")->required();
  add_fields(*edit, *oe, true);
  auto* show = sub.add_subcommand("show", "Show a customer, their tickets and satisfaction");
  show->add_option("customer", o->key, "Id, email or name")->required();
  add_format(*show, o->format, {"text", "json"});
  auto* list = sub.add_subcommand("list", "List customers");
  list->add_option("words", o->words, "Only those whose name, email or organisation has this");
  add_format(*list, o->format);
  auto* merge = sub.add_subcommand("merge", "Move everything from customer B to A; B goes");
  merge->add_option("into", o->key, "A: the customer who stays")->required();
  merge->add_option("from", o->other, "B: the duplicate")->required();
  auto* exp = sub.add_subcommand("export", "Everything stored about a person, as JSON");
  exp->add_option("customer", o->key, "Id, email or name")->required();
  exp->add_option("-o,--output", o->output, "Write to FILE atomically instead of standard output")
      ->option_text("FILE");
  auto* forget = sub.add_subcommand(
      "forget", "Erase a person's personal data, keeping tickets and figures (admin)");
  forget->add_option("customer", o->key, "Id, email or name")->required();
  for (auto* s : {add, edit, show, list, merge, exp, forget}) s->fallthrough();
  return [o, oe, add, edit, show, list, merge, exp, forget](Env& env) {
    if (add->parsed()) return run_add(env, *o);
    if (edit->parsed()) return run_edit(env, *oe);
    if (show->parsed()) return run_show(env, *o);
    if (list->parsed()) return run_list(env, *o);
    if (merge->parsed()) return run_merge(env, *o);
    if (exp->parsed()) return run_export(env, *o);
    if (forget->parsed()) return run_forget(env, *o);
    return static_cast<int>(Exit::usage);
  };
}

}  // namespace desk::cmd
