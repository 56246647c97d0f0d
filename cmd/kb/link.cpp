// desk kb link: an article helped with tickets
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

struct LinkOptions {
  std::string article;
  std::vector<std::string> tickets;
  Text at;
  Format format = Format::table;
};

int run_link(Env& env, const LinkOptions& o) {
  std::int64_t article = kb::parse_article_id(o.article);
  auto tickets = collect_ids(env, o.tickets);
  std::optional<Instant> at = event_at(env, o.at);
  auto linked = write(env, [&](work::Session& s) {
    std::vector<bool> fresh;
    for (auto ticket : tickets)
      fresh.push_back(kb::link_article(s, article, ticket, at).event.has_value());
    return fresh;
  });
  if (o.format == Format::json) {
    Json out = Json::array();
    for (std::size_t i = 0; i < tickets.size(); ++i)
      out.push_back({{"article", article}, {"ticket", tickets[i]}, {"linked", bool(linked[i])}});
    print_json(env, tickets.size() == 1 ? out[0] : out);
  } else if (!env.globals.quiet) {
    for (std::size_t i = 0; i < tickets.size(); ++i)
      env.out << (linked[i] ? fmt::format("Linked article {} to ticket {}\n", article, tickets[i])
                            : fmt::format("Article {} was already linked to ticket {}\n", article,
                                          tickets[i]));
  }
  return 0;
}

CLI::App* add_link(CLI::App& kb, LinkOptions& o) {
  CLI::App* sub = kb.add_subcommand("link", "Record that an article helped with a ticket");
  sub->add_option("article", o.article, "Article id")->required();
  sub->add_option("ticket", o.tickets, "Ticket ids ('-' reads them from standard input)")
      ->required();
  add_at(*sub, o.at);
  add_format(*sub, o.format, {Format::text, Format::json});
  return sub;
}

}  // namespace

Sub link(CLI::App& kb) {
  auto o = std::make_shared<LinkOptions>();
  return {add_link(kb, *o), [o](Env& env) { return run_link(env, *o); }};
}

}  // namespace desk::cmd::kbcmd
