// desk report <name>: the reports a service manager reads. Every report
// takes the same period, grouping, format and output options; each report's
// own part is in cmd/report/<name>.cpp (report.hpp says how to add one).
#include "desk/format/report.hpp"

#include <sstream>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/core/time_range.hpp"
#include "desk/report/period.hpp"
#include "desk/report/sla_report.hpp"
#include "desk/report/staffing.hpp"
#include "desk/sla/levels.hpp"
#include "desk/store/report_skips.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"

#include "options.hpp"
#include "pager.hpp"
#include "registry.hpp"
#include "report.hpp"

namespace desk::cmd {

namespace {

using reports::Kind;
using reports::Options;
using reports::Outcome;

const Kind kReports[] = {reports::sla(),      reports::volume(),      reports::backlog(),
                         reports::workload(), reports::performance(), reports::trends(),
                         reports::csat(),     reports::complaints(),  reports::digest(),
                         reports::time(),     reports::staffing()};

report::Period period_of(Env& env, const Kind& kind, const Options& o) {
  if (!o.period.empty() && (!o.since.empty() || !o.until.empty()))
    throw UsageError("give --period or --since/--until, not both");
  if (!o.period.empty()) return report::named_period(o.period, env.now(), env.zone());
  std::optional<Instant> since, until;
  if (!o.since.empty()) since = env.parse_time(o.since);
  if (!o.until.empty()) until = env.parse_time(o.until);
  if (!since && !until) return report::named_period(kind.default_period, env.now(), env.zone());
  return report::custom_period(since, until, env.now());
}

int run(Env& env, const Kind& kind, const Options& o) {
  report::Period period =
      kind.takes & reports::kStaffing ? report::Period{} : period_of(env, kind, o);
  auto session = env.session(store::Access::read);
  Outcome outcome = kind.build(session, period, o);
  // Said once, whatever the number: the report stands without them.
  if (auto skipped = store::tickets_left_out(session.store.reports()))
    env.err << fmt::format(
        "desk: warning: {} ticket(s) left out of the report: a time of theirs is outside the "
        "range desk supports ({})\n",
        skipped, kSupportedRange);
  outcome.report.working_day = sla::ServiceLevels(env.config()).working_day();
  std::ostringstream text;
  format::Style style = env.style();
  if (!o.output.empty() && o.output != "-") style.color = false;
  format::render_report(outcome.report, o.format, text, style, o.section);
  if (o.output.empty() || o.output == "-") start_pager(env);
  write_output(env, o.output, text.str());
  if (o.fail_on_breach && outcome.breaches > 0) {
    env.err << fmt::format("desk: {} SLA breach{} found\n", outcome.breaches,
                           outcome.breaches == 1 ? "" : "es");
    return static_cast<int>(Exit::breach);
  }
  return 0;
}

void add_staffing_options(CLI::App& r, Options& o) {
  r.add_option("--by", o.by, "A queue each: channel, priority or team")
      ->check(CLI::IsMember(report::staffing_groupings()))
      ->option_text("FIELD");
  add_int(r, "--weeks", o.weeks, "Weeks of history up to now the arrivals come from (default 8)", 1,
          104);
  add_int_option(r, "--target", "Percent of tickets to answer within --within ([planning].target)",
                 1, 99, [&o](std::int64_t v) { o.target = static_cast<int>(v); });
  r.add_option("--within", o.within, "The first response's wait, such as 30m ([planning].within)")
      ->option_text("DURATION");
  r.add_option("--handle-time", o.handle_time,
               "Mean time a ticket takes, such as 20m (default: from time worked)")
      ->option_text("DURATION");
  r.add_option("--what-if", o.what_if,
               "A roster change, such as \"+1 alice tue 09:00-13:00\", or @FILE of them; "
               "repeatable")
      ->option_text("CHANGE");
  r.add_flag("--trend", o.trend,
             "Scale the arrivals to next week's volume by the weeks' trend, not their mean");
}

}  // namespace

Runner cmd_report(CLI::App& sub) {
  sub.require_subcommand(1);
  std::vector<std::pair<CLI::App*, const Kind*>> subs;
  auto o = std::make_shared<Options>();
  // A field, "tag" or "tag:PREFIX" (report::require_grouping). Described
  // as "{field,...,tag}", as CLI::IsMember would be, so that __complete
  // offers them (cmd/complete.cpp members).
  std::vector<std::string> offered = report::group_fields();
  offered.emplace_back("tag");
  CLI::Validator grouping(
      [](std::string& by) {
        try {
          report::require_grouping(by);
          return std::string();
        } catch (const Error& e) {  // an unknown grouping is a misuse of the command: exit 2
          return e.hint().empty() ? std::string(e.what()) : std::string(e.what()) + "; " + e.hint();
        }
      },
      "{" + util::join(offered, ",") + "}", "grouping");
  for (const Kind& k : kReports) {
    CLI::App* r = sub.add_subcommand(k.name, k.summary);
    r->fallthrough();
    if (k.takes & reports::kStaffing) {
      add_staffing_options(*r, *o);
    } else {
      r->add_option("--period", o->period,
                    std::string("A named period (") + report::period_names() +
                        "), a month (2026-11) or an ISO week (2026-W10)")
          ->option_text("PERIOD");
      r->add_option("--since", o->since, "Start of the period (inclusive)")->option_text("TIME");
      r->add_option("--until", o->until, "End of the period (exclusive; default: now)")
          ->option_text("TIME");
    }
    if (k.takes & reports::kBy)
      r->add_option("--by", o->by, k.by_help)->check(grouping)->option_text("FIELD");
    if (k.takes & reports::kOwnBy) r->add_option("--by", o->by, k.by_help)->option_text("FIELD");
    if (k.takes & reports::kBucket)
      r->add_option("--bucket", o->bucket, "Buckets of: day, week or month (default: by length)")
          ->check(CLI::IsMember({"day", "week", "month"}))
          ->option_text("UNIT");
    add_format(
        *r, o->format,
        {Format::table, Format::json, Format::csv, Format::tsv, Format::markdown, Format::html});
    r->add_option("-o,--output", o->output, "Write to FILE atomically instead of standard output")
        ->option_text("FILE");
    r->add_option("--section", o->section,
                  "For csv/tsv: which section to write (default: the first)")
        ->option_text("NAME");
    if (k.takes & reports::kBreaches)
      r->add_flag("--fail-on-breach", o->fail_on_breach, "Exit 3 when any SLA breach is found");
    if (k.takes & reports::kLimit)
      add_int(*r, "-n,--limit", o->limit, "How many tickets a list shows (default 100, 0: all)", 0,
              kMaxLimit);
    subs.emplace_back(r, &k);
  }
  return [o, subs](Env& env) {
    for (const auto& [app, kind] : subs)
      if (app->parsed()) return run(env, *kind, *o);
    return static_cast<int>(Exit::usage);
  };
}

}  // namespace desk::cmd
