// desk edit ID...: change fields; each change is an event, and a new priority
// needs a reason.
#include <optional>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "desk/model/serialize.hpp"
#include "desk/store/store.hpp"
#include "desk/tickets/actions.hpp"
#include "desk/work/validate.hpp"

#include "options.hpp"
#include "registry.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::vector<std::string> ids;
  Text title, description, type, priority, impact, urgency, customer, channel, category, service;
  Text message, at;
  std::vector<std::string> tags, untags;
  Format format = Format::table;
};

int run(Env& env, const Options& o) {
  auto ids = collect_ids(env, o.ids);
  tickets::EditRequest r;
  r.title = o.title.get();
  r.description = o.description.get();
  r.type = o.type.get();
  r.priority = o.priority.get();
  r.impact = o.impact.get();
  r.urgency = o.urgency.get();
  r.customer = o.customer.get();
  r.channel = o.channel.get();
  r.category = o.category.get();
  r.service = o.service.get();
  r.add_tags = flatten(o.tags);
  r.remove_tags = flatten(o.untags);
  r.reason = o.message.value;
  r.at = event_at(env, o.at);
  // Each ticket's event, or nothing when it already had every value.
  std::vector<std::pair<std::int64_t, std::optional<model::Event>>> edits;
  change_tickets(env, ids, [&](work::Session& s, std::int64_t id) {
    auto e = tickets::edit_ticket(s, id, r);
    edits.emplace_back(id, e);
    return e ? std::vector<model::Event>{*e} : std::vector<model::Event>{};
  });
  if (o.format == Format::json) {
    model::Json out = model::Json::array();
    for (const auto& [id, e] : edits)
      out.push_back(e ? model::event_json(*e, env.zone()) : model::Json());
    print_json(env, edits.size() == 1 ? out[0] : out);
    return 0;
  }
  if (env.globals.quiet) return 0;
  for (const auto& [id, e] : edits) {
    if (!e) {
      env.out << fmt::format("Ticket {} unchanged\n", id);
      continue;
    }
    std::vector<std::string> fields;
    for (const auto& c : e->changes) fields.push_back(c.field);
    env.out << fmt::format("Edited ticket {}: {}\n", id, fmt::join(fields, ", "));
  }
  return 0;
}

}  // namespace

Runner cmd_edit(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input)")->required();
  add_text(sub, o->title, "--title", "New title").option->option_text("TEXT");
  add_text(sub, o->description, "--description", "New description").option->option_text("TEXT");
  add_text(sub, o->type, "--type", "New type").option->option_text("TYPE");
  add_text(sub, o->priority, "-p,--priority", "New priority (needs -m REASON)")
      .option->option_text("P");
  add_text(sub, o->impact, "--impact", "New impact (re-derives the priority)")
      .option->option_text("LEVEL");
  add_text(sub, o->urgency, "--urgency", "New urgency (re-derives the priority)")
      .option->option_text("LEVEL");
  add_text(sub, o->customer, "-c,--customer", "New customer: id, email or name")
      .option->option_text("WHO");
  add_text(sub, o->channel, "--channel", "New channel ('' clears it)")
      .option->option_text("CHANNEL");
  add_text(sub, o->category, "--category", "New category ('' clears it)")
      .option->option_text("CATEGORY");
  add_text(sub, o->service, "--service", "New service ('' clears it)")
      .option->option_text("SERVICE");
  sub.add_option("-t,--tag", o->tags, "Add a tag")->option_text("TAG");
  sub.add_option("--untag", o->untags, "Remove a tag")->option_text("TAG");
  add_text(sub, o->message, "-m,--message", "Why (required for a priority change)")
      .option->option_text("REASON");
  add_at(sub, o->at);
  add_format(sub, o->format, {Format::text, Format::json});
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
