#include "desk/report/time_report.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "desk/report/common.hpp"
#include "desk/report/figures.hpp"
#include "desk/report/sla_report.hpp"
#include "desk/tickets/time_worked.hpp"
#include "desk/util/strings.hpp"

namespace desk::report {

namespace {

using format::Column;
using format::Kind;

struct Worked {
  std::int64_t seconds = 0;
  std::int64_t entries = 0;
  std::set<std::int64_t> tickets;
};

struct Handled {
  std::int64_t tickets = 0;  // with time recorded
  std::int64_t seconds = 0;  // their time, all of it
  std::int64_t without_time = 0;
};

Json minutes(std::int64_t seconds) {
  // To the nearest minute, halves away from zero.
  return (seconds >= 0 ? seconds + 30 : seconds - 30) / 60;
}

struct TimeFigures {
  std::map<std::string, Worked, std::less<>> groups;
  std::map<std::pair<std::string, std::string>, Handled> handled;  // (category, priority)
  std::int64_t total = 0;
  std::int64_t entries = 0;
  std::set<std::int64_t> tickets;
  std::set<std::string> people;
};

TimeFigures count_time(work::Session& s, const Period& period, const std::string& by) {
  Instant until = known_until(period.until, s.now);
  bool technician = by.empty() || by == "technician";
  TimeFigures f;
  store::ReportSelection sel;
  // An entry in the period is an event in it: the ticket changed since.
  sel.updated_since = period.since;
  sel.titles = false;
  sel.details = !technician && (by == "customer" || by_tags(by));
  std::vector<std::string_view> groups;
  s.store.reports().each_ticket(
      sel, [&](const model::Ticket& t, const std::vector<model::Mark>& marks) {
        std::int64_t ticket_total = 0;
        bool any = false;
        for (const auto& m : marks) {
          if (m.worked == 0 || m.at > s.now) continue;
          ticket_total += m.worked;
          any = true;
          if (m.at < period.since || m.at >= until) continue;
          if (technician)
            groups.assign(1, std::string_view(m.actor));
          else
            group_values(t, by, groups);
          for (auto g : groups) {
            auto it = f.groups.find(g);
            if (it == f.groups.end()) it = f.groups.emplace(std::string(g), Worked{}).first;
            it->second.seconds += m.worked;
            ++it->second.entries;
            it->second.tickets.insert(t.id);
          }
          f.total += m.worked;
          ++f.entries;
          f.tickets.insert(t.id);
          f.people.insert(m.actor);
        }
        History h = history_at(t, marks, s.now);
        if (h.resolved && *h.resolved >= period.since && *h.resolved < until) {
          Handled& x = f.handled[{std::string(group_value(t, "category")),
                                  std::string(group_value(t, "priority"))}];
          if (any) {
            ++x.tickets;
            x.seconds += ticket_total;
          } else {
            ++x.without_time;
          }
        }
        return true;
      });
  return f;
}

Section worked_section(const TimeFigures& f, const std::string& by, const config::Config& cfg) {
  bool technician = by.empty() || by == "technician";
  std::string key = technician ? "technician" : by;
  std::string head = technician ? "TECHNICIAN" : heading(by);
  Section sec{"time",
              "Time worked",
              {{key, head},
               {"worked_minutes", "WORKED", Kind::minutes},
               {"share_pct", "SHARE %", Kind::number},
               {"tickets", "TICKETS", Kind::number},
               {"entries", "ENTRIES", Kind::number}},
              {},
              Chart{Chart::Kind::bar, key, {{"worked_minutes", "minutes worked"}}, "minutes"},
              ""};
  std::vector<std::string> names;
  for (const auto& [name, w] : f.groups) names.push_back(name);
  if (!technician) order_groups(names, by, cfg);
  // Most time first; the grouping's own order among equals.
  std::stable_sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    return f.groups.find(a)->second.seconds > f.groups.find(b)->second.seconds;
  });
  for (const auto& name : names) {
    const Worked& w = f.groups.find(name)->second;
    sec.rows.push_back({{key, name},
                        {"worked_minutes", minutes(w.seconds)},
                        {"worked_seconds", w.seconds},
                        {"share_pct", percent(w.seconds, f.total)},
                        {"tickets", static_cast<std::int64_t>(w.tickets.size())},
                        {"entries", w.entries}});
  }
  sec.note =
      f.entries == 0
          ? "No time was recorded in the period."
          : fmt::format("{} worked on {} ticket{} by {} technician{}, in {} entr{}.",
                        tickets::worked_text(f.total), f.tickets.size(),
                        f.tickets.size() == 1 ? "" : "s", f.people.size(),
                        f.people.size() == 1 ? "" : "s", f.entries, f.entries == 1 ? "y" : "ies") +
                tags_note(technician ? "" : by);
  return sec;
}

Section handle_section(const TimeFigures& f, const config::Config& cfg) {
  Section sec{"handle_time",
              "Handle time of the tickets resolved",
              {{"category", "CATEGORY"},
               {"priority", "PRIORITY"},
               {"tickets", "TICKETS", Kind::number},
               {"mean_minutes", "MEAN", Kind::minutes},
               {"worked_minutes", "WORKED", Kind::minutes},
               {"without_time", "NO TIME", Kind::number}},
              {},
              std::nullopt,
              ""};
  std::vector<std::string> categories, priorities;
  for (const auto& [key, h] : f.handled) {
    categories.push_back(key.first);
    priorities.push_back(key.second);
  }
  categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
  order_groups(categories, "category", cfg);
  order_groups(priorities, "priority", cfg);
  priorities.erase(std::unique(priorities.begin(), priorities.end()), priorities.end());
  std::int64_t with = 0, without = 0;
  for (const auto& c : categories)
    for (const auto& p : priorities) {
      auto it = f.handled.find({c, p});
      if (it == f.handled.end()) continue;
      const Handled& h = it->second;
      with += h.tickets;
      without += h.without_time;
      sec.rows.push_back({{"category", c},
                          {"priority", p},
                          {"tickets", h.tickets},
                          {"mean_minutes", h.tickets ? minutes(h.seconds / h.tickets) : Json()},
                          {"mean_seconds", h.tickets ? Json(h.seconds / h.tickets) : Json()},
                          {"worked_minutes", minutes(h.seconds)},
                          {"without_time", h.without_time}});
    }
  if (with + without == 0)
    sec.note = "No ticket was resolved in the period.";
  else
    sec.note = fmt::format(
        "{} ticket{} resolved in the period: {} with time recorded, {} without (left out of the "
        "means).",
        with + without, with + without == 1 ? "" : "s", with, without);
  return sec;
}

}  // namespace

Report time_report(work::Session& s, const Period& period, const std::string& by) {
  if (!by.empty() && by != "technician") require_grouping(by);
  TimeFigures f = count_time(s, period, by);
  Report r;
  r.key = "time";
  r.title = "Time worked";
  r.meta = period_meta(period, s.config.zone(), s.now);
  r.meta["by"] = by.empty() ? "technician" : by;
  r.sections.push_back(worked_section(f, by, s.config));
  r.sections.push_back(handle_section(f, s.config));
  return r;
}

}  // namespace desk::report
