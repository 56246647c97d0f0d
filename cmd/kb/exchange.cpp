// desk kb export and import: a directory of Markdown files
#include "desk/kb/exchange.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/format/markdown_terminal.hpp"
#include "desk/format/rows.hpp"
#include "desk/kb/actions.hpp"
#include "desk/kb/document.hpp"
#include "desk/kb/serialize.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/validate.hpp"

#include "kb.hpp"
#include "options.hpp"
#include "registry.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd::kbcmd {

namespace {

struct ExportOptions {
  std::string dir;
  std::vector<std::string> kinds, states, tags;
  Format format = Format::table;
};

int run_export(Env& env, const ExportOptions& o) {
  model::ArticleFilter f;
  f.states = typed_words<model::ArticleState>("article state", o.states);
  f.kinds = typed_words<model::ArticleKind>("article kind", o.kinds);
  f.tags = flatten(o.tags);
  kb::check_filter(f);
  auto session = env.session(store::Access::read);
  kb::Exported e = kb::export_articles(session, o.dir, f);
  if (o.format == Format::json) {
    Json files = Json::array();
    for (const auto& [a, file] : e.written)
      files.push_back({{"id", a.id}, {"uid", a.uid}, {"file", file}});
    print_json(env, {{"directory", o.dir}, {"files", files}, {"removed", e.removed}});
  } else if (!env.globals.quiet) {
    env.out << fmt::format("Exported {} article{} to {}", e.written.size(),
                           e.written.size() == 1 ? "" : "s", o.dir);
    if (!e.removed.empty())
      env.out << fmt::format(" (removed {} under an old name: {})", e.removed.size(),
                             util::join(e.removed, ", "));
    env.out << '\n';
  }
  return 0;
}

CLI::App* add_export(CLI::App& kb, ExportOptions& o) {
  CLI::App* sub = kb.add_subcommand("export", "Write every article to DIR as Markdown files");
  sub->add_option("dir", o.dir, "The directory (created when missing)")->required();
  sub->add_option("--kind", o.kinds, "Only this kind")->option_text("KIND");
  sub->add_option("-s,--state", o.states, "Only this state (default: all)")->option_text("STATE");
  sub->add_option("-t,--tag", o.tags, "Only articles with this tag")->option_text("TAG");
  add_format(*sub, o.format, {Format::text, Format::json});
  return sub;
}

struct ImportOptions {
  std::string dir;
  bool dry_run = false;
  Format format = Format::table;
};

int run_import(Env& env, const ImportOptions& o) {
  auto results = write(
      env, [&](work::Session& s) { return kb::import_articles(s, o.dir); },
      o.dry_run ? Keep::nothing : Keep::changes);

  std::map<kb::ImportOutcome, int> counts;
  for (const auto& r : results) ++counts[r.action];
  if (env.globals.quiet) return 0;
  auto writer = format::make_row_writer(o.format, env.out, env.style());
  writer->begin({{"file", "FILE"},
                 {"action", "ACTION"},
                 {"id", "ID", Kind::number},
                 {"title", "TITLE", Kind::text, true},
                 {"changed", "CHANGED", Kind::list}});
  for (const auto& r : results)
    writer->row({{"file", r.file},
                 {"action", r.action},
                 {"id", r.article.id},
                 {"uid", r.article.uid},
                 {"title", r.article.title},
                 {"changed", r.changed}});
  writer->end();
  if (o.format == Format::table)
    env.out << fmt::format("{} created, {} updated, {} skipped{}\n",
                           counts[kb::ImportOutcome::created], counts[kb::ImportOutcome::updated],
                           counts[kb::ImportOutcome::skipped],
                           o.dry_run ? " (dry run: nothing written)" : "");
  return 0;
}

CLI::App* add_import(CLI::App& kb, ImportOptions& o) {
  CLI::App* sub = kb.add_subcommand(
      "import", "Bring the Markdown files in DIR into the knowledge base (all or nothing)");
  sub->add_option("dir", o.dir, "The directory")->required();
  sub->add_flag("--dry-run", o.dry_run, "Check and report, but write nothing");
  add_format(*sub, o.format, kRowFormats);
  return sub;
}

}  // namespace

Sub exp(CLI::App& kb) {
  auto o = std::make_shared<ExportOptions>();
  return {add_export(kb, *o), [o](Env& env) { return run_export(env, *o); }};
}

Sub imp(CLI::App& kb) {
  auto o = std::make_shared<ImportOptions>();
  return {add_import(kb, *o), [o](Env& env) { return run_import(env, *o); }};
}

}  // namespace desk::cmd::kbcmd
