// desk kb search and suggest: full-text search, and articles for a ticket
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

// The human layout: each hit's id and title, then its snippet, with the
// matched words highlighted on a terminal.
void print_hits(Env& env, const std::vector<model::ArticleHit>& hits) {
  std::size_t width = 1;
  for (const auto& h : hits) width = std::max(width, std::to_string(h.article.id).size());
  for (const auto& h : hits) {
    const model::Article& a = h.article;
    std::string tail(util::name(a.kind));
    if (a.state != model::ArticleState::published) tail += fmt::format(", {}", a.state);
    if (a.use_count > 0) tail += fmt::format(", used {}", a.use_count);
    env.out << fmt::format("{:>{}}  ", a.id, width)
            << format::highlight(h.title.text, h.title.marks, env.color) << "  "
            << paint(env, Tone::dim, "(" + tail + ")") << '\n';
    if (!util::trim(h.snippet.text).empty())
      env.out << std::string(width + 2, ' ')
              << format::highlight(h.snippet.text, h.snippet.marks, env.color) << '\n';
  }
}

void print_hit_rows(Env& env, const std::vector<model::ArticleHit>& hits, Format f) {
  if (env.globals.quiet) {
    for (const auto& h : hits) env.out << h.article.id << '\n';
    return;
  }
  if (f == Format::table) return print_hits(env, hits);
  auto writer = format::make_row_writer(f, env.out, env.style());
  writer->begin({{"id", "ID", Kind::number},
                 {"kind", "KIND"},
                 {"state", "STATE"},
                 {"title", "TITLE"},
                 {"score", "SCORE", Kind::number},
                 {"snippet", "SNIPPET"}});
  for (const auto& h : hits) writer->row(kb::hit_json(h, env.zone()));
  writer->end();
}

struct SearchOptions {
  std::vector<std::string> words, kinds, tags;
  bool all_states = false;
  std::int64_t limit = 20;
  Format format = Format::table;
};

int run_search(Env& env, const SearchOptions& o) {
  start_pager(env);
  std::string text = util::join(o.words, " ");
  model::ArticleFilter f;
  f.kinds = typed_words<model::ArticleKind>("article kind", o.kinds);
  f.tags = flatten(o.tags);
  if (!o.all_states) f.states = {model::ArticleState::published};
  f.limit = o.limit;
  auto session = env.session(store::Access::read);
  std::vector<model::ArticleHit> hits = kb::search_articles(session, text, f);
  if (hits.empty() && !env.globals.quiet)
    env.warn(fmt::format("no {}article matches {}", o.all_states ? "" : "published ",
                         util::quoted(text)),
             o.all_states ? "" : "--all-states also looks at drafts and retired articles");
  print_hit_rows(env, hits, o.format);
  return 0;
}

CLI::App* add_search(CLI::App& kb, SearchOptions& o) {
  CLI::App* sub = kb.add_subcommand("search", "Find articles by their words, best first");
  sub->add_option("query", o.words,
                  "Words (all must match), word* (prefix), \"a phrase\", OR, NOT or -word, "
                  "(groups)")
      ->required();
  sub->add_option("--kind", o.kinds, "Only this kind")->option_text("KIND");
  sub->add_option("-t,--tag", o.tags, "Only articles with this tag")->option_text("TAG");
  sub->add_flag("--all-states", o.all_states, "Drafts and retired articles too");
  add_int(*sub, "-n,--limit", o.limit, "At most N articles (default 20, 0: all)", 0, kMaxLimit);
  add_format(*sub, o.format, kRowFormats);
  return sub;
}

struct SuggestOptions {
  std::string ticket;
  std::int64_t limit = 5;
  Format format = Format::table;
};

int run_suggest(Env& env, const SuggestOptions& o) {
  std::int64_t id = work::parse_ticket_id(o.ticket);
  auto session = env.session(store::Access::read);
  std::vector<model::ArticleHit> hits = kb::suggest_articles(session, id, o.limit);
  if (hits.empty() && !env.globals.quiet)
    env.warn(fmt::format("no published article is like ticket {}", id));
  print_hit_rows(env, hits, o.format);
  return 0;
}

CLI::App* add_suggest(CLI::App& kb, SuggestOptions& o) {
  CLI::App* sub =
      kb.add_subcommand("suggest", "Published articles likely to help with a ticket, best first");
  sub->add_option("ticket", o.ticket, "Ticket id")->required();
  add_int(*sub, "-n,--limit", o.limit, "At most N articles (default 5, 0: all)", 0, kMaxLimit);
  add_format(*sub, o.format, kRowFormats);
  return sub;
}

}  // namespace

Sub search(CLI::App& kb) {
  auto o = std::make_shared<SearchOptions>();
  return {add_search(kb, *o), [o](Env& env) { return run_search(env, *o); }};
}

Sub suggest(CLI::App& kb) {
  auto o = std::make_shared<SuggestOptions>();
  return {add_suggest(kb, *o), [o](Env& env) { return run_suggest(env, *o); }};
}

}  // namespace desk::cmd::kbcmd
