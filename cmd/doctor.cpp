// desk doctor: check the store and say what to do about what is wrong.
#include "desk/bulk/doctor.hpp"

#include <fmt/format.h>

#include "desk/compliance/compliance.hpp"
#include "desk/core/error.hpp"
#include "desk/store/store.hpp"

#include "options.hpp"
#include "progress.hpp"
#include "registry.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd {

namespace {

struct Options {
  bool full = false;
  bool repair = false;
  Format format = Format::table;
};

int run(Env& env, const Options& o) {
  bulk::DoctorOptions d;
  d.full = o.full;
  ProgressBar bar("Checking", 0);
  d.progress = [&](std::int64_t tickets) { bar.update(0, tickets); };
  bulk::DoctorReport r;
  try {
    r = bulk::examine(env.store(store::Access::read), d);
  } catch (const StoreCorrupt& e) {
    // The usual advice is to run desk doctor.
    throw StoreCorrupt(e.what(),
                       "desk doctor cannot read past the damage: restore the latest good backup "
                       "with 'desk restore FILE' (desk-restore(1)), which keeps this file aside");
  }
  bar.finish();

  std::int64_t repaired = 0;
  if (o.repair && !r.mismatched.empty()) {
    // The rows are rewritten from the events: from a chain that does not
    // verify, that would copy a forged event into the row it contradicts.
    std::optional<audit::Broken> broken;
    {
      auto session = env.session(store::Access::read);
      broken = compliance::verify_chain(session, "").broken;
    }
    if (broken)
      throw Refused(fmt::format("not repairing: the audit chain is broken at event {}: it {}",
                                broken->event, broken->why),
                    "the events may have been forged; 'desk audit export' shows them as stored, "
                    "and 'desk restore FILE' puts a good backup back");
    repaired = write(env, [&](work::Session& s) { return bulk::repair_rows(s, r.mismatched); });
  }
  std::int64_t left = r.problems - repaired;

  if (o.format == Format::json) {
    format::Json j = format::Json::object();
    j["store"] = env.config().store.string();
    j["tickets"] = r.tickets;
    j["events"] = r.events;
    j["problems"] = r.problems;
    j["repaired"] = repaired;
    format::Json list = format::Json::array();
    for (const auto& f : r.findings)
      list.push_back({{"where", f.where}, {"what", f.what}, {"fix", f.fix}});
    j["findings"] = std::move(list);
    print_json(env, j);
  } else {
    env.out << fmt::format("Checked '{}': {} tickets, {} events, {}\n", env.config().store.string(),
                           r.tickets, r.events,
                           r.problems == 0 ? std::string("no problems found")
                                           : fmt::format("{} problem(s)", r.problems));
    for (const auto& f : r.findings)
      env.out << fmt::format("{}: {}\n  what to do: {}\n", f.where, f.what, f.fix);
    if (r.problems > static_cast<std::int64_t>(r.findings.size()))
      env.out << fmt::format("... and {} more not shown\n",
                             r.problems - static_cast<std::int64_t>(r.findings.size()));
    if (repaired > 0)
      env.out << fmt::format("Repaired {} ticket row(s) from their events\n", repaired);
  }
  return left > 0 ? 1 : 0;
}

}  // namespace

Runner cmd_doctor(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_flag("--full", o->full,
               "SQLite's full integrity check (slower: also matches every index to its table)");
  sub.add_flag("--repair", o->repair, "Rewrite ticket rows that differ from their events' replay");
  add_format(sub, o->format, {Format::text, Format::json});
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
