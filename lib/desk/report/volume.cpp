#include "desk/report/volume.hpp"

#include <map>

#include <fmt/format.h>

#include "desk/report/common.hpp"
#include "desk/report/figures.hpp"
#include "desk/report/sla_report.hpp"
#include "desk/work/validate.hpp"

namespace desk::report {

namespace {

using format::Column;
using format::Kind;

// Counts per bucket and per group value over one period's buckets.
struct Counts {
  std::vector<std::int64_t> per_bucket;
  std::map<std::string, std::vector<std::int64_t>> per_group;  // value → per bucket
  std::int64_t total = 0;
};

Counts count(store::ReportStore& store, const std::vector<Bucket>& buckets, Instant until,
             const std::string& by) {
  Counts c;
  c.per_bucket.assign(buckets.size(), 0);
  if (buckets.empty() || until <= buckets.front().since) return c;
  std::int64_t slot = slot_seconds(buckets);
  for (const auto& sc : store.count_logged(buckets.front().since, until, slot, by)) {
    auto b = bucket_of(buckets, buckets.front().since + Seconds{sc.slot * slot});
    if (!b) continue;
    std::string value = sc.value.empty() ? "(none)" : sc.value;
    auto& groups = c.per_group[value];
    groups.resize(buckets.size(), 0);
    groups[*b] += sc.count;
    c.per_bucket[*b] += sc.count;
    c.total += sc.count;
  }
  return c;
}

Json previous_at(const std::vector<std::int64_t>& previous, std::size_t i) {
  return i < previous.size() ? Json(previous[i]) : Json();
}

void change_fields(Json& row, std::int64_t now, const Json& before) {
  if (before.is_null()) {
    row["change"] = Json();
    row["change_pct"] = Json();
    return;
  }
  auto b = before.get<std::int64_t>();
  row["change"] = now - b;
  row["change_pct"] = change_percent(static_cast<double>(now), static_cast<double>(b));
}

std::int64_t sum(const std::vector<std::int64_t>& v) {
  std::int64_t out = 0;
  for (auto x : v) out += x;
  return out;
}

}  // namespace

Report volume_report(work::Session& s, const Period& period, const std::string& by_given,
                     std::optional<Unit> unit_given) {
  std::string by = by_given.empty() ? "channel" : by_given;
  work::require_one_of("report grouping", by, group_fields());
  Zone zone = s.config.zone();
  Unit unit = unit_given.value_or(default_unit(period.since, period.until));
  auto current = buckets(period.since, period.until, unit, zone);
  auto previous = buckets(period.previous_since, period.previous_until, unit, zone);
  auto& store = s.store.reports();
  Counts now = count(store, current, known_until(period.until, s.now), by);
  Counts before = count(store, previous, known_until(period.previous_until, s.now), by);

  Report r;
  r.key = "volume";
  r.title = "Ticket volume";
  r.meta = period_meta(period, zone, s.now);
  r.meta["previous_since"] = format_iso(period.previous_since, zone);
  r.meta["previous_until"] = format_iso(period.previous_until, zone);
  r.meta["bucket"] = unit_name(unit);
  r.meta["by"] = by;

  Section per_bucket{"buckets",
                     fmt::format("Tickets logged per {}", unit_name(unit)),
                     {{"bucket", heading(unit_name(unit))},
                      {"since", "SINCE", Kind::time},
                      {"tickets", "TICKETS", Kind::number},
                      {"previous", "PREVIOUS", Kind::number},
                      {"change", "CHANGE", Kind::number},
                      {"change_pct", "CHANGE %", Kind::number}},
                     {},
                     Chart{Chart::Kind::column,
                           "bucket",
                           {{"tickets", "this period"}, {"previous", "previous period"}},
                           "tickets",
                           {}},
                     ""};
  for (std::size_t i = 0; i < current.size(); ++i) {
    Json row = {{"bucket", current[i].label},
                {"since", format_iso(current[i].since, zone)},
                {"tickets", now.per_bucket[i]},
                {"previous", previous_at(before.per_bucket, i)}};
    change_fields(row, now.per_bucket[i], row["previous"]);
    per_bucket.rows.push_back(std::move(row));
  }
  Json total_change =
      change_percent(static_cast<double>(now.total), static_cast<double>(before.total));
  per_bucket.note =
      fmt::format("{} tickets logged, {} in the previous period ({:+}{}).", now.total, before.total,
                  now.total - before.total,
                  total_change.is_null() ? std::string()
                                         : fmt::format(", {:+.1f}%", total_change.get<double>()));

  std::vector<std::string> names;
  for (const auto& [k, v] : now.per_group) names.push_back(k);
  for (const auto& [k, v] : before.per_group)
    if (!now.per_group.count(k)) names.push_back(k);
  order_groups(names, by, s.config);
  Section per_group{"groups",
                    "Tickets logged by " + by,
                    {{"group", heading(by)},
                     {"tickets", "TICKETS", Kind::number},
                     {"share_pct", "SHARE %", Kind::number},
                     {"previous", "PREVIOUS", Kind::number},
                     {"change", "CHANGE", Kind::number},
                     {"change_pct", "CHANGE %", Kind::number}},
                    {},
                    Chart{Chart::Kind::bar,
                          "group",
                          {{"tickets", "this period"}, {"previous", "previous period"}},
                          "tickets",
                          {}},
                    ""};
  auto group_row = [&](const std::string& name, std::int64_t n, std::int64_t b) {
    Json row = {
        {"group", name}, {"tickets", n}, {"share_pct", percent(n, now.total)}, {"previous", b}};
    change_fields(row, n, row["previous"]);
    return row;
  };
  for (const auto& name : names) {
    auto a = now.per_group.find(name);
    auto b = before.per_group.find(name);
    per_group.rows.push_back(group_row(name, a == now.per_group.end() ? 0 : sum(a->second),
                                       b == before.per_group.end() ? 0 : sum(b->second)));
  }
  per_group.rows.push_back(group_row("all", now.total, before.total));

  Section matrix{"bucket_groups",
                 fmt::format("Tickets logged per {} and {}", unit_name(unit), by),
                 {{"bucket", heading(unit_name(unit))},
                  {"since", "SINCE", Kind::time},
                  {"group", heading(by)},
                  {"tickets", "TICKETS", Kind::number},
                  {"previous", "PREVIOUS", Kind::number}},
                 {},
                 std::nullopt,
                 "",
                 true};
  for (std::size_t i = 0; i < current.size(); ++i)
    for (const auto& name : names) {
      auto a = now.per_group.find(name);
      auto b = before.per_group.find(name);
      std::int64_t n = a == now.per_group.end() ? 0 : a->second[i];
      Json p = i < previous.size() ? Json(b == before.per_group.end() ? 0 : b->second[i]) : Json();
      if (n == 0 && (p.is_null() || p == 0)) continue;
      matrix.rows.push_back({{"bucket", current[i].label},
                             {"since", format_iso(current[i].since, zone)},
                             {"group", name},
                             {"tickets", n},
                             {"previous", p}});
    }

  r.sections.push_back(std::move(per_bucket));
  r.sections.push_back(std::move(per_group));
  r.sections.push_back(std::move(matrix));
  return r;
}

}  // namespace desk::report
