// desk customer export and forget: a person's rights over their data
#include <sstream>

#include <fmt/format.h>

#include "desk/catalog/customers.hpp"
#include "desk/compliance/compliance.hpp"
#include "desk/core/error.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"

#include "compact.hpp"
#include "customer.hpp"
#include "options.hpp"
#include "render.hpp"
#include "show.hpp"
#include "write.hpp"

namespace desk::cmd::customercmd {

namespace {

struct Options {
  std::string key, output;
  Format format = Format::table;
};

int run_export(Env& env, const Options& o) {
  auto session = env.session(store::Access::read);
  Json j = catalog::export_customer(session, o.key);
  if (o.format != Format::text) {
    write_output(env, o.output, j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
    return 0;
  }
  // For a person to read: their record as 'customer show' prints it, then
  // each of their tickets as 'desk show' does.
  auto c = catalog::require_customer(session, o.key);
  std::ostringstream text;
  print_customer_text(text, c, customer_view(session, c, env.zone()));
  std::vector<std::int64_t> ids;
  for (const auto& t : j["tickets"]) ids.push_back(t["id"].get<std::int64_t>());
  for (const auto& t : ticket_views(env, ids, true, true)) {
    text << '\n';
    print_ticket_text(env, text, t, true);
  }
  write_output(env, o.output, text.str());
  return 0;
}

int run_forget(Env& env, const Options& o) {
  store::Store& store = env.store(store::Access::write);
  store.audit().erase_securely();
  auto f = write(env, [&](work::Session& s) { return compliance::forget_customer(s, o.key); });
  auto unfinished = compact_after_commit(store, fmt::format("erased customer {}", f.customer));
  if (!env.globals.quiet)
    env.out << fmt::format(
        "Erased customer {}: {} ticket(s) kept without their personal data, {} event(s) sealed, "
        "{} other mention(s) removed{}\n",
        f.customer, f.tickets.size(), f.events_sealed, f.rows_scrubbed,
        f.messages_erased ? fmt::format(", {} mail message(s) emptied", f.messages_erased) : "");
  if (unfinished) throw *unfinished;
  return 0;
}

}  // namespace

Sub exp(CLI::App& customer) {
  auto o = std::make_shared<Options>();
  auto* sub =
      customer.add_subcommand("export", "Everything stored about a person, as JSON or text");
  sub->add_option("customer", o->key, "Id, email or name")->required();
  add_format(*sub, o->format, {Format::json, Format::text});
  sub->add_option("-o,--output", o->output, "Write to FILE atomically instead of standard output")
      ->option_text("FILE");
  return {sub, [o](Env& env) { return run_export(env, *o); }};
}

Sub forget(CLI::App& customer) {
  auto o = std::make_shared<Options>();
  auto* sub = customer.add_subcommand(
      "forget", "Erase a person's personal data, keeping tickets and figures (admin)");
  sub->add_option("customer", o->key, "Id, email or name")->required();
  return {sub, [o](Env& env) { return run_forget(env, *o); }};
}

}  // namespace desk::cmd::customercmd
