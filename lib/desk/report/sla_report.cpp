#include "desk/report/sla_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/report/common.hpp"
#include "desk/report/figures.hpp"
#include "desk/sla/levels.hpp"
#include "desk/store/report_store.hpp"
#include "desk/store/store.hpp"
#include "desk/work/validate.hpp"

namespace desk::report {

namespace {

using format::Column;
using format::Kind;

// One clock's tallies within a group.
struct Tally {
  std::int64_t met = 0;
  std::int64_t breached = 0;
  std::int64_t running = 0;           // not yet decided
  std::vector<std::int64_t> minutes;  // business minutes of clocks that stopped

  void add(const sla::Clock* c) {
    if (c == nullptr) return;
    if (c->state.breached)
      ++breached;
    else if (c->state.met)
      ++met;
    else
      ++running;
    if (!c->state.running) minutes.push_back(c->state.elapsed / 60);
  }
};

struct Group {
  std::int64_t tickets = 0;
  Tally response;
  Tally resolve;
};

Json compliance(const Tally& t) {
  return percent(t.met, t.met + t.breached);
}

Json optional_number(std::optional<std::int64_t> v) {
  return v ? Json(*v) : Json();
}

void tally_fields(Json& row, const std::string& prefix, Tally& t) {
  row[prefix + "_met"] = t.met;
  row[prefix + "_breached"] = t.breached;
  row[prefix + "_open"] = t.running;
  row[prefix + "_compliance"] = compliance(t);
  row[prefix + "_median_minutes"] = optional_number(percentile(t.minutes, 50));
  row[prefix + "_p90_minutes"] = optional_number(percentile(t.minutes, 90));
}

std::vector<Column> group_columns(const std::string& by) {
  return {{"group", heading(by), Kind::text},
          {"tickets", "TICKETS", Kind::number},
          {"response_met", "RESP MET", Kind::number},
          {"response_breached", "RESP BREACHED", Kind::number},
          {"response_compliance", "RESP %", Kind::number},
          {"response_median_minutes", "RESP MEDIAN", Kind::minutes},
          {"response_p90_minutes", "RESP P90", Kind::minutes},
          {"resolve_met", "RES MET", Kind::number},
          {"resolve_breached", "RES BREACHED", Kind::number},
          {"resolve_compliance", "RES %", Kind::number},
          {"resolve_median_minutes", "RES MEDIAN", Kind::minutes},
          {"resolve_p90_minutes", "RES P90", Kind::minutes}};
}

std::vector<Column> breach_columns() {
  return {{"ticket", "TICKET", Kind::number},
          {"clock", "CLOCK"},
          {"priority", "PRIORITY"},
          {"team", "TEAM"},
          {"assignee", "ASSIGNEE"},
          {"due", "DUE", Kind::time},
          {"late_minutes", "LATE", Kind::minutes},
          {"title", "TITLE", Kind::text, true}};
}

struct Breach {
  std::int64_t ticket;
  const char* clock;
  std::string priority, team, assignee, title;
  Instant due;
  std::int64_t late_minutes;
};

// Most overdue first, then by ticket: the order the list is shown in (and,
// as a heap, the worst-first order that pops the least overdue).
bool more_overdue(const Breach& a, const Breach& b) {
  if (a.late_minutes != b.late_minutes) return a.late_minutes > b.late_minutes;
  if (a.ticket != b.ticket) return a.ticket < b.ticket;
  return std::string_view(a.clock) < std::string_view(b.clock);
}

std::string_view or_none(std::string_view v) {
  return v.empty() ? std::string_view("(none)") : v;
}

}  // namespace

const std::vector<std::string>& group_fields() {
  static const std::vector<std::string> fields = {"priority", "team",     "type",    "category",
                                                  "assignee", "customer", "channel", "service"};
  return fields;
}

GroupValue group_getter(const std::string& field) {
  using model::Ticket;
  if (field == "priority") return [](const Ticket& t) { return or_none(t.priority); };
  if (field == "team") return [](const Ticket& t) { return or_none(t.team); };
  if (field == "type") return [](const Ticket& t) { return or_none(t.type); };
  if (field == "category") return [](const Ticket& t) { return or_none(t.category); };
  if (field == "assignee") return [](const Ticket& t) { return or_none(t.assignee); };
  if (field == "channel") return [](const Ticket& t) { return or_none(t.channel); };
  if (field == "service") return [](const Ticket& t) { return or_none(t.service); };
  if (field == "customer")
    return [](const Ticket& t) {
      return or_none(t.customer_email.empty() ? t.customer_name : t.customer_email);
    };
  return [](const Ticket&) { return or_none({}); };
}

std::string_view group_value(const model::Ticket& t, const std::string& field) {
  return group_getter(field)(t);
}

bool by_tags(const std::string& by) {
  return by == "tag" || (by.size() > 4 && by.compare(0, 4, "tag:") == 0);
}

void require_grouping(const std::string& by) {
  if (by_tags(by)) return;
  if (by == "tag:")
    throw UsageError("--by tag: needs a prefix", "e.g. --by tag:product: groups by product:* tags");
  std::vector<std::string> known = group_fields();
  known.push_back("tag");
  known.push_back("tag:PREFIX");
  work::require_one_of("report grouping", by, known);
}

void group_values(const model::Ticket& t, const std::string& by,
                  std::vector<std::string_view>& out) {
  out.clear();
  if (!by_tags(by)) {
    out.push_back(group_value(t, by));
    return;
  }
  std::string_view prefix = by == "tag" ? std::string_view() : std::string_view(by).substr(4);
  for (const auto& tag : t.tags)
    if (tag.compare(0, prefix.size(), prefix) == 0) out.push_back(tag);
  if (out.empty()) out.push_back("(none)");
}

std::optional<std::int64_t> percentile(std::vector<std::int64_t>& values, int p) {
  if (values.empty()) return std::nullopt;
  auto rank = static_cast<std::size_t>(
      std::ceil(static_cast<double>(p) / 100.0 * static_cast<double>(values.size())));
  // Nearest rank: the value a full sort would put there, without the sort.
  auto at = values.begin() + static_cast<std::ptrdiff_t>(std::max<std::size_t>(rank, 1) - 1);
  std::nth_element(values.begin(), at, values.end());
  return *at;
}

namespace {

// The service levels' figures: each group's clocks, the total's, and the
// breaches to list: all, or the `limit` most overdue, kept in a heap so a
// million tickets never hold a million rows in memory.
struct SlaFigures {
  std::map<std::string, Group> groups;
  Group total;
  std::vector<Breach> kept;
  std::size_t breaches = 0;
  std::size_t limit = 0;  // 0: keep all

  void add(Group& g, const sla::TicketSla& m) {
    ++g.tickets;
    g.response.add(m.clock("response"));
    g.resolve.add(m.clock("resolve"));
  }

  void add_breaches(const model::Ticket& t, const sla::TicketSla& m) {
    for (const char* name : {"response", "resolve"}) {
      const sla::Clock* c = m.clock(name);
      if (c == nullptr || !c->state.breached) continue;
      ++breaches;
      Breach b{t.id, name, {}, {}, {}, {}, c->state.due, -c->state.remaining / 60};
      // A breach the full heap would drop at once needs no strings copied.
      if (limit > 0 && kept.size() == limit && !more_overdue(b, kept.front())) continue;
      b.priority = t.priority;
      b.team = t.team;
      b.assignee = t.assignee;
      b.title = t.title;
      kept.push_back(std::move(b));
      std::push_heap(kept.begin(), kept.end(), more_overdue);
      if (limit > 0 && kept.size() > limit) {
        std::pop_heap(kept.begin(), kept.end(), more_overdue);
        kept.pop_back();
      }
    }
  }
};

SlaFigures count_sla(work::Session& s, const Period& period, const std::string& by,
                     std::size_t list_limit) {
  sla::ServiceLevels levels(s.config);
  // Reports' own reader: only the columns measures need, read raw.
  store::ReportSelection sel;
  sel.logged_since = period.since;
  sel.logged_until = period.until;
  sel.titles = list_limit == 0;  // else only the breaches kept need a title
  sel.details = by == "customer" || by_tags(by) || levels.policy_reads_people();
  SlaFigures f;
  f.limit = list_limit;
  // Without --by, one group, looked up once rather than per ticket.
  Group* ungrouped = by.empty() ? &f.groups["all"] : nullptr;
  std::vector<std::string_view> in;  // the groups of a ticket
  s.store.reports().each_ticket(
      sel, [&](const model::Ticket& t, const std::vector<model::Mark>& marks) {
        sla::TicketSla m = levels.measure(t, marks, s.now, sla::ClockSet::targets());
        if (m.policy.empty()) return true;
        f.add(f.total, m);
        if (ungrouped) {
          f.add(*ungrouped, m);
        } else {
          group_values(t, by, in);
          for (auto v : in) f.add(f.groups[std::string(v)], m);
        }
        f.add_breaches(t, m);
        return true;
      });
  std::sort(f.kept.begin(), f.kept.end(), more_overdue);
  if (!sel.titles)
    for (auto& b : f.kept)
      if (auto t = s.store.find_ticket(b.ticket)) b.title = t->title;
  return f;
}

Json group_row(const std::string& name, Group& g) {
  Json row = {{"group", name}, {"tickets", g.tickets}};
  tally_fields(row, "response", g.response);
  tally_fields(row, "resolve", g.resolve);
  return row;
}

Section summary_section(SlaFigures& f, const std::string& by, const config::Config& cfg) {
  Section summary{"groups",          by.empty() ? "Service levels" : "Service levels by " + by,
                  group_columns(by), {},
                  std::nullopt,      ""};
  if (!by.empty()) {
    std::vector<std::string> order;
    for (const auto& [k, g] : f.groups) order.push_back(k);
    order_groups(order, by, cfg);
    for (const auto& k : order) summary.rows.push_back(group_row(k, f.groups[k]));
  }
  summary.rows.push_back(group_row("all", f.total));
  summary.chart =
      Chart{Chart::Kind::bar,
            "group",
            {{"response_compliance", "response met %"}, {"resolve_compliance", "resolution met %"}},
            "%"};
  summary.note = fmt::format("{} tickets logged in the period; {} targets breached.{}",
                             f.total.tickets, f.breaches, tags_note(by));
  return summary;
}

Section breaches_section(const SlaFigures& f, const Zone& zone) {
  Section breaches{"breaches", "Breaches", breach_columns(), {}, std::nullopt, ""};
  for (const auto& b : f.kept)
    breaches.rows.push_back({{"ticket", b.ticket},
                             {"clock", b.clock},
                             {"priority", b.priority},
                             {"team", text_or_null(b.team)},
                             {"assignee", text_or_null(b.assignee)},
                             {"due", format_iso(b.due, zone)},
                             {"late_minutes", b.late_minutes},
                             {"title", b.title}});
  if (f.limit > 0 && f.breaches > f.kept.size())
    breaches.note = fmt::format("The {} most overdue of {} breaches (--limit 0 lists all).",
                                f.kept.size(), f.breaches);
  return breaches;
}

}  // namespace

SlaReport sla_report(work::Session& s, const Period& period, const std::string& by,
                     std::size_t list_limit) {
  if (!by.empty()) require_grouping(by);
  Zone zone = s.config.zone();
  SlaFigures f = count_sla(s, period, by, list_limit);
  SlaReport out;
  out.breaches = f.breaches;
  Report& r = out.report;
  r.key = "sla";
  r.title = "Service levels";
  r.meta = period_meta(period, zone, s.now);
  r.meta["by"] = text_or_null(by);
  r.sections.push_back(summary_section(f, by, s.config));
  r.sections.push_back(breaches_section(f, zone));
  return out;
}

}  // namespace desk::report
