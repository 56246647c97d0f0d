// desk list [TERM...]: tickets, filtered, sorted, limited; streamed so that
// memory stays flat whatever the size of the store.
#include <fmt/format.h>

#include "desk/store/store.hpp"
#include "desk/tickets/filter.hpp"
#include "desk/tickets/serialize.hpp"
#include "desk/tickets/vocabulary.hpp"

#include "options.hpp"
#include "registry.hpp"
#include "render.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::vector<std::string> terms;
  std::vector<std::string> status, type, priority, assignee, team, customer, channel, category,
      service, tag;
  bool all = false;
  std::string since, until, sort, columns, format;
  std::int64_t limit = 0;
};

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
  bool status_term = false;
  for (const auto& t : o.terms) status_term = status_term || t.rfind("status:", 0) == 0;
  tickets::add_filter_terms(q, ctx, o.terms);
  // Without a status, `list` shows the work still to do.
  if (o.all)
    q.statuses.clear();
  else if (o.status.empty() && !status_term)
    tickets::add_statuses(q, {"open"});
  if (!o.sort.empty()) q.sort = tickets::parse_sort(o.sort);
  q.limit = o.limit;
  return q;
}

int run(Env& env, const Options& o) {
  tickets::Query q = build_query(env, o);
  std::vector<std::string> names =
      o.columns.empty() ? default_list_columns() : flatten({o.columns});
  std::vector<format::Column> columns = ticket_columns(env, names);
  auto& store = env.store(store::Access::read);
  store::Ordering ordering{env.config().priority.levels};

  // One row past the limit tells whether the limit cut anything.
  tickets::Query fetch = q;
  if (q.limit > 0) fetch.limit = q.limit + 1;
  std::int64_t shown = 0;
  bool cut = false;
  Zone zone = env.zone();
  if (env.globals.quiet) {
    store.each_ticket(fetch, ordering, [&](const tickets::Ticket& t) {
      if (q.limit > 0 && shown == q.limit) return !(cut = true);
      env.out << t.id << '\n';
      ++shown;
      return true;
    });
  } else {
    format::Style style = env.style();
    auto writer = format::make_row_writer(chosen_format(o.format), env.out, style);
    writer->begin(columns);
    store.each_ticket(fetch, ordering, [&](const tickets::Ticket& t) {
      if (q.limit > 0 && shown == q.limit) return !(cut = true);
      writer->row(tickets::ticket_json(t, zone));
      ++shown;
      return true;
    });
    writer->end();
  }
  if (cut) {
    std::int64_t total = store.count_tickets(q);
    env.err << fmt::format(
        "desk: showing {} of {} tickets; {} more not shown (--limit 0 shows all)\n", shown, total,
        total - shown);
  }
  return 0;
}

}  // namespace

Runner cmd_list(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("terms", o->terms,
                 "Filter terms: field:value[,value] (status, type, priority, assignee, team, "
                 "customer, channel, category, service, tag, id, since, until, tier), +tag, "
                 "or words to find in title and description");
  sub.add_option("-s,--status", o->status,
                 "Status: new, assigned, in-progress, pending, resolved, "
                 "closed; open (default) or all")
      ->option_text("STATUS");
  sub.add_flag("--all", o->all, "Every status, resolved and closed too");
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
  sub.add_option("--sort", o->sort, "Sort by fields, '-' for descending: priority,-created")
      ->option_text("FIELDS");
  sub.add_option("-n,--limit", o->limit, "Show at most N tickets (0: all)")
      ->option_text("N")
      ->check(CLI::Validator(
          [](std::string& n) {
            return !n.empty() && n.find_first_not_of("0123456789") == std::string::npos
                       ? std::string()
                       : std::string("must be a whole number, 0 or more");
          },
          "N"));
  sub.add_option("--columns", o->columns, "Columns to show, comma-separated")->option_text("COLS");
  add_format(sub, o->format);
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
