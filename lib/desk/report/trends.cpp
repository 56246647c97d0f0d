#include "desk/report/trends.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "desk/report/common.hpp"
#include "desk/report/figures.hpp"
#include "desk/report/similarity.hpp"

namespace desk::report {

namespace {

using format::Column;
using format::Kind;

constexpr int kPeriods = 4;  // this one and three before
constexpr std::size_t kChartLines = 6;

using Counts = std::array<std::int64_t, kPeriods>;  // [0] this period, [3] the oldest
// By category or service name; found by a view, so that counting a ticket
// copies no string.
using CountsByName = std::map<std::string, Counts, std::less<>>;

Counts& counts_of(CountsByName& counts, const std::string& name) {
  std::string_view key = name.empty() ? std::string_view("(none)") : std::string_view(name);
  auto it = counts.find(key);
  if (it == counts.end()) it = counts.emplace(std::string(key), Counts{}).first;
  return it->second;
}

// A ticket of the period, for the repeats: its distinct title (category and
// title) by index.
struct Logged {
  std::int64_t id;
  Instant at;
  bool incident;
  std::size_t title;
};

std::vector<Column> trend_columns(const char* key, const char* head) {
  return {{key, head},
          {"tickets", "TICKETS", Kind::number},
          {"previous_1", "PREV 1", Kind::number},
          {"previous_2", "PREV 2", Kind::number},
          {"previous_3", "PREV 3", Kind::number},
          {"baseline", "BASELINE", Kind::number},
          {"change", "CHANGE", Kind::number},
          {"change_pct", "CHANGE %", Kind::number},
          {"trend", "TREND"}};
}

double baseline_of(const Counts& c) {
  return round1(static_cast<double>(c[1] + c[2] + c[3]) / 3.0);
}

int trend_rank(const std::string& trend) {
  return trend == "rising" ? 0 : trend == "falling" ? 1 : 2;
}

std::vector<Json> trend_rows(const char* key, const CountsByName& counts) {
  std::vector<Json> rows;
  for (const auto& [name, c] : counts) {
    double baseline = baseline_of(c);
    double now = static_cast<double>(c[0]);
    std::string trend = trend_of(now, baseline);
    rows.push_back({{key, name},
                    {"tickets", c[0]},
                    {"previous_1", c[1]},
                    {"previous_2", c[2]},
                    {"previous_3", c[3]},
                    {"baseline", baseline},
                    {"change", round1(now - baseline)},
                    {"change_pct", change_percent(now, baseline)},
                    {"trend", trend}});
  }
  std::stable_sort(rows.begin(), rows.end(), [&](const Json& a, const Json& b) {
    int ra = trend_rank(a["trend"].get<std::string>()),
        rb = trend_rank(b["trend"].get<std::string>());
    if (ra != rb) return ra < rb;
    double ca = std::fabs(a["change"].get<double>()), cb = std::fabs(b["change"].get<double>());
    if (ca != cb) return ca > cb;
    return a[key].get<std::string>() < b[key].get<std::string>();
  });
  return rows;
}

format::Tone trend_tone(const Json& v) {
  if (v == "rising") return format::Tone::red;
  if (v == "falling") return format::Tone::green;
  return format::Tone::plain;
}

// One of the trend tables (categories, services), most moved first; its
// rows are keyed by `key`, headed `head`.
Section trend_section(const char* name, const char* title, const char* key, const char* head,
                      const CountsByName& counts) {
  Section out{name, title, trend_columns(key, head), {}, std::nullopt, ""};
  out.columns.back().tone = trend_tone;
  out.rows = trend_rows(key, counts);
  return out;
}

std::ptrdiff_t count_trend(const Section& trends, const char* trend) {
  return std::count_if(trends.rows.begin(), trends.rows.end(),
                       [&](const Json& row) { return row["trend"] == trend; });
}

// Lines over the four periods for the categories that moved most: the
// first rows of `cats`.
Chart movers_chart(const Section& cats, const CountsByName& categories,
                   const std::vector<Period>& periods, const Zone& zone) {
  Chart chart{Chart::Kind::line, "period", {}, "tickets", {}};
  for (int k = kPeriods - 1; k >= 0; --k)
    chart.rows.push_back(
        {{"period", format_date(periods[static_cast<std::size_t>(k)].since, zone)}});
  for (std::size_t i = 0; i < cats.rows.size() && i < kChartLines; ++i) {
    std::string name = cats.rows[i]["category"].get<std::string>();
    std::string key = fmt::format("s{}", i);
    chart.series.push_back({key, name});
    const Counts& c = categories.find(name)->second;
    for (int k = 0; k < kPeriods; ++k)
      chart.rows[static_cast<std::size_t>(kPeriods - 1 - k)][key] = c[static_cast<std::size_t>(k)];
  }
  return chart;
}

// A group of similar titles among the period's tickets.
struct Repeat {
  std::string category;
  std::string title;              // the most common; on a tie, that of the lowest ticket id
  std::vector<std::int64_t> ids;  // ascending
  std::int64_t incidents = 0;
  Instant first = Instant::max();
  Instant last = Instant::min();
};

// Every group of kMinRepeats or more, largest first; on a tie, the one
// whose first ticket is older.
std::vector<Repeat> find_repeats(const std::vector<Titled>& titled,
                                 const std::vector<Logged>& logged) {
  auto groups = similar_groups(titled, kSimilarity, kMinRepeats);
  std::vector<std::size_t> group_of(titled.size(), SIZE_MAX);
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (auto i : groups[g]) group_of[i] = g;
  std::vector<std::vector<const Logged*>> members(groups.size());
  for (const auto& l : logged)
    if (group_of[l.title] != SIZE_MAX) members[group_of[l.title]].push_back(&l);
  std::vector<Repeat> out;
  for (auto& tickets : members) {
    std::sort(tickets.begin(), tickets.end(),
              [](const Logged* a, const Logged* b) { return a->id < b->id; });
    Repeat r;
    std::size_t title = tickets.front()->title;
    for (const Logged* l : tickets) {
      r.ids.push_back(l->id);
      r.incidents += l->incident;
      r.first = std::min(r.first, l->at);
      r.last = std::max(r.last, l->at);
      if (titled[l->title].weight > titled[title].weight) title = l->title;
    }
    r.category = titled[title].group.empty() ? std::string("(none)") : titled[title].group;
    r.title = titled[title].title;
    out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(), [](const Repeat& a, const Repeat& b) {
    if (a.ids.size() != b.ids.size()) return a.ids.size() > b.ids.size();
    return a.ids.front() < b.ids.front();
  });
  return out;
}

Section repeats_section(const std::vector<Repeat>& repeats, const Zone& zone) {
  Section out{"repeats",
              "Repeat incidents",
              {{"category", "CATEGORY"},
               {"tickets", "TICKETS", Kind::number},
               {"incidents", "INCIDENTS", Kind::number},
               {"first", "FIRST", Kind::time},
               {"last", "LAST", Kind::time},
               {"title", "TITLE", Kind::text, true},
               {"ticket_ids", "TICKET IDS", Kind::list},
               {"suggestion", "SUGGESTION"}},
              {},
              std::nullopt,
              ""};
  for (std::size_t g = 0; g < repeats.size() && g < kShownRepeats; ++g) {
    const Repeat& r = repeats[g];
    Json ids = Json::array();
    for (std::size_t k = 0; k < r.ids.size() && k < 10; ++k) ids.push_back(r.ids[k]);
    auto size = static_cast<std::int64_t>(r.ids.size());
    out.rows.push_back({{"category", r.category},
                        {"tickets", size},
                        {"incidents", r.incidents},
                        {"first", format_iso(r.first, zone)},
                        {"last", format_iso(r.last, zone)},
                        {"title", r.title},
                        {"ticket_ids", std::move(ids)},
                        {"suggestion", 2 * r.incidents >= size ? "problem record" : "KB article"}});
  }
  std::size_t found = repeats.size();
  out.note =
      found == 0 ? std::string("No repeats: no 3 tickets of one category with similar titles.")
      : found > kShownRepeats
          ? fmt::format("{} groups of similar tickets; the {} largest (ticket ids: the first 10).",
                        found, kShownRepeats)
          : fmt::format("{} group{} of similar tickets (ticket ids: the first 10).", found,
                        found == 1 ? "" : "s");
  return out;
}

}  // namespace

std::string trend_of(double tickets, double baseline) {
  double change = tickets - baseline;
  if (change >= kMinChange &&
      (baseline == 0.0 || 100.0 * change / baseline >= kMinChangePct - 1e-9))
    return "rising";
  if (change <= -kMinChange && baseline > 0.0 && 100.0 * change / baseline <= -kMinChangePct + 1e-9)
    return "falling";
  return "steady";
}

struct TrendsCounter::State {
  const work::Session& s;
  Period period;
  Zone zone;
  std::vector<Period> periods;
  Instant until;
  CountsByName categories, services;
  std::vector<Titled> titled;  // distinct (category, title)
  std::unordered_map<std::string, std::size_t> title_index;
  std::vector<Logged> logged;

  // [tickets] incident_types: a repeat mostly of these is a fault.
  bool is_incident(const std::string& type) const {
    const auto& types = s.config.tickets.incident_types;
    return std::find(types.begin(), types.end(), type) != types.end();
  }

  int period_of(Instant t) const {
    for (int k = 0; k < kPeriods; ++k)
      if (t >= periods[static_cast<std::size_t>(k)].since &&
          t < periods[static_cast<std::size_t>(k)].until)
        return k;
    return -1;
  }
};

TrendsCounter::TrendsCounter(const work::Session& s, const Period& period)
    : state_(
          std::make_unique<State>(State{s, period, s.config.zone(), {}, {}, {}, {}, {}, {}, {}})) {
  State& st = *state_;
  st.periods = {period};
  for (const auto& p : preceding(period, kPeriods - 1, st.zone)) st.periods.push_back(p);
  st.until = known_until(period.until, s.now);
}

TrendsCounter::~TrendsCounter() = default;

Instant TrendsCounter::since() const {
  return state_->periods.back().since;
}

Instant TrendsCounter::until() const {
  return state_->until;
}

void TrendsCounter::add(const model::Ticket& t) {
  State& st = *state_;
  if (t.created_at >= st.until) return;
  int k = st.period_of(t.created_at);
  if (k < 0) return;
  auto u = static_cast<std::size_t>(k);
  ++counts_of(st.categories, t.category)[u];
  ++counts_of(st.services, t.service)[u];
  if (k == 0) {
    std::string key = t.category + '\0' + t.title;
    auto [it, added] = st.title_index.try_emplace(std::move(key), st.titled.size());
    if (added) st.titled.push_back({t.category, t.title, 0});
    ++st.titled[it->second].weight;
    st.logged.push_back({t.id, t.created_at, st.is_incident(t.type), it->second});
  }
}

Report trends_report(work::Session& s, const Period& period) {
  TrendsCounter counter(s, period);
  store::ReportSelection sel;
  sel.logged_since = counter.since();
  sel.logged_until = counter.until();
  sel.marks = false;  // titles, yes
  s.store.reports().each_ticket(sel, [&](const model::Ticket& t, const std::vector<model::Mark>&) {
    counter.add(t);
    return true;
  });
  return counter.finish();
}

Report TrendsCounter::finish() {
  const State& st = *state_;
  Report r;
  r.key = "trends";
  r.title = "Trends";
  r.meta = period_meta(st.period, st.zone, st.s.now);
  r.meta["compared_since"] = format_iso(st.periods.back().since, st.zone);

  Section cats = trend_section("categories", "Categories", "category", "CATEGORY", st.categories);
  cats.chart = movers_chart(cats, st.categories, st.periods, st.zone);
  cats.note = fmt::format("{} rising, {} falling against the mean of the three periods before.",
                          count_trend(cats, "rising"), count_trend(cats, "falling"));
  Section servs = trend_section("services", "Services", "service", "SERVICE", st.services);
  servs.note = fmt::format("{} rising, {} falling.", count_trend(servs, "rising"),
                           count_trend(servs, "falling"));
  auto repeats = find_repeats(st.titled, st.logged);
  r.meta["repeat_groups"] = repeats.size();

  r.sections.push_back(std::move(cats));
  r.sections.push_back(std::move(servs));
  r.sections.push_back(repeats_section(repeats, st.zone));
  return r;
}

}  // namespace desk::report
