// desk import FILE|-: tickets from desk's own export or another tool's, in one
// transaction (all or nothing).
#include "desk/bulk/import.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/store.hpp"

#include "context.hpp"
#include "input.hpp"
#include "options.hpp"
#include "progress.hpp"
#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::string file;
  std::string format;
  bool dry_run = false;
  bool no_route = false;
};

int run(Env& env, const Options& o) {
  Input input(o.file);
  auto rows =
      bulk::make_row_reader(input.stream(), bulk::choose_format(o.format, o.file, input.stream()));
  auto session = env.session(store::Access::write);
  ProgressBar bar("Importing", input.size());
  bulk::ImportResult r;
  try {
    store::WriteTransaction tx(session.store);
    r = bulk::import_rows(session, *rows, input.name(), {.route = !o.no_route},
                          [&](const bulk::Progress& p) { bar.update(p.bytes, p.rows); });
    bar.finish();
    if (!o.dry_run) tx.commit();
  } catch (const bulk::BadRows& e) {
    bar.finish();
    report_bad_rows(env, e, "nothing was imported");
  }
  if (!env.globals.quiet)
    env.err << fmt::format("{} '{}': {} created, {} updated, {} skipped ({} events)\n",
                           o.dry_run ? "Would import" : "Imported", input.name(), r.created,
                           r.updated, r.skipped, r.events);
  return 0;
}

}  // namespace

Runner cmd_import(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("file", o->file, "The file to import ('-' reads standard input)")->required();
  sub.add_option("--format", o->format,
                 "csv or jsonl (default: by the file's extension, else by its first byte)")
      ->check(CLI::IsMember({"csv", "jsonl"}))
      ->option_text("FORMAT");
  sub.add_flag("--dry-run", o->dry_run, "Check every row and report, but write nothing");
  sub.add_flag("--no-route", o->no_route,
               "Leave rows that name no team or technician without a team");
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
