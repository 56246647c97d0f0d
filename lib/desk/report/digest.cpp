#include "desk/report/digest.hpp"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "desk/model/vocabulary.hpp"
#include "desk/report/backlog.hpp"
#include "desk/report/common.hpp"
#include "desk/report/figures.hpp"
#include "desk/report/sla_report.hpp"
#include "desk/report/trends.hpp"
#include "desk/sla/levels.hpp"
#include "desk/tickets/match.hpp"

namespace desk::report {

namespace {

using format::Column;
using format::Kind;

Json due_row(const Due& d, const Zone& zone, const char* minutes_key) {
  Json row = {{"ticket", d.ticket},
              {"clock", d.clock},
              {"priority", d.priority},
              {"team", text_or_null(d.team)},
              {"assignee", text_or_null(d.assignee)},
              {"due", format_iso(d.due, zone)},
              {minutes_key, d.minutes}};
  if (std::string(minutes_key) == "left_minutes") row["used_pct"] = d.used_pct;
  row["title"] = d.title;
  return row;
}

// "N things." for the list of `n` of `total`; `one` is the singular of
// `what`.
std::string shown(std::size_t n, std::size_t total, const char* what, const char* one) {
  if (total == 0) return fmt::format("No {}.", what);
  if (total == 1) return fmt::format("1 {}.", one);
  if (n < total) return fmt::format("{} {}; the first {} shown.", total, what, n);
  return fmt::format("{} {}.", total, what);
}

// Most overdue first, then by ticket and clock.
bool more_overdue(const Due& a, const Due& b) {
  if (a.minutes != b.minutes) return a.minutes > b.minutes;
  return a.ticket != b.ticket ? a.ticket < b.ticket : a.clock < b.clock;
}

// Falling due first, then by ticket (a ticket is at risk once).
bool due_sooner(const Due& a, const Due& b) {
  return a.due != b.due ? a.due < b.due : a.ticket < b.ticket;
}

// Keeps the kDigestRows first of a stream in the order `first`, as a heap
// whose front is the last of them, so that a breach in every other ticket
// never holds them all in memory. Fills in the ticket's strings only for
// what it keeps.
void keep_first(std::vector<Due>& heap, Due&& d, bool (*first)(const Due&, const Due&),
                const model::Ticket& t) {
  if (heap.size() == kDigestRows) {
    if (!first(d, heap.front())) return;
    std::pop_heap(heap.begin(), heap.end(), first);
    heap.pop_back();
  }
  d.priority = t.priority;
  d.team = t.team;
  d.assignee = t.assignee;
  heap.push_back(std::move(d));
  std::push_heap(heap.begin(), heap.end(), first);
}

Json summary_row(const char* measure, const char* label, std::int64_t value,
                 std::optional<std::int64_t> previous) {
  return {{"measure", measure},
          {"label", label},
          {"value", value},
          {"previous", number_or_null(previous)},
          {"change", previous ? Json(value - *previous) : Json()}};
}

// Section `key` of another report, as the digest shows it: its figures,
// columns and chart under the digest's own key and title.
Section composed(const Report& from, const char* key, const char* as, const char* title) {
  for (const auto& sec : from.sections)
    if (sec.key == key) {
      Section out = sec;
      out.key = as;
      out.title = title;
      return out;
    }
  return Section{as, title, {}, {}, std::nullopt, ""};
}

// The seven local days up to `until`, with the week before as the previous.
Period week_to(Instant until, const Zone& zone) {
  Period week;
  week.name = "custom";
  week.until = until;
  CivilTime c = zone.to_civil(until);
  int y = 0, mo = 0, d = 0;
  civil_from_days(days_from_civil(c.year, c.month, c.day) - 7, y, mo, d);
  week.since = zone.from_civil(y, mo, d, c.hour, c.minute, c.second);
  week.previous_until = week.since;
  week.previous_since = week.since - (week.until - week.since);
  return week;
}

}  // namespace

DigestFigures digest_figures(work::Session& s, const Period& p) {
  const auto& cfg = s.config;
  Zone zone = cfg.zone();
  sla::ServiceLevels levels(cfg);
  const Instant end = known_until(p.until, s.now);
  const Instant previous_end = known_until(p.previous_until, s.now);
  const Instant last_second = std::min(p.until - Seconds{1}, s.now);
  const Instant before_start = p.since - Seconds{1};
  auto in = [](Instant t, Instant from, Instant to) { return t >= from && t < to; };

  DigestFigures f;
  std::int64_t &logged = f.logged, &logged_before = f.logged_before, &resolved = f.resolved,
               &resolved_before = f.resolved_before, &open_end = f.open_end,
               &open_start = f.open_start, &breached_before = f.breached_before;
  std::vector<Due>&breaches = f.breaches, &risks = f.risks;  // the first kDigestRows, as heaps
  std::size_t &missed_count = f.missed, &risk_count = f.at_risk;
  std::vector<model::Mark> known;
  History now;  // reused from ticket to ticket: its strings keep their storage
  // Trends over the week up to the end of the period. Every ticket logged
  // since previous_since is in the pass below (it was open then), so when
  // the trends' four weeks start no earlier, the pass counts them too and
  // the store is read once.
  f.week = week_to(p.until, zone);
  const Period& week = f.week;
  TrendsCounter trends_counter(s, week);
  const bool shared = p.previous_since <= trends_counter.since();

  store::ReportSelection sel;
  sel.open_since = p.previous_since;
  sel.logged_until = known_until(Instant::max(), s.now);
  sel.titles = shared;  // for the trends' repeats; the lists read theirs by id
  for (const auto& rule : cfg.sla_rules)
    if (tickets::reads_people(rule.match)) sel.details = true;
  s.store.reports().each_ticket(
      sel, [&](model::Ticket& row, const std::vector<model::Mark>& marks) {
        if (shared) trends_counter.add(row);  // as stored, as trends_report reads it
        history_at(row, marks, s.now, now);
        if (!now.logged) return true;
        if (in(row.created_at, p.since, end)) ++logged;
        if (in(row.created_at, p.previous_since, previous_end)) ++logged_before;
        bool resolved_in = false, resolved_in_before = false;
        for (const auto& m : marks) {
          if (m.kind != model::EventKind::resolved) continue;
          resolved_in = resolved_in || in(m.at, p.since, end);
          resolved_in_before = resolved_in_before || in(m.at, p.previous_since, previous_end);
        }
        resolved += resolved_in;
        resolved_before += resolved_in_before;
        auto open_at = [&](Instant at) {
          auto st = status_at(row, marks, at);
          return st && model::is_open(*st);
        };
        if (open_at(last_second)) ++open_end;
        if (open_at(before_start)) ++open_start;

        set_history(row, now);  // the ticket as it stood at --now
        const model::Ticket& t = row;
        std::size_t n = marks_until(marks, s.now);
        const std::vector<model::Mark>* upto = &marks;
        if (n < marks.size()) {
          known.assign(marks.begin(), marks.begin() + static_cast<std::ptrdiff_t>(n));
          upto = &known;
        }
        // Breaches need the response and resolution clocks; the at-risk list,
        // every clock, but only of tickets open now.
        sla::TicketSla m = levels.measure(t, *upto, s.now,
                                          now.open() ? sla::ClockSet{} : sla::ClockSet::targets());
        for (const char* name : {"response", "resolve"}) {
          const sla::Clock* c = m.clock(name);
          if (c == nullptr || !c->state.breached) continue;
          if (in(c->state.due, p.since, end)) {
            ++missed_count;
            keep_first(breaches,
                       {t.id, name, c->state.due, -c->state.remaining / 60, c->state.percent_used,
                        "", "", "", ""},
                       more_overdue, t);
          } else if (in(c->state.due, p.previous_since, previous_end)) {
            ++breached_before;
          }
        }
        if (now.open() && m.at_risk())
          if (const sla::Clock* c = m.next_due(); c != nullptr && c->state.at_risk) {
            ++risk_count;
            keep_first(risks,
                       {t.id, c->name, c->state.due, c->state.remaining / 60, c->state.percent_used,
                        "", "", "", ""},
                       due_sooner, t);
          }
        return true;
      });

  std::sort(breaches.begin(), breaches.end(), more_overdue);
  std::sort(risks.begin(), risks.end(), due_sooner);
  for (auto* list : {&breaches, &risks})
    for (auto& d : *list) d.title = title_of(s, d.ticket);
  f.trends = shared ? trends_counter.finish() : trends_report(s, week);
  // What the sla and backlog reports have: composed, not computed again.
  f.levels = sla_report(s, p, "", 1).report;
  f.backlog = backlog_report(s, p, "");
  return f;
}

namespace {

Section summary_section(const DigestFigures& f) {
  Section out{"summary",
              "Summary",
              {{"label", "MEASURE"},
               {"value", "VALUE", Kind::number},
               {"previous", "PREVIOUS", Kind::number},
               {"change", "CHANGE", Kind::number}},
              {},
              std::nullopt,
              "Previous: the period before, or for the backlog its start."};
  out.rows.push_back(summary_row("new", "tickets logged", f.logged, f.logged_before));
  out.rows.push_back(summary_row("resolved", "tickets resolved", f.resolved, f.resolved_before));
  out.rows.push_back(summary_row("backlog", "open tickets", f.open_end, f.open_start));
  out.rows.push_back(summary_row("breached", "SLA targets missed",
                                 static_cast<std::int64_t>(f.missed), f.breached_before));
  out.rows.push_back(summary_row("at_risk", "tickets at risk now",
                                 static_cast<std::int64_t>(f.at_risk), std::nullopt));
  // The chart a manager looks at first: volume beside the period before.
  out.chart = Chart{Chart::Kind::bar,
                    "label",
                    {{"value", "this period"}, {"previous", "previous period"}},
                    "tickets",
                    {out.rows[0], out.rows[1]}};
  return out;
}

// The targets missed in the period (late_minutes) or the tickets at risk
// now (left_minutes and used_pct), the first kDigestRows of them.
Section due_section(const char* key, const char* title, const std::vector<Due>& due,
                    const char* minutes_key, const Zone& zone) {
  Section out{key,
              title,
              {{"ticket", "TICKET", Kind::number},
               {"clock", "CLOCK"},
               {"priority", "PRIORITY"},
               {"team", "TEAM"},
               {"assignee", "ASSIGNEE"},
               {"due", "DUE", Kind::time}},
              {},
              std::nullopt,
              ""};
  if (std::string_view(minutes_key) == "late_minutes") {
    out.columns.push_back({"late_minutes", "LATE", Kind::minutes});
  } else {
    out.columns.push_back({"left_minutes", "LEFT", Kind::minutes});
    out.columns.push_back({"used_pct", "USED %", Kind::number});
  }
  out.columns.push_back({"title", "TITLE", Kind::text, true});
  for (const auto& d : due) out.rows.push_back(due_row(d, zone, minutes_key));
  return out;
}

// The categories and services the week's trends say are moving.
Section moving_section(const Report& trends, const Period& week, const Zone& zone) {
  Section out{"trends",
              "Trends this week",
              {{"kind", "KIND"},
               {"name", "NAME"},
               {"tickets", "TICKETS", Kind::number},
               {"baseline", "BASELINE", Kind::number},
               {"change_pct", "CHANGE %", Kind::number},
               {"trend", "TREND"}},
              {},
              std::nullopt,
              ""};
  std::size_t movers = 0;
  for (const auto& [key, kind] : {std::pair{"categories", "category"}, {"services", "service"}})
    for (const auto& row : trends.section(key)->rows) {
      // Tickets without a category or service are nothing to act on.
      if (row["trend"] == "steady" || row[kind] == "(none)") continue;
      if (++movers > kDigestRows) continue;
      out.rows.push_back({{"kind", kind},
                          {"name", row[kind]},
                          {"tickets", row["tickets"]},
                          {"baseline", row["baseline"]},
                          {"change_pct", row["change_pct"]},
                          {"trend", row["trend"]}});
    }
  out.note = fmt::format("The 7 days to {} against the three weeks before: {}",
                         format_human(week.until, zone),
                         shown(out.rows.size(), movers, "categories and services moving",
                               "category or service moving"));
  return out;
}

// The week's largest groups of similar tickets, as the trends report found them.
Section repeats_section(const Report& trends) {
  Section out{"repeats",
              "Repeat incidents this week",
              {{"category", "CATEGORY"},
               {"tickets", "TICKETS", Kind::number},
               {"title", "TITLE", Kind::text, true},
               {"suggestion", "SUGGESTION"},
               {"ticket_ids", "TICKET IDS", Kind::list}},
              {},
              std::nullopt,
              ""};
  const auto& found = trends.section("repeats")->rows;
  for (std::size_t i = 0; i < found.size() && i < 5; ++i)
    out.rows.push_back({{"category", found[i]["category"]},
                        {"tickets", found[i]["tickets"]},
                        {"title", found[i]["title"]},
                        {"suggestion", found[i]["suggestion"]},
                        {"ticket_ids", found[i]["ticket_ids"]}});
  out.note = shown(out.rows.size(), trends.meta["repeat_groups"].get<std::size_t>(),
                   "groups of similar tickets", "group of similar tickets");
  return out;
}

}  // namespace

Digest digest_layout(const DigestFigures& f, const Period& p, const Zone& zone, Instant now) {
  Digest out;
  out.breaches = f.missed;
  Report& r = out.report;
  r.key = "digest";
  r.title = "Service desk digest";
  r.meta = period_meta(p, zone, now);
  Section missed = due_section("breaches", "SLA targets missed", f.breaches, "late_minutes", zone);
  missed.note = shown(missed.rows.size(), f.missed, "targets missed in the period",
                      "target missed in the period");
  Section risk = due_section("at_risk", "At risk now", f.risks, "left_minutes", zone);
  risk.note = shown(risk.rows.size(), f.at_risk, "open tickets at risk", "open ticket at risk");
  // After the summary, the charts a manager looks at next: service levels
  // and the backlog by age, as those reports have them.
  r.sections.push_back(summary_section(f));
  r.sections.push_back(composed(f.levels, "groups", "service_levels",
                                "Service levels of the tickets logged in the period"));
  r.sections.push_back(composed(f.backlog, "ages", "backlog_ages", "Open tickets by age now"));
  r.sections.push_back(std::move(missed));
  r.sections.push_back(std::move(risk));
  r.sections.push_back(moving_section(f.trends, f.week, zone));
  r.sections.push_back(repeats_section(f.trends));
  return out;
}

Digest digest_report(work::Session& s, const Period& p) {
  return digest_layout(digest_figures(s, p), p, s.config.zone(), s.now);
}

}  // namespace desk::report
