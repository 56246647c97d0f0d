// desk report <name>: the reports a service manager reads. Every report
// takes the same period, grouping, format and output options; the table of
// reports below says which exist.
#include "desk/format/report.hpp"

#include <sstream>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/report/backlog.hpp"
#include "desk/report/csat_report.hpp"
#include "desk/report/digest.hpp"
#include "desk/report/performance.hpp"
#include "desk/report/period.hpp"
#include "desk/report/sla_report.hpp"
#include "desk/report/trends.hpp"
#include "desk/report/volume.hpp"
#include "desk/report/workload.hpp"
#include "desk/store/store.hpp"

#include "options.hpp"
#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::string period, since, until, by, format = "table", output, section, bucket;
  bool fail_on_breach = false;
  std::size_t limit = 100;
};

// What a report returns: the report, and whether it found breaches.
struct Outcome {
  format::Report report;
  std::size_t breaches = 0;
};

using Builder = Outcome (*)(work::Session&, const report::Period&, const Options&);

Outcome build_sla(work::Session& s, const report::Period& p, const Options& o) {
  auto r = report::sla_report(s, p, o.by, o.limit);
  return {std::move(r.report), r.breaches};
}

Outcome build_volume(work::Session& s, const report::Period& p, const Options& o) {
  std::optional<report::Unit> unit;
  if (!o.bucket.empty()) unit = report::parse_unit(o.bucket);
  return {report::volume_report(s, p, o.by, unit), 0};
}

Outcome build_backlog(work::Session& s, const report::Period& p, const Options& o) {
  return {report::backlog_report(s, p, o.by), 0};
}

Outcome build_workload(work::Session& s, const report::Period& p, const Options&) {
  return {report::workload_report(s, p), 0};
}

Outcome build_performance(work::Session& s, const report::Period& p, const Options& o) {
  return {report::performance_report(s, p, o.by), 0};
}

Outcome build_trends(work::Session& s, const report::Period& p, const Options&) {
  return {report::trends_report(s, p), 0};
}

Outcome build_digest(work::Session& s, const report::Period& p, const Options&) {
  auto d = report::digest_report(s, p);
  return {std::move(d.report), d.breaches};
}

Outcome build_csat(work::Session& s, const report::Period& p, const Options& o) {
  return {report::csat_report(s, p, o.by), 0};
}

Outcome build_complaints(work::Session& s, const report::Period& p, const Options& o) {
  return {report::complaints_report(s, p, o.by), 0};
}

// What a report takes beyond the common options.
enum Takes : unsigned {
  kBy = 1,        // --by FIELD
  kBucket = 2,    // --bucket day|week|month
  kBreaches = 4,  // --fail-on-breach
  kLimit = 8,     // -n/--limit
  kOwnBy = 16,    // --by FIELD, checked by the report itself (exit 65)
};

struct Kind {
  const char* name;
  const char* summary;
  Builder build;
  unsigned takes;
  const char* by_help;         // for --by
  const char* default_period;  // without --period, --since or --until
};

const Kind kReports[] = {
    {"sla", "Service levels: targets met and breached, compliance, median and p90 times", build_sla,
     kBy | kBreaches | kLimit,
     "Group by: priority, team, type, category, assignee, customer, channel, service",
     "last-30-days"},
    {"volume",
     "Tickets logged per day, week or month, by channel or another field, beside the period "
     "before",
     build_volume, kBy | kBucket,
     "Count by: channel (default), priority, team, type, category, assignee, customer, service",
     "last-30-days"},
    {"backlog", "Open tickets at --now by age, status and team, oldest first", build_backlog, kBy,
     "Second breakdown by: team (default), priority, type, category, assignee, customer, "
     "channel, service",
     "last-30-days"},
    {"workload", "Per technician and team: open, pending, allocated and resolved against capacity",
     build_workload, 0, nullptr, "last-30-days"},
    {"performance",
     "Response and resolution times, first-contact resolution, escalation and reopen rates",
     build_performance, kBy,
     "Group by one field instead of team, technician, category and channel: priority, team, "
     "type, category, assignee, customer, channel, service",
     "last-30-days"},
    {"trends", "Categories and services rising or falling, and repeat incidents", build_trends, 0,
     nullptr, "last-30-days"},
    {"csat",
     "Satisfaction: average, scores, response rate by technician, team, category; low scores",
     build_csat, kOwnBy,
     "Group by one field instead of technician, team and category: technician, team, category, "
     "priority, type, channel, service, customer",
     "last-30-days"},
    {"complaints", "The complaints register: counts, outcomes, time to acknowledge and respond",
     build_complaints, kOwnBy,
     "Group by: service (default), priority, team, type, category, assignee, customer, channel",
     "last-30-days"},
    {"digest", "A daily summary for mail: new, resolved, backlog, SLA breaches, at risk, trends",
     build_digest, kBreaches, nullptr, "yesterday"},
};

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
  report::Period period = period_of(env, kind, o);
  auto session = env.session(store::Access::read);
  Outcome outcome = kind.build(session, period, o);
  std::ostringstream text;
  format::Style style = env.style();
  if (!o.output.empty() && o.output != "-") style.color = false;
  format::render_report(outcome.report, chosen_format(o.format), text, style, o.section);
  write_output(env, o.output, text.str());
  if (o.fail_on_breach && outcome.breaches > 0) {
    env.err << fmt::format("desk: {} SLA breach{} found\n", outcome.breaches,
                           outcome.breaches == 1 ? "" : "es");
    return static_cast<int>(Exit::breach);
  }
  return 0;
}

}  // namespace

Runner cmd_report(CLI::App& sub) {
  sub.require_subcommand(1);
  std::vector<std::pair<CLI::App*, const Kind*>> subs;
  auto o = std::make_shared<Options>();
  for (const Kind& k : kReports) {
    CLI::App* r = sub.add_subcommand(k.name, k.summary);
    r->fallthrough();
    r->add_option("--period", o->period, std::string("A named period: ") + report::period_names())
        ->option_text("PERIOD");
    r->add_option("--since", o->since, "Start of the period (inclusive)")->option_text("TIME");
    r->add_option("--until", o->until, "End of the period (exclusive; default: now)")
        ->option_text("TIME");
    if (k.takes & kBy)
      r->add_option("--by", o->by, k.by_help)
          ->check(CLI::IsMember(report::group_fields()))
          ->option_text("FIELD");
    if (k.takes & kOwnBy) r->add_option("--by", o->by, k.by_help)->option_text("FIELD");
    if (k.takes & kBucket)
      r->add_option("--bucket", o->bucket, "Buckets of: day, week or month (default: by length)")
          ->check(CLI::IsMember({"day", "week", "month"}))
          ->option_text("UNIT");
    add_format(*r, o->format, {"table", "json", "csv", "tsv", "markdown", "html"});
    r->add_option("-o,--output", o->output, "Write to FILE atomically instead of standard output")
        ->option_text("FILE");
    r->add_option("--section", o->section,
                  "For csv/tsv: which section to write (default: the first)")
        ->option_text("NAME");
    if (k.takes & kBreaches)
      r->add_flag("--fail-on-breach", o->fail_on_breach, "Exit 3 when any SLA breach is found");
    if (k.takes & kLimit)
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
