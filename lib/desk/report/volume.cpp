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
  // By tags a ticket may be in several groups, or none: the tickets are
  // counted on their own.
  const bool tags = by_tags(by);
  for (const auto& sc : store.count_logged(buckets.front().since, until, slot, by)) {
    auto b = bucket_of(buckets, buckets.front().since + Seconds{sc.slot * slot});
    if (!b) continue;
    std::string value = sc.value.empty() ? "(none)" : sc.value;
    auto& groups = c.per_group[value];
    groups.resize(buckets.size(), 0);
    groups[*b] += sc.count;
    if (tags) continue;
    c.per_bucket[*b] += sc.count;
    c.total += sc.count;
  }
  if (tags)
    for (const auto& sc : store.count_logged(buckets.front().since, until, slot, "")) {
      auto b = bucket_of(buckets, buckets.front().since + Seconds{sc.slot * slot});
      if (!b) continue;
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

// The figures: this period's and the previous one's counts, bucket by
// bucket and group by group, and the groups in the order they are shown.
struct Volume {
  std::string by;
  Unit unit{};
  std::vector<Bucket> current;
  std::vector<Bucket> previous;
  Counts now;
  Counts before;
  std::vector<std::string> groups;

  // Group `name`'s tickets in bucket i (0 when it has none), this period
  // and the previous one (null when the previous period has no bucket i).
  std::int64_t now_at(const std::string& name, std::size_t i) const {
    auto a = now.per_group.find(name);
    return a == now.per_group.end() ? 0 : a->second[i];
  }
  Json before_at(const std::string& name, std::size_t i) const {
    if (i >= previous.size()) return Json();
    auto b = before.per_group.find(name);
    return b == before.per_group.end() ? 0 : b->second[i];
  }
  static std::int64_t total(const Counts& c, const std::string& name) {
    auto g = c.per_group.find(name);
    return g == c.per_group.end() ? 0 : sum(g->second);
  }
};

Volume count_volume(work::Session& s, const Period& period, const std::string& by,
                    std::optional<Unit> unit_given) {
  Volume v;
  v.by = by;
  Zone zone = s.config.zone();
  v.unit = unit_given.value_or(default_unit(period.since, period.until));
  v.current = buckets(period.since, period.until, v.unit, zone);
  v.previous = buckets(period.previous_since, period.previous_until, v.unit, zone);
  auto& store = s.store.reports();
  v.now = count(store, v.current, known_until(period.until, s.now), by);
  v.before = count(store, v.previous, known_until(period.previous_until, s.now), by);
  for (const auto& [k, counts] : v.now.per_group) v.groups.push_back(k);
  for (const auto& [k, counts] : v.before.per_group)
    if (!v.now.per_group.count(k)) v.groups.push_back(k);
  order_groups(v.groups, by, s.config);
  return v;
}

Section buckets_section(const Volume& v, const Zone& zone) {
  Section out{"buckets",
              fmt::format("Tickets logged per {}", unit_name(v.unit)),
              {{"bucket", heading(unit_name(v.unit))},
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
  for (std::size_t i = 0; i < v.current.size(); ++i) {
    Json row = {{"bucket", v.current[i].label},
                {"since", format_iso(v.current[i].since, zone)},
                {"tickets", v.now.per_bucket[i]},
                {"previous", previous_at(v.before.per_bucket, i)}};
    change_fields(row, v.now.per_bucket[i], row["previous"]);
    out.rows.push_back(std::move(row));
  }
  std::int64_t now = v.now.total;
  std::int64_t before = v.before.total;
  Json change = change_percent(static_cast<double>(now), static_cast<double>(before));
  out.note = fmt::format(
      "{} tickets logged, {} in the previous period ({:+}{}).", now, before, now - before,
      change.is_null() ? std::string() : fmt::format(", {:+.1f}%", change.get<double>()));
  return out;
}

Section groups_section(const Volume& v) {
  Section out{"groups",
              "Tickets logged by " + v.by,
              {{"group", heading(v.by)},
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
  if (by_tags(v.by))
    out.note = "A ticket with several tags counts in each; \"all\" counts it once.";
  auto row = [&](const std::string& name, std::int64_t n, std::int64_t b) {
    Json r = {
        {"group", name}, {"tickets", n}, {"share_pct", percent(n, v.now.total)}, {"previous", b}};
    change_fields(r, n, r["previous"]);
    return r;
  };
  for (const auto& name : v.groups)
    out.rows.push_back(row(name, Volume::total(v.now, name), Volume::total(v.before, name)));
  out.rows.push_back(row("all", v.now.total, v.before.total));
  return out;
}

Section matrix_section(const Volume& v, const Zone& zone) {
  Section out{"bucket_groups",
              fmt::format("Tickets logged per {} and {}", unit_name(v.unit), v.by),
              {{"bucket", heading(unit_name(v.unit))},
               {"since", "SINCE", Kind::time},
               {"group", heading(v.by)},
               {"tickets", "TICKETS", Kind::number},
               {"previous", "PREVIOUS", Kind::number}},
              {},
              std::nullopt,
              "",
              true};
  for (std::size_t i = 0; i < v.current.size(); ++i)
    for (const auto& name : v.groups) {
      std::int64_t n = v.now_at(name, i);
      Json p = v.before_at(name, i);
      if (n == 0 && (p.is_null() || p == 0)) continue;
      out.rows.push_back({{"bucket", v.current[i].label},
                          {"since", format_iso(v.current[i].since, zone)},
                          {"group", name},
                          {"tickets", n},
                          {"previous", p}});
    }
  return out;
}

}  // namespace

Report volume_report(work::Session& s, const Period& period, const std::string& by_given,
                     std::optional<Unit> unit_given) {
  std::string by = by_given.empty() ? "channel" : by_given;
  require_grouping(by);
  Zone zone = s.config.zone();
  Volume v = count_volume(s, period, by, unit_given);
  Report r;
  r.key = "volume";
  r.title = "Ticket volume";
  r.meta = period_meta(period, zone, s.now);
  r.meta["previous_since"] = format_iso(period.previous_since, zone);
  r.meta["previous_until"] = format_iso(period.previous_until, zone);
  r.meta["bucket"] = unit_name(v.unit);
  r.meta["by"] = by;
  r.sections.push_back(buckets_section(v, zone));
  r.sections.push_back(groups_section(v));
  r.sections.push_back(matrix_section(v, zone));
  return r;
}

}  // namespace desk::report
