// desk log TITLE: a call comes in.
#include <fmt/format.h>

#include "desk/model/serialize.hpp"
#include "desk/store/store.hpp"
#include "desk/tickets/actions.hpp"

#include "options.hpp"
#include "registry.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::string title;
  Text type, impact, urgency, priority, message, at;
  std::string customer, channel, category, service, external_id;
  std::vector<std::string> tags;
  Format format = Format::table;
};

int run(Env& env, const Options& o) {
  tickets::LogRequest r;
  r.title = o.title;
  r.type = o.type.get();
  r.customer = o.customer;
  r.channel = o.channel;
  r.category = o.category;
  r.service = o.service;
  r.impact = o.impact.get();
  r.urgency = o.urgency.get();
  r.priority = o.priority.get();
  r.tags = flatten(o.tags);
  r.external_id = o.external_id;
  r.at = event_at(env, o.at);
  r.description = long_text(env, o.message,
                            "Describe the call: what the customer reported, and what was tried.\n"
                            "Ticket: " +
                                o.title);

  auto logged = write(env, [&](work::Session& s) { return tickets::log_ticket(s, r); });

  const auto& t = logged.ticket;
  if (o.format == Format::json) {
    print_json(env, model::ticket_json(t, env.zone()));
  } else if (env.globals.quiet) {
    env.out << t.id << '\n';
  } else {
    env.out << fmt::format("Logged ticket {}: {} [{} {}]", t.id, t.title, t.priority, t.type);
    if (logged.new_customer) env.out << fmt::format(" (new customer '{}')", r.customer);
    env.out << '\n';
  }
  return 0;
}

}  // namespace

Runner cmd_log(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("title", o->title, "What the call is about, in one line")->required();
  add_text(sub, o->type, "--type", "Ticket type (see [tickets].types)").option->option_text("TYPE");
  sub.add_option("-c,--customer", o->customer, "Customer: id, email or name (added when new)")
      ->option_text("WHO");
  sub.add_option("--channel", o->channel, "How the call came in (see [tickets].channels)")
      ->option_text("CHANNEL");
  sub.add_option("--category", o->category, "Category (see [tickets].categories)")
      ->option_text("CATEGORY");
  sub.add_option("--service", o->service,
                 "The catalogue service requested: its team, policy and checklist follow")
      ->option_text("NAME");
  add_text(sub, o->impact, "--impact", "Impact: how widely it hurts (see [priority])")
      .option->option_text("LEVEL");
  add_text(sub, o->urgency, "--urgency", "Urgency: how soon it hurts (see [priority])")
      .option->option_text("LEVEL");
  add_text(sub, o->priority, "-p,--priority", "Priority, instead of impact x urgency")
      .option->option_text("P");
  sub.add_option("-t,--tag", o->tags, "A tag (repeat, or separate with commas)")
      ->option_text("TAG");
  add_text(sub, o->message, "-m,--message", "Description (default: standard input, else $EDITOR)")
      .option->option_text("TEXT");
  sub.add_option("--external-id", o->external_id, "The ticket's id in another system")
      ->option_text("ID");
  add_at(sub, o->at);
  add_format(sub, o->format, {Format::text, Format::json});
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
