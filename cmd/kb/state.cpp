// desk kb publish and retire: an article's state
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
#include "registry.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd::kbcmd {

namespace {

struct StateOptions {
  std::vector<std::string> ids;
  std::string message;
  Format format = Format::table;
};

std::vector<std::int64_t> article_ids(Env& env, const std::vector<std::string>& args) {
  return collect_ids(env, args, kb::parse_article_id, "an article id");
}

int run_state(Env& env, const StateOptions& o, bool publish) {
  auto ids = article_ids(env, o.ids);
  auto versions = write(env, [&](work::Session& s) {
    std::vector<model::ArticleVersion> done;
    for (auto id : ids)
      done.push_back(publish ? kb::publish_article(s, id, o.message)
                             : kb::retire_article(s, id, o.message));
    return done;
  });
  if (o.format == Format::json) {
    Json out = Json::array();
    for (const auto& v : versions) out.push_back(kb::article_json(v.article, env.zone()));
    print_json(env, versions.size() == 1 ? out[0] : out);
  } else if (!env.globals.quiet) {
    for (const auto& v : versions)
      env.out << fmt::format("{} article {}: {} (version {})\n", publish ? "Published" : "Retired",
                             v.article.id, v.article.title, v.number);
  }
  return 0;
}

CLI::App* add_state(CLI::App& kb, StateOptions& o, bool publish) {
  CLI::App* sub = publish ? kb.add_subcommand("publish", "Publish a draft (or a retired article)")
                          : kb.add_subcommand("retire", "Retire an article: kept, never suggested");
  sub->add_option("id", o.ids, "Article ids ('-' reads them from standard input)")->required();
  sub->add_option("-m,--message", o.message, "Why: kept with the version")->option_text("TEXT");
  add_format(*sub, o.format, {Format::text, Format::json});
  return sub;
}

}  // namespace

Sub publish(CLI::App& kb) {
  auto o = std::make_shared<StateOptions>();
  return {add_state(kb, *o, true), [o](Env& env) { return run_state(env, *o, true); }};
}

Sub retire(CLI::App& kb) {
  auto o = std::make_shared<StateOptions>();
  return {add_state(kb, *o, false), [o](Env& env) { return run_state(env, *o, false); }};
}

}  // namespace desk::cmd::kbcmd
