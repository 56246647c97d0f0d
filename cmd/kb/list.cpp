// desk kb list: articles by state, kind and tag
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

struct ListOptions {
  std::vector<std::string> kinds, states, tags, categories, services, authors;
  bool all = false;
  std::string sort;
  Format format = Format::table;
  std::int64_t limit = 0;
};

int run_list(Env& env, const ListOptions& o) {
  start_pager(env);
  model::ArticleFilter f;
  f.states = typed_words<model::ArticleState>("article state", o.states);
  f.kinds = typed_words<model::ArticleKind>("article kind", o.kinds);
  f.tags = flatten(o.tags);
  f.categories = flatten(o.categories);
  f.services = flatten(o.services);
  f.authors = flatten(o.authors);
  if (f.states.empty() && !o.all)
    f.states = {model::ArticleState::draft, model::ArticleState::published};
  if (!o.sort.empty()) f.sort = flatten({o.sort});
  f.limit = o.limit;
  kb::check_filter(f);
  auto session = env.session(store::Access::read);
  auto writer = format::make_row_writer(o.format, env.out, env.style());
  if (!env.globals.quiet) writer->begin(article_columns());
  kb::each_article(session, f, [&](const model::Article& a) {
    if (env.globals.quiet)
      env.out << a.id << '\n';
    else
      writer->row(kb::article_summary_json(a, env.zone()));
    return true;
  });
  if (!env.globals.quiet) writer->end();
  return 0;
}

CLI::App* add_list(CLI::App& kb, ListOptions& o) {
  CLI::App* sub = kb.add_subcommand("list", "List articles, filtered and sorted");
  sub->add_option("--kind", o.kinds, "how-to, faq or known-error")->option_text("KIND");
  sub->add_option("-s,--state", o.states, "draft, published or retired (default: not retired)")
      ->option_text("STATE");
  sub->add_flag("--all", o.all, "Every state, retired too");
  sub->add_option("-t,--tag", o.tags, "Tag (every tag given must be present)")->option_text("TAG");
  sub->add_option("--category", o.categories, "Category")->option_text("CATEGORY");
  sub->add_option("--service", o.services, "Service")->option_text("SERVICE");
  sub->add_option("--author", o.authors, "Author")->option_text("WHO");
  sub->add_option("--sort", o.sort,
                  "Sort by id, title, kind, state, created, updated, published or uses; "
                  "'-' for descending: -uses,title")
      ->option_text("FIELDS");
  add_int(*sub, "-n,--limit", o.limit, "Show at most N articles (0: all)", 0, kMaxLimit);
  add_format(*sub, o.format, kRowFormats);
  return sub;
}

}  // namespace

Sub list(CLI::App& kb) {
  auto o = std::make_shared<ListOptions>();
  return {add_list(kb, *o), [o](Env& env) { return run_list(env, *o); }};
}

}  // namespace desk::cmd::kbcmd
