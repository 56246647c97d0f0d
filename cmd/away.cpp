// desk away TECH --until TIME: a technician's absence, which allocation
// respects; --list shows them, --cancel takes one back.
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/format/rows.hpp"
#include "desk/model/serialize.hpp"
#include "desk/tickets/absences.hpp"
#include "desk/util/strings.hpp"

#include "options.hpp"
#include "registry.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::string technician;
  Text from, until, message;
  bool list = false, all = false;
  std::int64_t cancel = 0;
  Format format = Format::table;
};

const char* state_of(const tickets::Absence& a, Instant now) {
  if (now < a.from) return "planned";
  if (now < a.until) return "away";
  return "over";
}

int list(Env& env, const Options& o) {
  auto session = env.session(store::Access::read);
  Zone zone = env.zone();
  std::vector<format::Column> columns = {{"id", "ID", format::Kind::number},
                                         {"technician", "TECHNICIAN"},
                                         {"from", "FROM", format::Kind::time},
                                         {"until", "BACK", format::Kind::time},
                                         {"state", "STATE"},
                                         {"reason", "REASON", format::Kind::text, true},
                                         {"recorded_by", "BY"}};
  std::vector<format::Json> rows;
  for (const auto& a : tickets::absences(session)) {
    if (!o.technician.empty() && a.technician != o.technician) continue;
    if (!o.all && a.until <= env.now()) continue;
    rows.push_back({{"id", a.id},
                    {"technician", a.technician},
                    {"from", format_iso(a.from, zone)},
                    {"until", format_iso(a.until, zone)},
                    {"state", state_of(a, env.now())},
                    {"reason", a.reason.empty() ? format::Json() : format::Json(a.reason)},
                    {"recorded_by", a.recorded_by}});
  }
  if (env.globals.quiet) {
    for (const auto& r : rows) env.out << r["id"].get<std::int64_t>() << '\n';
    return 0;
  }
  auto writer = format::make_row_writer(o.format, env.out, env.style());
  writer->begin(columns);
  for (const auto& r : rows) writer->row(r);
  writer->end();
  return 0;
}

int record(Env& env, const Options& o) {
  if (o.technician.empty())
    throw UsageError("no technician given", "desk away TECHNICIAN --until TIME");
  if (!o.until.given())
    throw UsageError("--until is required", "give when they are back: --until 2027-01-04");
  tickets::AbsenceRequest r;
  r.technician = o.technician;
  if (o.from.given()) r.from = env.parse_time(o.from.value);
  r.until = env.parse_time(o.until.value);
  r.reason = o.message.value;
  auto e = write(env, [&](work::Session& s) { return tickets::record_absence(s, r); });
  if (o.format == Format::json)
    print_json(env, model::event_json(e, env.zone()));
  else if (env.globals.quiet)
    env.out << e.id << '\n';
  else
    env.out << fmt::format("Recorded {} away until {} (absence {})\n", o.technician,
                           format::cell_text(format_iso(r.until, env.zone()), format::Kind::time),
                           e.id);
  return 0;
}

int cancel(Env& env, const Options& o) {
  auto e = write(env, [&](work::Session& s) { return tickets::cancel_absence(s, o.cancel); });
  if (o.format == Format::json)
    print_json(env, model::event_json(e, env.zone()));
  else if (!env.globals.quiet)
    env.out << fmt::format("Cancelled absence {}\n", o.cancel);
  return 0;
}

}  // namespace

Runner cmd_away(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("technician", o->technician, "The technician (with --list: only theirs)");
  add_text(sub, o->from, "--from", "Away from (default: now)").option->option_text("TIME");
  add_text(sub, o->until, "--until", "Back at: the first moment they work again")
      .option->option_text("TIME");
  add_text(sub, o->message, "-m,--message", "Why: leave, training, sickness")
      .option->option_text("REASON");
  auto* listing = sub.add_flag("--list", o->list, "List the absences not over yet");
  sub.add_flag("--all", o->all, "With --list: past absences too")->needs(listing);
  auto* cancelling =
      add_int(sub, "--cancel", o->cancel, "Cancel the absence with this id", 1, kMaxLimit);
  cancelling->excludes(listing);
  add_format(sub, o->format);
  return [o](Env& env) {
    if (o->list) {
      if (o->from.given() || o->until.given() || o->message.given())
        throw UsageError("--list takes no --from, --until or -m");
      return list(env, *o);
    }
    if (o->cancel > 0) {
      if (!o->technician.empty() || o->from.given() || o->until.given() || o->message.given())
        throw UsageError("--cancel takes only the absence's id");
      return cancel(env, *o);
    }
    return record(env, *o);
  };
}

}  // namespace desk::cmd
