#include "desk/report/csat_report.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "desk/catalog/fulfilment.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/report/common.hpp"
#include "desk/report/figures.hpp"
#include "desk/report/sla_report.hpp"
#include "desk/sla/levels.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/report_store.hpp"
#include "desk/work/validate.hpp"

namespace desk::report {

namespace {

using format::Column;
using format::Kind;

Json average(std::int64_t sum, std::int64_t n) {
  if (n == 0) return Json();
  return std::round(100.0 * static_cast<double>(sum) / static_cast<double>(n)) / 100.0;
}

struct Tally {
  std::int64_t ratings = 0, sum = 0, satisfied = 0, resolutions = 0;
  void rate(int score) {
    ++ratings;
    sum += score;
    if (score >= 4) ++satisfied;
  }
};

Json tally_row(const std::string& group, const Tally& t) {
  return {{"group", group},
          {"ratings", t.ratings},
          {"average", average(t.sum, t.ratings)},
          {"satisfied_percent", percent(t.satisfied, t.ratings)},
          {"resolutions", t.resolutions},
          {"response_rate", percent(t.ratings, t.resolutions)}};
}

std::vector<Column> tally_columns(const std::string& header) {
  return {{"group", header},
          {"ratings", "RATINGS", Kind::number},
          {"average", "AVERAGE", Kind::number},
          {"satisfied_percent", "SATISFIED %", Kind::number},
          {"resolutions", "RESOLVED", Kind::number},
          {"response_rate", "RESPONSE %", Kind::number}};
}

const std::vector<std::string>& csat_groupings() {
  static const std::vector<std::string> g = {"technician", "team",    "category", "priority",
                                             "type",       "channel", "service",  "customer"};
  return g;
}

// Who held each rated ticket at each of its resolutions, in order: the
// assignee and team as they stood at its first, second ... resolve.
std::map<std::int64_t, std::vector<std::pair<std::string, std::string>>> holders_at_resolution(
    work::Session& s, const std::vector<std::pair<model::Rating, model::Ticket>>& rated) {
  std::map<std::int64_t, std::vector<std::pair<std::string, std::string>>> out;
  std::vector<std::int64_t> ids;
  for (const auto& [r, t] : rated) ids.push_back(t.id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  constexpr std::size_t kBatch = 500;  // ids bound per query
  for (std::size_t from = 0; from < ids.size(); from += kBatch) {
    model::Query q;
    q.ids.assign(ids.begin() + static_cast<std::ptrdiff_t>(from),
                 ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), from + kBatch)));
    q.any_order = true;
    s.store.each_ticket_timeline(
        q, [&](const model::Ticket& t, const std::vector<model::Mark>& marks) {
          std::string assignee, team;
          for (const auto& m : marks) {
            if (m.assignee) assignee = *m.assignee;
            if (m.team) team = *m.team;
            if (m.kind == model::EventKind::resolved) out[t.id].emplace_back(assignee, team);
          }
          return true;
        });
  }
  return out;
}

// The satisfaction figures: ratings and resolutions in the period, in
// total, by score and by each grouping's values, and the low scores. One
// rule for ratings and resolutions alike: each belongs to the ticket as it
// stood when it was resolved, its technician the assignee then and its team
// the team then (a rating, to the resolution it rates). Who typed the
// resolve or the rating does not count.
struct Csat {
  std::vector<std::string> groupings;
  Tally total;
  std::map<std::string, std::map<std::string, Tally>> groups;  // grouping → value → tally
  std::array<std::int64_t, 6> counts{};                        // by score, 1 to 5
  std::vector<Json> low;                                       // rows of scores 1 and 2
  std::vector<std::string_view> in;                            // scratch: a ticket's groups

  const std::vector<std::string_view>& values(const std::string& grouping,
                                              const model::Ticket& then) {
    if (grouping == "technician") {
      in.assign(1, then.assignee.empty() ? std::string_view("(none)") : then.assignee);
      return in;
    }
    group_values(then, grouping, in);
    return in;
  }

  void rate(const model::Rating& r, const model::Ticket& then, const Zone& zone) {
    total.rate(r.score);
    if (r.score >= 1 && r.score <= 5) ++counts[static_cast<std::size_t>(r.score)];
    for (const auto& g : groupings)
      for (auto v : values(g, then)) groups[g][std::string(v)].rate(r.score);
    if (r.score <= 2)
      low.push_back({{"ticket", then.id},
                     {"score", r.score},
                     {"at", format_iso(r.at, zone)},
                     {"technician", text_or_null(then.assignee)},
                     {"team", text_or_null(then.team)},
                     {"comment", text_or_null(r.comment)},
                     {"title", then.title}});
  }

  void resolved(const model::Ticket& then) {
    ++total.resolutions;
    for (const auto& g : groupings)
      for (auto v : values(g, then)) groups[g][std::string(v)].resolutions++;
  }
};

void count_ratings(work::Session& s, const Period& period, Csat& c) {
  std::vector<std::pair<model::Rating, model::Ticket>> rated;
  s.store.ratings().each_between(
      period.since, period.until,
      [&](const model::Rating& r, const model::Ticket& t) { rated.emplace_back(r, t); });
  auto held = holders_at_resolution(s, rated);
  Zone zone = s.config.zone();
  for (auto& [r, then] : rated) {
    auto it = held.find(then.id);
    if (it != held.end() && r.resolution >= 1 &&
        static_cast<std::size_t>(r.resolution) <= it->second.size())
      std::tie(then.assignee, then.team) = it->second[static_cast<std::size_t>(r.resolution) - 1];
    c.rate(r, then, zone);
  }
}

// Resolutions in the period, by who and where each was resolved. Tickets
// that can have been resolved in the period: logged before its end, and
// open now or resolved (last) since its start. The reports' raw reader.
void count_resolutions(work::Session& s, const Period& period, const std::string& by, Csat& c) {
  store::ReportSelection sel;
  sel.open_since = period.since;
  sel.logged_until = period.until;
  sel.titles = false;
  sel.details = by == "customer" || by_tags(by);
  s.store.reports().each_ticket(
      sel, [&](const model::Ticket& t, const std::vector<model::Mark>& marks) {
        std::string assignee, team;
        for (const auto& m : marks) {
          if (m.assignee) assignee = *m.assignee;
          if (m.team) team = *m.team;
          if (m.kind != model::EventKind::resolved || m.at < period.since || m.at >= period.until)
            continue;
          model::Ticket then = t;
          then.assignee = assignee;
          then.team = team;
          c.resolved(then);
        }
        return true;
      });
}

Section distribution_section(const Csat& c) {
  Section dist{"distribution", "Scores", {}, {}, std::nullopt, ""};
  dist.columns = {{"score", "SCORE", Kind::number},
                  {"ratings", "RATINGS", Kind::number},
                  {"percent", "%", Kind::number}};
  for (std::size_t score = 5; score >= 1; --score)
    dist.rows.push_back({{"score", score},
                         {"ratings", c.counts[score]},
                         {"percent", percent(c.counts[score], c.total.ratings)}});
  dist.chart = Chart{Chart::Kind::bar, "score", {{"ratings", "ratings"}}, "ratings"};
  return dist;
}

Section low_scores_section(Csat& c) {
  Section low{"low_scores", "Low scores (1 or 2)", {}, {}, std::nullopt, ""};
  low.columns = {{"ticket", "TICKET", Kind::number},
                 {"score", "SCORE", Kind::number},
                 {"at", "RATED", Kind::time},
                 {"technician", "TECHNICIAN"},
                 {"team", "TEAM"},
                 {"comment", "COMMENT", Kind::text, true},
                 {"title", "TITLE", Kind::text, true}};
  low.rows = std::move(c.low);
  low.note = fmt::format("{} low score{}.", low.rows.size(), low.rows.size() == 1 ? "" : "s");
  return low;
}

}  // namespace

Report csat_report(work::Session& s, const Period& period, const std::string& by) {
  if (!by.empty() && !by_tags(by)) {
    std::vector<std::string> known = csat_groupings();
    known.push_back("tag");
    known.push_back("tag:PREFIX");
    work::require_one_of("report grouping", by, known);
  }
  Csat c;
  c.groupings = by.empty() ? std::vector<std::string>{"technician", "team", "category"}
                           : std::vector<std::string>{by};
  count_ratings(s, period, c);
  count_resolutions(s, period, by, c);

  Report r;
  r.key = "csat";
  r.title = "Customer satisfaction";
  r.meta = period_meta(period, s.config.zone(), s.now);
  r.meta["by"] = text_or_null(by);
  Section summary{"summary", "Satisfaction", tally_columns("GROUP"), {}, std::nullopt, ""};
  summary.rows.push_back(tally_row("all", c.total));
  summary.note = fmt::format("{} ratings of {} resolutions in the period.", c.total.ratings,
                             c.total.resolutions);
  r.sections.push_back(std::move(summary));
  r.sections.push_back(distribution_section(c));
  for (const auto& g : c.groupings) {
    Section sec{"by_" + g, "By " + g, tally_columns(heading(g)), {}, std::nullopt, ""};
    for (const auto& [name, tally] : c.groups[g]) sec.rows.push_back(tally_row(name, tally));
    sec.chart = Chart{Chart::Kind::bar, "group", {{"average", "average score"}}, ""};
    r.sections.push_back(std::move(sec));
  }
  r.sections.push_back(low_scores_section(c));
  return r;
}

namespace {

// The complaints of one group (or all): how many, how they ended, and how
// their acknowledgement (the response clock) and response (the resolve
// clock) went.
struct ComplaintTally {
  std::int64_t complaints = 0, open = 0, upheld = 0, partly = 0, not_upheld = 0;
  std::int64_t ack_met = 0, ack_breached = 0, response_met = 0, response_breached = 0;
  std::vector<std::int64_t> ack_minutes, response_minutes;

  void add(const model::Ticket& t, const sla::Clock* ack, const sla::Clock* resp) {
    ++complaints;
    if (model::is_open(t.status)) ++open;
    if (t.outcome == "upheld") ++upheld;
    if (t.outcome == "partly-upheld") ++partly;
    if (t.outcome == "not-upheld") ++not_upheld;
    count(ack, ack_met, ack_breached, ack_minutes);
    count(resp, response_met, response_breached, response_minutes);
  }

  static void count(const sla::Clock* c, std::int64_t& met, std::int64_t& breached,
                    std::vector<std::int64_t>& minutes) {
    if (!c) return;
    if (c->state.breached)
      ++breached;
    else if (c->state.met)
      ++met;
    if (!c->state.running) minutes.push_back(c->state.elapsed / 60);
  }

  Json row(const std::string& name) {
    auto median = [](std::vector<std::int64_t>& v) {
      auto x = percentile(v, 50);
      return x ? Json(*x) : Json();
    };
    return {{"group", name},
            {"complaints", complaints},
            {"open", open},
            {"upheld", upheld},
            {"partly_upheld", partly},
            {"not_upheld", not_upheld},
            {"acknowledged_in_time", ack_met},
            {"acknowledged_late", ack_breached},
            {"acknowledge_median_minutes", median(ack_minutes)},
            {"responded_in_time", response_met},
            {"responded_late", response_breached},
            {"response_median_minutes", median(response_minutes)},
            {"upheld_percent", percent(upheld + partly, upheld + partly + not_upheld)}};
  }
};

// A complaint's line in the register.
Json register_row(const model::Ticket& t, const sla::TicketSla& m, const sla::Clock* ack,
                  const sla::Clock* resp, const Zone& zone) {
  auto minutes = [](const sla::Clock* c) {
    return c && !c->state.running ? Json(c->state.elapsed / 60) : Json();
  };
  std::string who = t.customer_email.empty() ? t.customer_name : t.customer_email;
  return {{"ticket", t.id},
          {"logged", format_iso(t.created_at, zone)},
          {"service", text_or_null(t.service)},
          {"customer", text_or_null(who)},
          {"status", t.status},
          {"policy", text_or_null(m.policy)},
          {"acknowledge_minutes", minutes(ack)},
          {"acknowledge_breached", ack ? Json(ack->state.breached) : Json()},
          {"response_minutes", minutes(resp)},
          {"response_breached", resp ? Json(resp->state.breached) : Json()},
          {"outcome", text_or_null(t.outcome)},
          {"root_cause", text_or_null(t.root_cause)},
          {"action", text_or_null(t.action)},
          {"title", t.title}};
}

Section register_section() {
  Section reg{"register", "Complaints register", {}, {}, std::nullopt, ""};
  reg.columns = {{"ticket", "TICKET", Kind::number},
                 {"logged", "LOGGED", Kind::time},
                 {"service", "SERVICE"},
                 {"customer", "CUSTOMER"},
                 {"status", "STATUS"},
                 {"acknowledge_minutes", "ACK", Kind::minutes},
                 {"response_minutes", "RESPONSE", Kind::minutes},
                 {"outcome", "OUTCOME"},
                 {"root_cause", "ROOT CAUSE", Kind::text, true},
                 {"action", "ACTION", Kind::text, true},
                 {"title", "TITLE", Kind::text, true}};
  return reg;
}

Section complaint_groups_section(const std::string& grouping,
                                 std::map<std::string, ComplaintTally>& groups,
                                 ComplaintTally& total) {
  Section summary{"groups", "Complaints by " + grouping, {}, {}, std::nullopt, ""};
  summary.columns = {{"group", heading(grouping)},
                     {"complaints", "COMPLAINTS", Kind::number},
                     {"open", "OPEN", Kind::number},
                     {"upheld", "UPHELD", Kind::number},
                     {"partly_upheld", "PARTLY", Kind::number},
                     {"not_upheld", "NOT UPHELD", Kind::number},
                     {"acknowledged_late", "ACK LATE", Kind::number},
                     {"acknowledge_median_minutes", "ACK MEDIAN", Kind::minutes},
                     {"responded_late", "RESP LATE", Kind::number},
                     {"response_median_minutes", "RESP MEDIAN", Kind::minutes}};
  for (auto& [name, g] : groups) summary.rows.push_back(g.row(name));
  summary.rows.push_back(total.row("all"));
  summary.chart = Chart{
      Chart::Kind::bar,
      "group",
      {{"upheld", "upheld"}, {"partly_upheld", "partly upheld"}, {"not_upheld", "not upheld"}},
      "complaints"};
  summary.note = fmt::format("{} complaints logged in the period; {} still open.", total.complaints,
                             total.open);
  return summary;
}

}  // namespace

Report complaints_report(work::Session& s, const Period& period, const std::string& by) {
  std::string grouping = by.empty() ? "service" : by;
  work::require_one_of("report grouping", grouping, group_fields());
  Zone zone = s.config.zone();
  sla::ServiceLevels levels(s.config);
  std::map<std::string, ComplaintTally> groups;
  ComplaintTally total;
  Section reg = register_section();
  model::Query q;
  q.types = {catalog::kComplaint};
  q.created_since = period.since;
  q.created_until = period.until;
  s.store.each_ticket_timeline(q,
                               [&](const model::Ticket& t, const std::vector<model::Mark>& marks) {
                                 sla::TicketSla m = levels.measure(t, marks, s.now);
                                 const sla::Clock* ack = m.clock("response");
                                 const sla::Clock* resp = m.clock("resolve");
                                 groups[std::string(group_value(t, grouping))].add(t, ack, resp);
                                 total.add(t, ack, resp);
                                 reg.rows.push_back(register_row(t, m, ack, resp, zone));
                                 return true;
                               });
  Report r;
  r.key = "complaints";
  r.title = "Complaints register";
  r.meta = period_meta(period, zone, s.now);
  r.meta["by"] = grouping;
  r.sections.push_back(complaint_groups_section(grouping, groups, total));
  r.sections.push_back(std::move(reg));
  return r;
}

}  // namespace desk::report
