#include "desk/report/performance.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include <fmt/format.h>

#include "desk/report/common.hpp"
#include "desk/report/figures.hpp"
#include "desk/report/sla_report.hpp"
#include "desk/sla/levels.hpp"
#include "desk/tickets/match.hpp"
#include "desk/work/validate.hpp"

namespace desk::report {

namespace {

using format::Column;
using format::Kind;

// Nearest rank on business minutes (int32: a million tickets' times for
// five groupings stay under 40 MB): the median and the 90th percentile, the
// second selected among the values above the first only.
struct Ranks {
  std::optional<std::int64_t> median, p90;
};

Ranks ranks(std::vector<std::int32_t>& v) {
  if (v.empty()) return {};
  auto at = [&](int p) {
    auto k = static_cast<std::size_t>(
        std::ceil(static_cast<double>(p) / 100.0 * static_cast<double>(v.size())));
    return v.begin() + static_cast<std::ptrdiff_t>(std::max<std::size_t>(k, 1) - 1);
  };
  auto median = at(50), p90 = at(90);
  std::nth_element(v.begin(), median, v.end());
  std::int64_t median_value = *median;  // the second selection moves it
  std::nth_element(median, p90, v.end());
  return {median_value, *p90};
}

struct Group {
  std::int64_t tickets = 0, resolved = 0, fcr = 0, escalated = 0, reopened = 0;
  std::vector<std::int32_t> response, resolve;
};

struct Facts {
  bool resolved_ever, fcr, escalated, reopened;
  std::optional<std::int32_t> response, resolve;
};

void add(Group& g, const Facts& f) {
  ++g.tickets;
  g.resolved += f.resolved_ever;
  g.fcr += f.fcr;
  g.escalated += f.escalated;
  g.reopened += f.reopened;
  if (f.response) g.response.push_back(*f.response);
  if (f.resolve) g.resolve.push_back(*f.resolve);
}

Json row_of(const std::string& name, Group& g) {
  Ranks response = ranks(g.response), resolve = ranks(g.resolve);
  return {{"group", name},
          {"tickets", g.tickets},
          {"resolved", g.resolved},
          {"response_median_minutes", number_or_null(response.median)},
          {"response_p90_minutes", number_or_null(response.p90)},
          {"resolve_median_minutes", number_or_null(resolve.median)},
          {"resolve_p90_minutes", number_or_null(resolve.p90)},
          {"fcr", g.fcr},
          {"fcr_pct", percent(g.fcr, g.resolved)},
          {"escalated", g.escalated},
          {"escalation_pct", percent(g.escalated, g.tickets)},
          {"reopened", g.reopened},
          {"reopen_pct", percent(g.reopened, g.resolved)}};
}

std::vector<Column> columns(const std::string& first) {
  return {{"group", first},
          {"tickets", "TICKETS", Kind::number},
          {"resolved", "RESOLVED", Kind::number},
          {"response_median_minutes", "RESP MEDIAN", Kind::minutes},
          {"response_p90_minutes", "RESP P90", Kind::minutes},
          {"resolve_median_minutes", "RES MEDIAN", Kind::minutes},
          {"resolve_p90_minutes", "RES P90", Kind::minutes},
          {"fcr", "FCR", Kind::number},
          {"fcr_pct", "FCR %", Kind::number},
          {"escalated", "ESCALATED", Kind::number},
          {"escalation_pct", "ESC %", Kind::number},
          {"reopened", "REOPENED", Kind::number},
          {"reopen_pct", "REOPEN %", Kind::number}};
}

struct Grouping {
  std::string field;  // a group_fields() name
  std::string key;    // the section's key
  std::string title;
  std::map<std::string, Group, std::less<>> groups;  // found by a view: no copy per ticket
  GroupValue value = nullptr;                        // group_getter(field)

  Group& at(std::string_view name) {
    auto it = groups.find(name);
    if (it == groups.end()) it = groups.emplace(std::string(name), Group{}).first;
    return it->second;
  }
};

bool needs_details(const config::Config& c, const std::vector<Grouping>& groupings) {
  for (const auto& g : groupings)
    if (g.field == "customer" || by_tags(g.field)) return true;
  for (const auto& rule : c.sla_rules)
    if (tickets::reads_people(rule.match)) return true;
  return false;
}

}  // namespace

bool first_contact(const ContactFacts& f) {
  return f.resolved && f.escalations == 0 && f.reopens == 0 && f.technicians <= 1 && f.tier <= 1;
}

namespace {

// The groupings the report shows: the usual four, or the one asked for.
std::vector<Grouping> groupings_for(const std::string& by) {
  std::vector<Grouping> out;
  if (by.empty())
    out = {{"team", "teams", "By team", {}},
           {"assignee", "technicians", "By technician", {}},
           {"category", "categories", "By category", {}},
           {"channel", "channels", "By channel", {}}};
  else
    out = {{by, "groups", "By " + by, {}}};
  for (auto& g : out) g.value = group_getter(g.field);
  return out;
}

// The figures: every ticket logged in the period, as it stood at --now,
// counted once in `all` and in its group of each grouping.
Group count_performance(work::Session& s, const Period& period, std::vector<Grouping>& groupings) {
  const auto& cfg = s.config;
  sla::ServiceLevels levels(cfg);
  Group all;
  store::ReportSelection sel;
  sel.logged_since = period.since;
  sel.logged_until = known_until(period.until, s.now);
  sel.details = needs_details(cfg, groupings);
  sel.titles = false;
  std::vector<model::Mark> known;
  std::vector<std::string_view> in;  // a ticket's tags, grouping by tags
  History h;                         // reused from ticket to ticket: its strings keep their storage
  s.store.reports().each_ticket(sel, [&](model::Ticket& t, const std::vector<model::Mark>& marks) {
    history_at(t, marks, s.now, h);
    if (!h.logged) return true;
    set_history(t, h);  // the ticket as it stood at --now
    std::size_t n = marks_until(marks, s.now);
    const std::vector<model::Mark>* upto = &marks;
    if (n < marks.size()) {
      known.assign(marks.begin(), marks.begin() + static_cast<std::ptrdiff_t>(n));
      upto = &known;
    }
    sla::TicketSla m = levels.measure(t, *upto, s.now, sla::ClockSet::targets());
    auto minutes = [&](const char* name) -> std::optional<std::int32_t> {
      const sla::Clock* c = m.clock(name);
      if (c == nullptr || c->state.running) return std::nullopt;
      return static_cast<std::int32_t>(c->state.elapsed / 60);
    };
    ContactFacts cf{!h.open() && h.resolved.has_value(), h.escalations, h.reopens,
                    h.technicians.size(), tier_of(cfg, t.team, t.tier)};
    Facts f{h.first_resolved.has_value(), first_contact(cf), h.escalations > 0, h.reopens > 0,
            minutes("response"),          minutes("resolve")};
    add(all, f);
    for (auto& g : groupings) {
      if (!by_tags(g.field)) {
        add(g.at(g.value(t)), f);
        continue;
      }
      group_values(t, g.field, in);
      for (auto v : in) add(g.at(v), f);
    }
    return true;
  });
  return all;
}

std::string percent_or_na(const Json& v) {
  return v.is_null() ? std::string("n/a") : fmt::format("{:.1f}%", v.get<double>());
}

Section summary_section(Group& all) {
  Section out{"summary", "All tickets logged in the period", columns("GROUP"), {}, std::nullopt,
              ""};
  out.rows.push_back(row_of("all", all));
  const Json& sr = out.rows.front();
  out.note = fmt::format(
      "{} tickets logged, {} resolved; first-contact resolution {}, escalated {}, reopened {}.",
      all.tickets, all.resolved, percent_or_na(sr["fcr_pct"]), percent_or_na(sr["escalation_pct"]),
      percent_or_na(sr["reopen_pct"]));
  return out;
}

Section grouping_section(Grouping& g, const config::Config& cfg) {
  Section out{g.key,
              g.title,
              columns(heading(g.field)),
              {},
              Chart{Chart::Kind::bar,
                    "group",
                    {{"fcr_pct", "first-contact resolution %"},
                     {"escalation_pct", "escalated %"},
                     {"reopen_pct", "reopened %"}},
                    "%"},
              ""};
  if (by_tags(g.field)) out.note = tags_note(g.field).substr(1);
  std::vector<std::string> names;
  for (const auto& [k, v] : g.groups) names.push_back(k);
  order_groups(names, g.field, cfg);
  for (const auto& name : names) out.rows.push_back(row_of(name, g.at(name)));
  return out;
}

}  // namespace

Report performance_report(work::Session& s, const Period& period, const std::string& by) {
  if (!by.empty()) require_grouping(by);
  Zone zone = s.config.zone();
  std::vector<Grouping> groupings = groupings_for(by);
  Group all = count_performance(s, period, groupings);
  Report r;
  r.key = "performance";
  r.title = "Performance";
  r.meta = period_meta(period, zone, s.now);
  r.meta["by"] = text_or_null(by);
  r.sections.push_back(summary_section(all));
  for (auto& g : groupings) r.sections.push_back(grouping_section(g, s.config));
  return r;
}

}  // namespace desk::report
