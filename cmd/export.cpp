// desk export [TERM...]: tickets with their whole history, streamed, in the
// shape desk import reads back.
#include "desk/bulk/export.hpp"

#include <fmt/format.h>

#include "desk/bulk/read_ahead.hpp"
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
model::Query build_query(Env& env, const Options& o) {
  model::Query q;
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
  model::Query q = build_query(env, o);
  auto& store = env.store(store::Access::read);
  Zone zone = env.zone();
  bulk::ExportWriter writer(zone);
  using Events = std::span<const store::StoredEvent>;
  if (o.format == "csv") {
    auto rows = format::make_row_writer(format::Format::csv, env.out, env.style());
    rows->begin(bulk::export_csv_columns());
    std::string events;
    bulk::read_ahead(store, q, [&](const model::Ticket& t, Events list) {
      events.clear();
      writer.events(events, list);
      rows->row(bulk::export_csv_row(t, events, zone));
      return static_cast<bool>(env.out);
    });
    rows->end();
  } else {
    // Lines gather in a buffer written a megabyte at a time.
    constexpr std::size_t kFlushAt = 1 << 20;
    std::string buffer;
    buffer.reserve(2 * kFlushAt);
    auto flush = [&] {
      env.out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
      return static_cast<bool>(env.out);
    };
    bulk::read_ahead(store, q, [&](const model::Ticket& t, Events list) {
      writer.line(buffer, t, list);
      return buffer.size() < kFlushAt || flush();
    });
    flush();
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
