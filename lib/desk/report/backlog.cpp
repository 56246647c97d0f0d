#include "desk/report/backlog.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "desk/model/vocabulary.hpp"
#include "desk/report/common.hpp"
#include "desk/report/figures.hpp"
#include "desk/report/sla_report.hpp"
#include "desk/work/validate.hpp"

namespace desk::report {

namespace {

using format::Column;
using format::Kind;

constexpr std::size_t kAges = 5;
constexpr std::int64_t kDay = 86400;
constexpr std::size_t kOldestShown = 20;
// The JSON keys of the age columns.
constexpr const char* kAgeKeys[kAges] = {"age_0_1d", "age_1_3d", "age_3_7d", "age_7_30d",
                                         "age_30d"};
using model::Status;

struct Tally {
  std::int64_t tickets = 0;
  std::array<std::int64_t, kAges> ages{};
  std::array<std::int64_t, util::word_count<Status>()> statuses{};
  Instant oldest = Instant::max();

  void add(std::size_t age, Status status, Instant created) {
    ++tickets;
    ++ages[age];
    ++statuses[static_cast<std::size_t>(status)];
    oldest = std::min(oldest, created);
  }
};

struct Open {
  std::int64_t id;
  Instant created;
  Status status;
  std::string team, assignee, priority, title;
};

std::vector<Column> age_columns(Column first) {
  std::vector<Column> out = {std::move(first), {"tickets", "TICKETS", Kind::number}};
  for (std::size_t i = 0; i < kAges; ++i)
    out.push_back({kAgeKeys[i], heading(age_label(i)), Kind::number});
  out.push_back({"oldest", "OLDEST", Kind::time});
  return out;
}

Json age_row(const std::string& key, const std::string& name, const Tally& t, const Zone& zone) {
  Json row = {{key, name}, {"tickets", t.tickets}};
  for (std::size_t i = 0; i < kAges; ++i) row[kAgeKeys[i]] = t.ages[i];
  row["oldest"] = t.tickets ? Json(format_iso(t.oldest, zone)) : Json();
  return row;
}

}  // namespace

std::size_t age_bucket(std::int64_t age) {
  if (age < kDay) return 0;
  if (age < 3 * kDay) return 1;
  if (age < 7 * kDay) return 2;
  if (age < 30 * kDay) return 3;
  return 4;
}

const char* age_label(std::size_t bucket) {
  constexpr const char* labels[kAges] = {"0-1d", "1-3d", "3-7d", "7-30d", "30d+"};
  return bucket < kAges ? labels[bucket] : "30d+";
}

namespace {

// The backlog's figures: every ticket open now, counted by age, status and
// group, and the oldest few.
struct Backlog {
  Tally total;
  std::array<Tally, kAges> per_age;
  std::array<Tally, util::word_count<Status>()> per_status;
  std::map<std::string, Tally> per_group;
  std::vector<Open> oldest;

  void add(const model::Ticket& t, std::size_t age, const std::vector<std::string_view>& groups) {
    total.add(age, t.status, t.created_at);
    per_age[age].add(age, t.status, t.created_at);
    per_status[static_cast<std::size_t>(t.status)].add(age, t.status, t.created_at);
    for (auto v : groups) per_group[std::string(v)].add(age, t.status, t.created_at);
    Open o{t.id, t.created_at, t.status, t.team, t.assignee, t.priority, ""};
    auto older = [](const Open& a, const Open& b) {
      return a.created != b.created ? a.created < b.created : a.id < b.id;
    };
    // Keep the oldest few: a heap would do, but the list stays this short.
    if (oldest.size() < kOldestShown || older(o, oldest.back())) {
      oldest.insert(std::upper_bound(oldest.begin(), oldest.end(), o, older), std::move(o));
      if (oldest.size() > kOldestShown) oldest.pop_back();
    }
  }
};

Backlog count_backlog(work::Session& s, const std::string& by) {
  store::ReportSelection sel;
  sel.open_since = s.now;
  sel.logged_until = known_until(Instant::max(), s.now);
  sel.details = by == "customer" || by_tags(by);
  sel.titles = false;
  Backlog b;
  std::vector<std::string_view> in;  // a ticket's groups
  s.store.reports().each_ticket(
      sel, [&](const model::Ticket& row, const std::vector<model::Mark>& marks) {
        History h = history_at(row, marks, s.now);
        if (!h.open()) return true;
        model::Ticket t = ticket_at(row, h);
        group_values(t, by, in);
        b.add(t, age_bucket((s.now - t.created_at).count()), in);
        return true;
      });
  for (auto& o : b.oldest) o.title = title_of(s, o.id);
  return b;
}

Section ages_section(const Backlog& b, const Zone& zone, Instant now) {
  Section ages{"ages",
               "Open tickets by age",
               {{"age", "AGE"},
                {"tickets", "TICKETS", Kind::number},
                {"new", "NEW", Kind::number},
                {"assigned", "ASSIGNED", Kind::number},
                {"in_progress", "IN PROGRESS", Kind::number},
                {"pending", "PENDING", Kind::number}},
               {},
               Chart{Chart::Kind::bar,
                     "age",
                     {{"new", "new"},
                      {"assigned", "assigned"},
                      {"in_progress", "in progress"},
                      {"pending", "pending"}},
                     "tickets"},
               ""};
  for (std::size_t i = 0; i < kAges; ++i) {
    const Tally& t = b.per_age[i];
    auto status = [&](Status st) { return t.statuses[static_cast<std::size_t>(st)]; };
    ages.rows.push_back({{"age", age_label(i)},
                         {"tickets", t.tickets},
                         {"new", status(Status::new_)},
                         {"assigned", status(Status::assigned)},
                         {"in_progress", status(Status::in_progress)},
                         {"pending", status(Status::pending)}});
  }
  ages.note = b.total.tickets == 0
                  ? std::string("No open tickets.")
                  : fmt::format("{} open tickets; the oldest was logged {} ({} ago).",
                                b.total.tickets, format_human(b.total.oldest, zone),
                                format_span((now - b.total.oldest).count()));
  return ages;
}

Section statuses_section(const Backlog& b, const Zone& zone) {
  Section statuses{
      "statuses", "Open tickets by status", age_columns({"status", "STATUS"}), {}, std::nullopt,
      ""};
  for (Status st : model::kOpenStatuses)
    statuses.rows.push_back(age_row("status", std::string(util::name(st)),
                                    b.per_status[static_cast<std::size_t>(st)], zone));
  statuses.rows.push_back(age_row("status", "all", b.total, zone));
  return statuses;
}

Section groups_section(const Backlog& b, const std::string& by, const config::Config& cfg,
                       const Zone& zone) {
  Section groups{
      "groups", "Open tickets by " + by, age_columns({"group", heading(by)}), {}, std::nullopt, ""};
  std::vector<std::string> names;
  for (const auto& [k, v] : b.per_group) names.push_back(k);
  order_groups(names, by, cfg);
  for (const auto& name : names)
    groups.rows.push_back(age_row("group", name, b.per_group.at(name), zone));
  groups.rows.push_back(age_row("group", "all", b.total, zone));
  if (by_tags(by)) groups.note = tags_note(by).substr(1);
  return groups;
}

Section oldest_section(const Backlog& b, const Zone& zone, Instant now) {
  Section list{"oldest",
               "Oldest open tickets",
               {{"ticket", "TICKET", Kind::number},
                {"created_at", "LOGGED", Kind::time},
                {"age_seconds", "AGE", Kind::span},
                {"status", "STATUS"},
                {"priority", "PRIORITY"},
                {"team", "TEAM"},
                {"assignee", "ASSIGNEE"},
                {"title", "TITLE", Kind::text, true}},
               {},
               std::nullopt,
               ""};
  for (const auto& o : b.oldest)
    list.rows.push_back({{"ticket", o.id},
                         {"created_at", format_iso(o.created, zone)},
                         {"age_seconds", (now - o.created).count()},
                         {"status", o.status},
                         {"priority", o.priority},
                         {"team", text_or_null(o.team)},
                         {"assignee", text_or_null(o.assignee)},
                         {"title", o.title}});
  if (static_cast<std::size_t>(b.total.tickets) > b.oldest.size())
    list.note = fmt::format("The {} oldest of {}.", b.oldest.size(), b.total.tickets);
  return list;
}

}  // namespace

Report backlog_report(work::Session& s, const Period& period, const std::string& by_given) {
  std::string by = by_given.empty() ? "team" : by_given;
  require_grouping(by);
  Zone zone = s.config.zone();
  Backlog b = count_backlog(s, by);
  Report r;
  r.key = "backlog";
  r.title = "Backlog";
  r.meta = period_meta(period, zone, s.now);
  r.meta["by"] = by;
  r.sections.push_back(ages_section(b, zone, s.now));
  r.sections.push_back(statuses_section(b, zone));
  r.sections.push_back(groups_section(b, by, s.config, zone));
  r.sections.push_back(oldest_section(b, zone, s.now));
  return r;
}

}  // namespace desk::report
