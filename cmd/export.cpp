// desk export [TERM...]: tickets with their whole history, streamed, in the
// shape desk import reads back.
#include "desk/bulk/export.hpp"

#include <fmt/format.h>

#include "desk/store/store.hpp"
#include "desk/tickets/filter.hpp"

#include "options.hpp"
#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::vector<std::string> terms;
  std::vector<std::string> status, type, priority, assignee, team, customer, channel, category,
      service, tag;
  std::string since, until, format;
};

// As desk list reads its filters, except that every status is in by default.
tickets::Query build_query(Env& env, const Options& o) {
  tickets::Query q;
  tickets::FilterContext ctx{env.config(), env.now(), env.zone(), env.actor()};
  const std::pair<const char*, const std::vector<std::string>*> flags[] = {
      {"status", &o.status},     {"type", &o.type},
      {"priority", &o.priority}, {"assignee", &o.assignee},
      {"team", &o.team},         {"customer", &o.customer},
      {"channel", &o.channel},   {"category", &o.category},
      {"service", &o.service},   {"tag", &o.tag}};
  for (const auto& [field, values] : flags) tickets::add_filter(q, ctx, field, flatten(*values));
  if (!o.since.empty()) tickets::add_filter(q, ctx, "since", {o.since});
  if (!o.until.empty()) tickets::add_filter(q, ctx, "until", {o.until});
  tickets::add_filter_terms(q, ctx, o.terms);
  return q;
}

int run(Env& env, const Options& o) {
  tickets::Query q = build_query(env, o);
  auto& store = env.store(store::Access::read);
  Zone zone = env.zone();
  std::int64_t count = 0;
  if (o.format == "csv") {
    auto writer = format::make_row_writer(format::Format::csv, env.out, env.style());
    writer->begin(bulk::export_csv_columns());
    store.each_ticket_with_events(
        q, [&](const tickets::Ticket& t, const std::vector<tickets::Event>& events) {
          writer->row(bulk::export_csv_row(bulk::export_json(t, events, zone)));
          ++count;
          return static_cast<bool>(env.out);
        });
    writer->end();
  } else {
    std::string line;
    store.each_ticket_with_events(
        q, [&](const tickets::Ticket& t, const std::vector<tickets::Event>& events) {
          line = bulk::export_json(t, events, zone)
                     .dump(-1, ' ', false, tickets::Json::error_handler_t::replace);
          line += '\n';
          env.out.write(line.data(), static_cast<std::streamsize>(line.size()));
          ++count;
          return static_cast<bool>(env.out);
        });
  }
  return 0;
}

}  // namespace

Runner cmd_export(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("terms", o->terms,
                 "Filter terms as in desk list: field:value[,value], +tag, or words");
  sub.add_option("-s,--status", o->status, "Status (default: every status), or open")
      ->option_text("STATUS");
  sub.add_option("--type", o->type, "Ticket type")->option_text("TYPE");
  sub.add_option("-p,--priority", o->priority, "Priority")->option_text("P");
  sub.add_option("-a,--assignee", o->assignee, "Assignee ('me', or 'none' for unassigned)")
      ->option_text("WHO");
  sub.add_option("--team", o->team, "Team ('none' for no team)")->option_text("TEAM");
  sub.add_option("-c,--customer", o->customer, "Customer id, email or name")->option_text("WHO");
  sub.add_option("--channel", o->channel, "Channel")->option_text("CHANNEL");
  sub.add_option("--category", o->category, "Category")->option_text("CATEGORY");
  sub.add_option("--service", o->service, "Service")->option_text("SERVICE");
  sub.add_option("-t,--tag", o->tag, "Tag (every tag given must be present)")->option_text("TAG");
  sub.add_option("--since", o->since, "Created at or after TIME")->option_text("TIME");
  sub.add_option("--until", o->until, "Created before TIME")->option_text("TIME");
  add_format(sub, o->format, {"jsonl", "csv"});
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
