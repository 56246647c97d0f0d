// desk import FILE|-: tickets from desk's own export or another tool's, in one
// transaction (all or nothing).
#include "desk/bulk/import.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"

#include "options.hpp"
#include "progress.hpp"
#include "registry.hpp"

namespace desk::cmd {

namespace {

namespace fs = std::filesystem;

struct Options {
  std::string file;
  std::string format;
  bool dry_run = false;
};

// --format, else the file's extension, else the first byte: '{' is JSON.
bulk::FileFormat choose_format(const Options& o, std::istream& in) {
  std::string f = o.format;
  if (f.empty()) {
    std::string ext = fs::path(o.file).extension().string();
    if (ext == ".csv")
      f = "csv";
    else if (ext == ".jsonl" || ext == ".json" || ext == ".ndjson")
      f = "jsonl";
    else
      f = in.peek() == '{' ? "jsonl" : "csv";
  }
  return f == "csv" ? bulk::FileFormat::csv : bulk::FileFormat::jsonl;
}

int run(Env& env, const Options& o) {
  std::ifstream file;
  std::istream* in = &std::cin;
  std::uint64_t size = 0;
  std::string source = o.file == "-" ? "standard input" : o.file;
  if (o.file != "-") {
    std::error_code ec;
    if (fs::is_directory(o.file, ec))
      throw UsageError(fmt::format("{} is a directory", util::quoted(o.file)),
                       "give the file to import");
    file.open(o.file, std::ios::binary);
    if (!file)
      throw Error(Exit::io,
                  fmt::format("cannot read {}: {}", util::quoted(o.file), std::strerror(errno)));
    size = fs::file_size(o.file, ec);
    in = &file;
  }
  auto rows = bulk::make_row_reader(*in, choose_format(o, *in));

  auto session = env.session(store::Access::write);
  ProgressBar bar("Importing", size);
  bulk::ImportResult r;
  {
    store::WriteTransaction tx(session.store);
    r = bulk::import_rows(session, *rows, source,
                          [&](const bulk::Progress& p) { bar.update(p.bytes, p.rows); });
    bar.finish();
    if (!o.dry_run) tx.commit();
  }
  if (!env.globals.quiet)
    env.err << fmt::format("{} '{}': {} created, {} updated, {} skipped ({} events)\n",
                           o.dry_run ? "Would import" : "Imported", source, r.created, r.updated,
                           r.skipped, r.events);
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
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
