// desk kb history: an article's versions
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/format/markdown_terminal.hpp"
#include "desk/format/rows.hpp"
#include "desk/kb/actions.hpp"
#include "desk/kb/document.hpp"
#include "desk/kb/exchange.hpp"
#include "desk/kb/serialize.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/validate.hpp"

#include "kb.hpp"
#include "options.hpp"
#include "pager.hpp"
#include "registry.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd::kbcmd {

namespace {

struct HistoryOptions {
  std::string id;
  Format format = Format::table;
};

int run_history(Env& env, const HistoryOptions& o) {
  start_pager(env);
  std::int64_t id = kb::parse_article_id(o.id);
  auto session = env.session(store::Access::read);
  std::vector<model::ArticleVersion> versions = kb::article_history(session, id);
  auto writer = format::make_row_writer(o.format, env.out, env.style());
  writer->begin({{"version", "VERSION", Kind::number},
                 {"at", "AT", Kind::time},
                 {"actor", "ACTOR"},
                 {"action", "ACTION"},
                 {"state", "STATE"},
                 {"changed", "CHANGED", Kind::list},
                 {"note", "NOTE", Kind::text, true}});
  for (const auto& v : versions) writer->row(kb::version_json(v, env.zone()));
  writer->end();
  return 0;
}

CLI::App* add_history(CLI::App& kb, HistoryOptions& o) {
  CLI::App* sub = kb.add_subcommand("history", "List an article's versions");
  sub->add_option("id", o.id, "Article id")->required();
  add_format(*sub, o.format, kRowFormats);
  return sub;
}

}  // namespace

Sub history(CLI::App& kb) {
  auto o = std::make_shared<HistoryOptions>();
  return {add_history(kb, *o), [o](Env& env) { return run_history(env, *o); }};
}

}  // namespace desk::cmd::kbcmd
