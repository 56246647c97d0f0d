#include "desk/report/staffing.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/report/common.hpp"
#include "desk/report/figures.hpp"
#include "desk/report/sla_report.hpp"
#include "desk/tickets/absences.hpp"
#include "desk/tickets/allocation.hpp"
#include "desk/tickets/time_worked.hpp"
#include "desk/util/erlang.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/validate.hpp"

namespace desk::report {

namespace {

using format::Column;
using format::Kind;

constexpr int kHours = 7 * 24;
constexpr std::int64_t kSlot = 900;  // quarter hours: every zone's offset is a multiple
constexpr std::int64_t kWeek = 7 * 86400;
using model::kWeekdays;
constexpr const char* kDayNames[] = {"Mondays", "Tuesdays",  "Wednesdays", "Thursdays",
                                     "Fridays", "Saturdays", "Sundays"};
constexpr const char* kDayHeads[] = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

using PerHour = std::array<double, kHours>;

int hour_of_week(const CivilTime& c) {
  return c.weekday * 24 + c.hour;
}

std::string clock_text(int hour) {
  return fmt::format("{:02}:00", hour);
}

std::string day_key(int d) {
  return std::string(kWeekdays[static_cast<std::size_t>(d)]);
}

int day_index(std::string_view d) {
  for (int i = 0; i < 7; ++i)
    if (d == kWeekdays[static_cast<std::size_t>(i)]) return i;
  return -1;
}

[[noreturn]] void bad_change(std::string_view text, const std::string& why) {
  throw UsageError(
      fmt::format("--what-if {}: {}", util::quoted(text), why),
      "write a change as \"+1 alice tue 09:00-13:00\": a signed number, an optional "
      "name, the days (mon, mon-fri, mon,wed, weekdays, weekends, daily) and the hours");
}

std::array<bool, 7> parse_days(std::string_view text, std::string_view whole) {
  std::array<bool, 7> days{};
  if (text == "daily") return {true, true, true, true, true, true, true};
  if (text == "weekdays") return {true, true, true, true, true, false, false};
  if (text == "weekends") return {false, false, false, false, false, true, true};
  for (const auto& part : util::split(std::string(text), ',')) {
    auto dash = part.find('-');
    int from = day_index(std::string_view(part).substr(0, dash));
    int to = dash == std::string::npos ? from : day_index(std::string_view(part).substr(dash + 1));
    if (from < 0 || to < 0 || to < from)
      bad_change(whole, fmt::format("{} is not a day or days", util::quoted(part)));
    for (int d = from; d <= to; ++d) days[static_cast<std::size_t>(d)] = true;
  }
  return days;
}

}  // namespace

RosterChange parse_roster_change(std::string_view text) {
  std::vector<std::string> words;
  for (const auto& w : util::split(std::string(text), ' '))
    if (!w.empty()) words.push_back(w);
  if (words.size() < 3 || words.size() > 4) bad_change(text, "expected 3 or 4 words");
  RosterChange c;
  c.text = std::string(text);
  const std::string& n = words[0];
  if (n.size() < 2 || (n[0] != '+' && n[0] != '-'))
    bad_change(text, "it must start with a signed number of technicians, such as +1 or -2");
  auto count = util::parse_int(std::string_view(n).substr(1));
  if (!count || *count < 1 || *count > 1000)
    bad_change(text, "the number of technicians must be from 1 to 1000");
  c.delta = static_cast<int>(n[0] == '+' ? *count : -*count);
  if (words.size() == 4) c.who = words[1];
  c.days = parse_days(words[words.size() - 2], text);
  try {
    c.hours = model::parse_window(words.back());
  } catch (const Error& e) {
    bad_change(text, e.what());
  }
  return c;
}

const std::vector<std::string>& staffing_groupings() {
  static const std::vector<std::string> by = {"channel", "priority", "team"};
  return by;
}

namespace {

// The handle time in force for each group, and where it came from.
struct HandleTime {
  double seconds = 0;                      // overall
  std::map<std::string, double> by_group;  // groups with time recorded of their own
  std::map<std::string, std::int64_t> tickets_by_group;
  std::string source;             // "option" | "time worked" | "configuration"
  std::int64_t tickets = 0;       // resolved with time recorded
  std::int64_t without_time = 0;  // resolved without

  double of(const std::string& group) const {
    auto it = by_group.find(group);
    return it == by_group.end() ? seconds : it->second;
  }
};

// By team, a ticket not yet with a team counts for the team desk routes
// such a ticket to: the queue that will have to answer it. "" otherwise.
std::string unrouted_team(const config::Config& c, const std::string& by) {
  return by == "team" ? tickets::route(c, model::Ticket{}) : std::string();
}

HandleTime handle_time(work::Session& s, const StaffingRequest& r, Instant since, Instant until) {
  HandleTime h;
  if (r.handle_seconds) {
    h.seconds = static_cast<double>(*r.handle_seconds);
    h.source = "option";
    return h;
  }
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> sums;  // group → (seconds, tickets)
  std::int64_t total = 0;
  std::string no_team = unrouted_team(s.config, r.by);
  store::ReportSelection sel;
  sel.titles = false;
  // With no event after now, a ticket resolved in the weeks as of now is one
  // the store holds resolved in them: read only those (two thirds of the
  // tickets changed in the weeks, on the bench store). With one, it may
  // since have been reopened: read every ticket changed since the weeks
  // began, and replay each to now.
  auto latest = s.store.reports().latest_event_at();
  if (!latest || *latest <= s.now) {
    sel.resolved_in = {since, until};
  } else {
    sel.updated_since = since;
  }
  s.store.reports().each_ticket(
      sel, [&](const model::Ticket& t, const std::vector<model::Mark>& marks) {
        History hist = history_at(t, marks, s.now);
        if (!hist.status || model::is_open(*hist.status)) return true;
        if (!hist.resolved || *hist.resolved < since || *hist.resolved >= until) return true;
        std::int64_t worked = 0;
        bool any = false;
        for (const auto& m : marks)
          if (m.worked != 0 && m.at <= s.now) {
            worked += m.worked;
            any = true;
          }
        if (!any || worked <= 0) {
          ++h.without_time;
          return true;
        }
        ++h.tickets;
        total += worked;
        if (!r.by.empty()) {
          std::string_view group = group_value(t, r.by);
          if (r.by == "team" && t.team.empty() && !no_team.empty()) group = no_team;
          auto& g = sums[std::string(group)];
          g.first += worked;
          ++g.second;
        }
        return true;
      });
  if (h.tickets > 0) {
    h.seconds = static_cast<double>(total) / static_cast<double>(h.tickets);
    h.source = "time worked";
    for (const auto& [group, sum] : sums) {
      h.by_group[group] = static_cast<double>(sum.first) / static_cast<double>(sum.second);
      h.tickets_by_group[group] = sum.second;
    }
    return h;
  }
  if (s.config.planning.handle_time_seconds > 0) {
    h.seconds = static_cast<double>(s.config.planning.handle_time_seconds);
    h.source = "configuration";
    return h;
  }
  return h;  // no source: the caller refuses if any ticket came
}

// Who counts as rostered: the members of the desk's own teams, and for
// each the teams they count in.
std::map<std::string, std::vector<std::string>> roster(const config::Config& c) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& [name, team] : c.teams)
    if (!team.supplier)
      for (const auto& m : team.members) out[m].push_back(name);
  return out;
}

// The calendar of those with no shift of their own: the desk's business hours.
std::string fallback_calendar(const config::Config& c) {
  auto it = c.sla.find(c.default_sla);
  return it == c.sla.end() ? std::string("24x7") : it->second.calendar.value;
}

struct Forecast {
  std::vector<std::string> groups;          // "" alone without --by
  std::map<std::string, PerHour> arrivals;  // per hour (mean rate)
  std::map<std::string, std::array<int, kHours>> agents, needed;
  std::array<int, kHours> needed_total{};
  std::array<int, kHours> rostered{};
  std::map<std::string, std::array<int, kHours>> rostered_by_team;
  PerHour exposure{};  // hours each hour of the week was observed
  std::int64_t logged = 0;
  std::vector<double> weekly;              // tickets logged in each week, oldest first
  std::optional<std::int64_t> first_slot;  // of the first ticket logged
};

// How many times each local hour of the week came round in [since, until),
// in hours, counted by quarter hour.
void observe(Forecast& f, const Zone& zone, Instant since, Instant until) {
  for (Instant t = since; t < until; t += Seconds{kSlot})
    f.exposure[static_cast<std::size_t>(hour_of_week(zone.to_civil(t)))] += 0.25;
}

// Tickets logged per group and local hour of the week (counts, not yet
// rates), per week, and when the first came.
void count_arrivals(Forecast& f, work::Session& s, const std::string& by, const Zone& zone,
                    Instant since, Instant until) {
  std::map<std::string, PerHour> counts;
  std::string no_team = unrouted_team(s.config, by);
  for (const auto& sc : s.store.reports().count_logged(since, until, kSlot, by)) {
    std::string group = by.empty()          ? ""
                        : !sc.value.empty() ? sc.value
                        : !no_team.empty()  ? no_team
                                            : "(none)";
    auto it = counts.find(group);
    if (it == counts.end()) it = counts.emplace(group, PerHour{}).first;
    auto hw = hour_of_week(zone.to_civil(since + Seconds{sc.slot * kSlot}));
    it->second[static_cast<std::size_t>(hw)] += static_cast<double>(sc.count);
    f.logged += sc.count;
    auto week = static_cast<std::size_t>(sc.slot / (kWeek / kSlot));
    if (week < f.weekly.size()) f.weekly[week] += static_cast<double>(sc.count);
    if (!f.first_slot || sc.slot < *f.first_slot) f.first_slot = sc.slot;
  }
  if (by.empty()) counts.emplace("", PerHour{});
  for (const auto& [group, per] : counts) f.groups.push_back(group);
  if (!by.empty()) order_groups(f.groups, by, s.config);
  f.arrivals = std::move(counts);
}

// Where observing starts: `since`, or the local midnight of the day the
// first ticket came when that is later. A desk younger than --weeks must not
// have its rates spread over weeks it did not exist.
Instant observed_from(const Forecast& f, const Zone& zone, Instant since) {
  if (!f.first_slot) return since;
  CivilTime c = zone.to_civil(since + Seconds{*f.first_slot * kSlot});
  Instant midnight = zone.from_civil(c.year, c.month, c.day);
  return std::max(since, from_unix(to_unix(midnight) / kSlot * kSlot));
}

// Counts → tickets an hour: each hour's count over how long it was observed.
void to_rates(Forecast& f) {
  for (auto& [group, per] : f.arrivals)
    for (std::size_t h = 0; h < kHours; ++h)
      per[h] = f.exposure[h] > 0 ? per[h] / f.exposure[h] : 0;
}

// Next week's total on the least-squares line through the weekly totals,
// over their mean: what --trend scales the rates by. 1 for one week or none.
double trend_factor(const std::vector<double>& weekly) {
  auto n = static_cast<double>(weekly.size());
  double mean = 0;
  for (double w : weekly) mean += w / n;
  if (weekly.size() < 2 || mean <= 0) return 1.0;
  double mid = (n - 1) / 2, num = 0, den = 0;
  for (std::size_t i = 0; i < weekly.size(); ++i) {
    num += (static_cast<double>(i) - mid) * (weekly[i] - mean);
    den += (static_cast<double>(i) - mid) * (static_cast<double>(i) - mid);
  }
  double next = mean + num / den * (n - mid);
  return std::max(0.0, next) / mean;
}

void count_needed(Forecast& f, const HandleTime& ht, double target, double within,
                  double shrinkage) {
  for (const auto& g : f.groups) {
    auto& agents = f.agents[g];
    auto& needed = f.needed[g];
    double handle = ht.of(g);
    for (std::size_t h = 0; h < kHours; ++h) {
      double load = f.arrivals[g][h] * handle / 3600.0;
      agents[h] = util::servers_needed(load, handle, within, target);
      needed[h] = util::rostered(agents[h], shrinkage);
      f.needed_total[h] += needed[h];
    }
  }
}

// Counts the technicians at work at half past each hour of the week, at its
// next occurrence from `from` (eight days, so that an hour a clock change
// skips this week is seen the next).
void count_rostered(Forecast& f, work::Session& s, const Zone& zone, Instant from) {
  const auto& cfg = s.config;
  tickets::Whereabouts where(s);
  auto members = roster(cfg);
  std::string fallback = fallback_calendar(cfg);
  std::array<bool, kHours> seen{};
  Instant start = from_unix(to_unix(from) / kSlot * kSlot);
  for (Instant t = start; t < start + Seconds{8 * 86400}; t += Seconds{kSlot}) {
    CivilTime c = zone.to_civil(t);
    if (c.minute != 30) continue;
    auto h = static_cast<std::size_t>(hour_of_week(c));
    if (seen[h]) continue;
    seen[h] = true;
    for (const auto& [tech, teams] : members) {
      if (where.away(tech, t) || !where.on_shift(tech, t, fallback)) continue;
      ++f.rostered[h];
      for (const auto& team : teams) ++f.rostered_by_team[team][h];
    }
  }
}

// The teams a what-if change counts in: the named team, or the named
// technician's teams; none for anyone else.
std::vector<std::string> teams_of_change(const config::Config& c, const RosterChange& ch) {
  if (const auto* team = c.team(ch.who)) return {team->name};
  if (const auto* tech = c.technician(ch.who)) return tech->teams;
  return {};
}

void apply_what_if(Forecast& f, const config::Config& c, const std::vector<RosterChange>& changes) {
  for (const auto& ch : changes) {
    auto teams = teams_of_change(c, ch);
    for (int d = 0; d < 7; ++d) {
      if (!ch.days[static_cast<std::size_t>(d)]) continue;
      for (int hour = 0; hour < 24; ++hour) {
        int middle = hour * 60 + 30;
        if (middle < ch.hours.start || middle >= ch.hours.end) continue;
        auto h = static_cast<std::size_t>(d * 24 + hour);
        f.rostered[h] = std::max(0, f.rostered[h] + ch.delta);
        for (const auto& team : teams)
          f.rostered_by_team[team][h] = std::max(0, f.rostered_by_team[team][h] + ch.delta);
      }
    }
  }
}

Json rounded(double v, int places) {
  double scale = std::pow(10.0, places);
  return std::round(v * scale) / scale;
}

// Consecutive hours of one day with the same sign of gap, the worst first.
struct Run {
  int day = 0, from = 0, to = 0;  // hours [from, to)
  int worst = 0;                  // the largest shortfall or surplus in it
  int sum = 0;                    // technician-hours
};

std::optional<Run> worst_run(const std::array<int, kHours>& gap, int sign) {
  std::optional<Run> best;
  for (int d = 0; d < 7; ++d) {
    std::optional<Run> cur;
    for (int hour = 0; hour <= 24; ++hour) {
      int g = hour < 24 ? gap[static_cast<std::size_t>(d * 24 + hour)] * sign : 0;
      if (g > 0) {
        if (!cur) cur = Run{d, hour, hour, 0, 0};
        cur->to = hour + 1;
        cur->worst = std::max(cur->worst, g);
        cur->sum += g;
      } else if (cur) {
        if (!best || cur->sum > best->sum) best = cur;
        cur.reset();
      }
    }
  }
  return best;
}

std::string run_text(const Run& r) {
  return fmt::format("{} {:02}–{:02}", kDayNames[r.day], r.from, r.to);
}

std::string summary(const std::array<int, kHours>& gap, std::int64_t logged, int weeks) {
  if (logged == 0)
    return fmt::format("No tickets were logged in the last {} week{}: nothing to staff for.", weeks,
                       weeks == 1 ? "" : "s");
  std::vector<std::string> parts;
  auto short_run = worst_run(gap, -1);
  auto over_run = worst_run(gap, 1);
  if (short_run)
    parts.push_back(fmt::format("{} are short by {}", run_text(*short_run), short_run->worst));
  if (over_run)
    parts.push_back(
        fmt::format("{} carry {} more than needed", run_text(*over_run), over_run->worst));
  int short_hours = 0, short_sum = 0;
  for (int g : gap)
    if (g < 0) {
      ++short_hours;
      short_sum -= g;
    }
  std::string out = util::join(parts, "; ");
  if (!out.empty()) out += ". ";
  if (short_hours == 0) return out + "No hour of the week is short.";
  return out + fmt::format("{} hour{} a week {} short, by {} technician-hour{} in all.",
                           short_hours, short_hours == 1 ? "" : "s",
                           short_hours == 1 ? "is" : "are", short_sum, short_sum == 1 ? "" : "s");
}

Section week_section(const std::array<int, kHours>& gap, const Forecast& f, std::string note) {
  std::vector<Column> columns = {{"hour", "HOUR"}};
  std::vector<Series> series;
  for (int d = 0; d < 7; ++d) {
    Column c{day_key(d), kDayHeads[d], Kind::number};
    c.tone = [](const Json& v) {
      if (!v.is_number_integer()) return format::Tone::dim;
      auto g = v.get<std::int64_t>();
      return g < 0 ? format::Tone::red : g > 0 ? format::Tone::cyan : format::Tone::plain;
    };
    columns.push_back(std::move(c));
    series.push_back({day_key(d), kDayHeads[d]});
  }
  Section sec{"week", "Gap by hour of the week (rostered - needed)",   columns,
              {},     Chart{Chart::Kind::heatmap, "hour", series, ""}, std::move(note)};
  for (int hour = 0; hour < 24; ++hour) {
    Json row = {{"hour", clock_text(hour)}};
    for (int d = 0; d < 7; ++d) {
      auto h = static_cast<std::size_t>(d * 24 + hour);
      // An hour nobody works and no ticket needs is not a gap of 0.
      bool idle = f.needed_total[h] == 0 && f.rostered[h] == 0;
      row[day_key(d)] = idle ? Json() : Json(gap[h]);
    }
    sec.rows.push_back(std::move(row));
  }
  return sec;
}

Section hours_section(const Forecast& f, const HandleTime& ht, const std::string& by) {
  std::vector<Column> columns = {{"day", "DAY"}, {"hour", "HOUR"}};
  if (!by.empty()) columns.push_back({by, heading(by)});
  for (Column c : std::vector<Column>{{"arrivals", "ARRIVALS/H", Kind::number},
                                      {"handle_minutes", "HANDLE", Kind::minutes},
                                      {"erlangs", "LOAD", Kind::number},
                                      {"agents", "AGENTS", Kind::number},
                                      {"needed", "NEEDED", Kind::number},
                                      {"rostered", "ROSTERED", Kind::number},
                                      {"gap", "GAP", Kind::number}})
    columns.push_back(std::move(c));
  Section sec{"hours", "Each hour of the week", columns, {}, std::nullopt, ""};
  bool teams = by == "team";
  for (int d = 0; d < 7; ++d)
    for (int hour = 0; hour < 24; ++hour) {
      auto h = static_cast<std::size_t>(d * 24 + hour);
      for (const auto& g : f.groups) {
        double handle = ht.of(g);
        double rate = f.arrivals.at(g)[h];
        Json row = {{"day", day_key(d)}, {"hour", clock_text(hour)}};
        if (!by.empty()) row[by] = g;
        row["arrivals"] = rounded(rate, 2);
        row["handle_minutes"] = rounded(handle / 60.0, 1);
        row["erlangs"] = rounded(rate * handle / 3600.0, 2);
        row["agents"] = f.agents.at(g)[h];
        row["needed"] = f.needed.at(g)[h];
        // Channels and priorities share the roster: only teams have their own.
        Json rostered, gap;
        if (by.empty()) {
          rostered = f.rostered[h];
          gap = f.rostered[h] - f.needed_total[h];
        } else if (teams) {
          auto it = f.rostered_by_team.find(g);
          int n = it == f.rostered_by_team.end() ? 0 : it->second[h];
          rostered = n;
          gap = n - f.needed.at(g)[h];
        }
        row["rostered"] = rostered;
        row["gap"] = gap;
        sec.rows.push_back(std::move(row));
      }
    }
  return sec;
}

Section groups_section(const Forecast& f, const HandleTime& ht, const std::string& by) {
  Section sec{"groups",
              "By " + by,
              {{by, heading(by)},
               {"arrivals_per_week", "TICKETS/WEEK", Kind::number},
               {"handle_minutes", "HANDLE", Kind::minutes},
               {"handle_tickets", "FROM TICKETS", Kind::number},
               {"peak_needed", "PEAK NEEDED", Kind::number},
               {"needed_hours", "TECH-HOURS", Kind::number}},
              {},
              Chart{Chart::Kind::bar, by, {{"needed_hours", "technician-hours a week"}}, ""},
              ""};
  for (const auto& g : f.groups) {
    double per_week = 0;
    for (std::size_t h = 0; h < kHours; ++h) per_week += f.arrivals.at(g)[h];
    int peak = 0, hours = 0;
    for (int n : f.needed.at(g)) {
      peak = std::max(peak, n);
      hours += n;
    }
    auto tickets = ht.tickets_by_group.find(g);
    sec.rows.push_back(
        {{by, g},
         {"arrivals_per_week", rounded(per_week, 1)},
         {"handle_minutes", rounded(ht.of(g) / 60.0, 1)},
         {"handle_tickets", tickets == ht.tickets_by_group.end() ? Json() : Json(tickets->second)},
         {"peak_needed", peak},
         {"needed_hours", hours}});
  }
  sec.note = "Each group is a queue of its own: an hour needs the sum of the groups.";
  return sec;
}

std::string handle_note(const HandleTime& ht, const std::string& by) {
  std::string minutes = tickets::worked_text(static_cast<std::int64_t>(std::llround(ht.seconds)));
  if (ht.source == "option")
    return fmt::format("Handle time {}, as given (--handle-time).", minutes);
  if (ht.source == "configuration")
    return fmt::format(
        "Handle time {}, from [planning].handle_time: no ticket resolved in these weeks has "
        "time recorded.",
        minutes);
  return fmt::format("Handle time {}, the mean time worked of {} resolved ticket{}{}{}.", minutes,
                     ht.tickets, ht.tickets == 1 ? "" : "s",
                     ht.without_time > 0
                         ? fmt::format(" ({} without time recorded left out)", ht.without_time)
                         : std::string(),
                     by.empty() ? "" : "; each group's own where it has some");
}

}  // namespace

Report staffing_report(work::Session& s, const StaffingRequest& r) {
  const auto& cfg = s.config;
  if (r.weeks < 1 || r.weeks > 104) throw UsageError("--weeks must be from 1 to 104");
  if (!r.by.empty()) work::require_one_of("grouping", r.by, staffing_groupings());
  int target = r.target.value_or(cfg.planning.target);
  std::int64_t within = r.within_seconds.value_or(cfg.planning.within_seconds);
  if (target < 1 || target > 99) throw UsageError("--target must be a percentage from 1 to 99");
  if (within < 1 || within > kWeek)
    throw UsageError("--within must be more than 0 and at most a week");
  Zone zone = cfg.zone();
  // Whole quarter hours up to --now, so that every slot is a quarter of a
  // local hour in any zone.
  Instant until = from_unix(to_unix(s.now) / kSlot * kSlot);
  Instant since = until - Seconds{r.weeks * kWeek};

  Forecast f;
  f.weekly.assign(static_cast<std::size_t>(r.weeks), 0.0);
  count_arrivals(f, s, r.by, zone, since, until);
  Instant observed = observed_from(f, zone, since);
  observe(f, zone, observed, until);
  to_rates(f);
  HandleTime ht = handle_time(s, r, since, until);
  if (ht.source.empty() && f.logged > 0)
    throw DataError(
        fmt::format("no handle time: no ticket resolved in the last {} week{} has time recorded",
                    r.weeks, r.weeks == 1 ? "" : "s"),
        "record time worked (desk time), set [planning].handle_time, or give --handle-time");
  double shrinkage = cfg.planning.shrinkage / 100.0;
  // The trend only over whole weeks observed.
  auto skipped = static_cast<std::size_t>((to_unix(observed) - to_unix(since) + kWeek - 1) / kWeek);
  double factor =
      r.trend ? trend_factor(std::vector<double>(
                    f.weekly.begin() + static_cast<std::ptrdiff_t>(skipped), f.weekly.end()))
              : 1.0;
  for (auto& [group, per] : f.arrivals)
    for (double& rate : per) rate *= factor;
  count_needed(f, ht, target / 100.0, static_cast<double>(within), shrinkage);
  count_rostered(f, s, zone, s.now);
  apply_what_if(f, cfg, r.what_if);

  std::array<int, kHours> gap{};
  for (std::size_t h = 0; h < kHours; ++h) gap[h] = f.rostered[h] - f.needed_total[h];

  Report rep;
  rep.key = "staffing";
  rep.title = "Staffing forecast";
  Period history{"custom", since, until, since, since};
  rep.meta = period_meta(history, zone, s.now);
  rep.meta["period"] = fmt::format("last-{}-weeks", r.weeks);
  rep.meta["weeks"] = r.weeks;
  rep.meta["by"] = r.by.empty() ? Json() : Json(r.by);
  rep.meta["target_pct"] = target;
  rep.meta["within_seconds"] = within;
  rep.meta["shrinkage_pct"] = cfg.planning.shrinkage;
  rep.meta["handle_time_seconds"] = ht.source.empty() ? Json() : Json(std::llround(ht.seconds));
  rep.meta["handle_time_source"] = ht.source.empty() ? Json() : Json(ht.source);
  rep.meta["handle_time_tickets"] = ht.tickets;
  rep.meta["tickets_logged"] = f.logged;
  rep.meta["observed_since"] = format_iso(observed, zone);
  Json changes = Json::array();
  for (const auto& c : r.what_if) changes.push_back(c.text);
  rep.meta["what_if"] = changes;
  rep.meta["trend_factor"] = r.trend ? Json(rounded(factor, 3)) : Json();

  std::string note = summary(gap, f.logged, r.weeks);
  if (observed > since)
    note += fmt::format(" The first ticket came on {}: the rates are over the {} days since.",
                        format_date(observed, zone),
                        (to_unix(until) - to_unix(observed) + 86399) / 86400);
  if (f.logged > 0) note += " " + handle_note(ht, r.by);
  if (r.trend)
    note += fmt::format(" Arrivals scaled by {:.2f} to next week's volume on the weeks' trend.",
                        factor);
  note += fmt::format(" {}% within {}, {}% shrinkage.", target, tickets::worked_text(within),
                      cfg.planning.shrinkage);
  if (!r.what_if.empty())
    note += fmt::format(" With the roster changed: {}.", util::join(
                                                             [&] {
                                                               std::vector<std::string> t;
                                                               for (const auto& c : r.what_if)
                                                                 t.push_back(util::quoted(c.text));
                                                               return t;
                                                             }(),
                                                             ", "));
  rep.sections.push_back(week_section(gap, f, std::move(note)));
  rep.sections.push_back(hours_section(f, ht, r.by));
  if (!r.by.empty()) rep.sections.push_back(groups_section(f, ht, r.by));
  return rep;
}

}  // namespace desk::report
