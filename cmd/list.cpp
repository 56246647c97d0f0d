// desk list [TERM...]: tickets, filtered, sorted, limited; streamed so that
// memory stays flat whatever the size of the store.
#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "desk/model/serialize.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/sla/levels.hpp"
#include "desk/sla/serialize.hpp"
#include "desk/store/store.hpp"
#include "desk/tickets/filter.hpp"

#include "filters.hpp"
#include "options.hpp"
#include "pager.hpp"
#include "registry.hpp"
#include "render.hpp"

namespace desk::cmd {

namespace {

// Past this many matches, "N more not shown" says "more than" instead.
constexpr std::int64_t kCountAtMost = 10000;

struct Options {
  TicketFilters filters;
  bool all = false;
  std::string sort, columns;
  Format format = Format::table;
  std::int64_t limit = 0;
  bool breached = false, at_risk = false;
  std::string due_before;
};

bool wants_sla(const Options& o, const std::vector<std::string>& columns, const model::Query& q) {
  if (o.breached || o.at_risk || !o.due_before.empty()) return true;
  for (const auto& c : columns)
    if (c.rfind("sla_", 0) == 0) return true;
  for (const auto& k : q.sort)
    if (k.field == "due") return true;
  return false;
}

// A ticket in SLA mode: its JSON with the sla_* fields, and what sorting needs.
struct SlaRow {
  model::Ticket ticket;
  std::optional<Instant> due;
  format::Json json;
};

// Orders rows by the sort keys in memory (SLA fields are not in the store).
bool before(const SlaRow& a, const SlaRow& b, const std::vector<model::SortKey>& keys,
            const std::vector<std::string>& levels) {
  auto rank = [](const std::vector<std::string>& order, const std::string& v) {
    return std::find(order.begin(), order.end(), v) - order.begin();
  };
  for (const auto& k : keys) {
    int c = 0;
    const auto& x = a.ticket;
    const auto& y = b.ticket;
    auto cmp = [](const auto& l, const auto& r) { return l < r ? -1 : (r < l ? 1 : 0); };
    if (k.field == "due")
      c = cmp(a.due.value_or(Instant::max()), b.due.value_or(Instant::max()));
    else if (k.field == "priority")
      c = cmp(rank(levels, x.priority), rank(levels, y.priority));
    else if (k.field == "status")
      c = cmp(x.status, y.status);  // in lifecycle order
    else if (k.field == "created")
      c = cmp(x.created_at, y.created_at);
    else if (k.field == "updated")
      c = cmp(x.updated_at, y.updated_at);
    else if (k.field == "resolved")
      c = cmp(x.resolved_at.value_or(Instant{}), y.resolved_at.value_or(Instant{}));
    else if (k.field == "tier")
      c = cmp(x.tier, y.tier);
    else if (k.field != "id")
      c = cmp(a.json.value(k.field, std::string()), b.json.value(k.field, std::string()));
    if (c != 0) return k.descending ? c > 0 : c < 0;
  }
  return a.ticket.id < b.ticket.id;
}

int run_sla(Env& env, const Options& o, model::Query q,
            const std::vector<format::Column>& columns) {
  auto& store = env.store(store::Access::read);
  sla::ServiceLevels levels(env.config());
  std::optional<Instant> due_before;
  if (!o.due_before.empty()) due_before = env.parse_time(o.due_before);
  Zone zone = env.zone();
  std::vector<SlaRow> rows;
  // LEFT is business time, shown in the working days of the clock's own
  // calendar (tickets may have different ones).
  auto days = std::make_shared<std::map<std::int64_t, std::int64_t>>();
  std::vector<format::Column> shown_columns = columns;
  for (auto& c : shown_columns)
    if (c.key == "sla_left_minutes")
      c.day_of = [days](const format::Json& row) {
        auto it = days->find(row["id"].get<std::int64_t>());
        return it == days->end() ? std::int64_t{86400} : it->second;
      };
  // Every match is measured, then sorted (by due, or --sort) and limited here.
  model::Query fetch = q;
  fetch.sort.clear();
  fetch.limit = 0;
  fetch.any_order = true;
  store.each_ticket_timeline(
      fetch,

      [&](const model::Ticket& t, const std::vector<model::Mark>& marks) {
        sla::TicketSla s = levels.measure(t, marks, env.now());
        const sla::Clock* next = s.next_due();
        if (o.breached && !s.breached()) return true;
        if (o.at_risk && !s.at_risk()) return true;
        if (due_before && !(next && next->state.due < *due_before)) return true;
        SlaRow row{t, next ? std::optional<Instant>(next->state.due) : std::nullopt,
                   model::ticket_json(t, zone)};
        row.json["sla_state"] = sla::sla_state(s);
        row.json["sla_policy"] = s.policy.empty() ? format::Json() : format::Json(s.policy);
        row.json["sla_clock"] = next ? format::Json(next->name) : format::Json();
        row.json["sla_due"] =
            next ? format::Json(format_iso(next->state.due, zone)) : format::Json();
        row.json["sla_left_minutes"] =
            next ? format::Json(next->state.remaining / 60) : format::Json();
        if (next) (*days)[t.id] = levels.calendar(next->calendar).working_day_seconds();
        rows.push_back(std::move(row));
        return true;
      });
  // Without --sort, what falls due first comes first.
  std::vector<model::SortKey> keys =
      q.sort.empty() ? std::vector<model::SortKey>{{"due", false}} : q.sort;
  const auto& priority_levels = env.config().priority.levels;
  std::stable_sort(rows.begin(), rows.end(), [&](const SlaRow& a, const SlaRow& b) {
    return before(a, b, keys, priority_levels);
  });
  std::size_t shown = rows.size();
  if (q.limit > 0 && static_cast<std::size_t>(q.limit) < shown)
    shown = static_cast<std::size_t>(q.limit);
  if (env.globals.quiet) {
    for (std::size_t i = 0; i < shown; ++i) env.out << rows[i].ticket.id << '\n';
  } else {
    auto writer = format::make_row_writer(o.format, env.out, env.style());
    writer->begin(shown_columns);
    for (std::size_t i = 0; i < shown; ++i) writer->row(rows[i].json);
    writer->end();
  }
  if (shown < rows.size())
    env.err << fmt::format(
        "desk: showing {} of {} tickets; {} more not shown (--limit 0 shows all)\n", shown,
        rows.size(), rows.size() - shown);
  return 0;
}

model::Query build_query(Env& env, const Options& o) {
  model::Query q = ticket_query(env, o.filters);
  // Without a status, `list` shows the work still to do.
  if (o.all)
    q.statuses.clear();
  else if (!o.filters.names_status())
    tickets::add_statuses(q, {"open"});
  if (!o.sort.empty()) q.sort = tickets::parse_sort(o.sort);
  q.limit = o.limit;
  return q;
}

int run(Env& env, const Options& o) {
  start_pager(env);
  model::Query q = build_query(env, o);
  std::vector<std::string> names =
      o.columns.empty() ? default_list_columns() : flatten({o.columns});
  bool sla_mode = wants_sla(o, names, q);
  if (sla_mode && o.columns.empty()) {
    // Show what the SLA filters are about: the state and the time left.
    names.insert(names.end() - 1, {"sla_state", "sla_due", "sla_left_minutes"});
  }
  std::vector<format::Column> columns = ticket_columns(env, names);
  if (sla_mode) return run_sla(env, o, q, columns);
  auto& store = env.store(store::Access::read);
  store::Ordering ordering{env.config().priority.levels};

  // One row past the limit tells whether the limit cut anything.
  model::Query fetch = q;
  if (q.limit > 0) fetch.limit = q.limit + 1;
  std::int64_t shown = 0;
  bool cut = false;
  Zone zone = env.zone();
  if (env.globals.quiet) {
    store.each_ticket(fetch, ordering, [&](const model::Ticket& t) {
      if (q.limit > 0 && shown == q.limit) return !(cut = true);
      env.out << t.id << '\n';
      ++shown;
      return true;
    });
  } else {
    format::Style style = env.style();
    auto writer = format::make_row_writer(o.format, env.out, style);
    writer->begin(columns);
    store.each_ticket(fetch, ordering, [&](const model::Ticket& t) {
      if (q.limit > 0 && shown == q.limit) return !(cut = true);
      writer->row(model::ticket_json(t, zone));
      ++shown;
      return true;
    });
    writer->end();
  }
  if (cut) {
    // Counting stops past kCountAtMost: a page of 50 from a million open
    // tickets should not wait for the million to be counted.
    std::int64_t total = store.count_tickets(q, kCountAtMost + 1);
    if (total > kCountAtMost)
      env.err << fmt::format("desk: showing {} of more than {} tickets (--limit 0 shows all)\n",
                             shown, kCountAtMost);
    else
      env.err << fmt::format(
          "desk: showing {} of {} tickets; {} more not shown (--limit 0 shows all)\n", shown, total,
          total - shown);
  }
  return 0;
}

}  // namespace

Runner cmd_list(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  add_ticket_filters(sub, o->filters,
                     "Filter terms: field:value[,value] (status, type, priority, assignee, team, "
                     "customer, channel, category, service, tag, id, since, until, tier), +tag, "
                     "or words to find in title and description",
                     "Status: new, assigned, in-progress, pending, resolved, "
                     "closed; open (default) or all");
  sub.add_flag("--all", o->all, "Every status, resolved and closed too");
  sub.add_option("--sort", o->sort, "Sort by fields, '-' for descending: priority,-created")
      ->option_text("FIELDS");
  add_int(sub, "-n,--limit", o->limit, "Show at most N tickets (0: all)", 0, kMaxLimit);
  sub.add_flag("--breached", o->breached, "Only tickets with a breached SLA clock");
  sub.add_flag("--at-risk", o->at_risk,
               "Only tickets past a clock's warning threshold, not yet breached");
  sub.add_option("--due-before", o->due_before, "Only tickets with a clock falling due before TIME")
      ->option_text("TIME");
  sub.add_option("--columns", o->columns, "Columns to show, comma-separated")->option_text("COLS");
  add_format(sub, o->format);
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
