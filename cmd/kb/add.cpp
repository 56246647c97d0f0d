// desk kb add: a new article, a draft (or from a ticket)
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

struct AddOptions {
  std::string title;
  Text kind, message, symptom, cause, workaround, fix_status, category, service, from_ticket;
  std::vector<std::string> tags;
  Format format = Format::table;
};

int run_add(Env& env, const AddOptions& o) {
  kb::AddRequest r;
  r.title = o.title;
  r.symptom = o.symptom.get();
  r.cause = o.cause.get();
  r.workaround = o.workaround.get();
  r.fix_status = o.fix_status.get();
  r.category = o.category.get();
  r.service = o.service.get();
  r.tags = flatten(o.tags);
  if (o.from_ticket.given()) r.from_ticket = work::parse_ticket_id(o.from_ticket.value);
  if (util::trim(r.title).empty() && !r.from_ticket)
    throw UsageError("an article needs a title",
                     "desk kb add \"TITLE\" --kind how-to, or desk kb add --from-ticket ID");
  if (o.kind.given()) r.kind = work::require_word<model::ArticleKind>("article kind", o.kind.value);
  // The body: -m; else, unless the article is drafted from a ticket or is a
  // known error given by its fields, standard input or the editor.
  bool fields_suffice = r.from_ticket || (r.kind == model::ArticleKind::known_error && r.symptom);
  if (o.message.given() || !fields_suffice)
    r.body = long_text(env, o.message, "The article in Markdown.\nTitle: " + r.title, true);

  kb::Added added = write(env, [&](work::Session& s) { return kb::add_article(s, r); });

  const model::Article& a = added.article;
  if (o.format == Format::json)
    print_json(env, kb::article_json(a, env.zone()));
  else if (env.globals.quiet)
    env.out << a.id << '\n';
  else
    env.out << fmt::format("Added article {} ({} {}): {}{}\n", a.id, a.state, a.kind, a.title,
                           r.from_ticket ? fmt::format(", from ticket {}", *r.from_ticket) : "");
  return 0;
}

CLI::App* add_add(CLI::App& kb, AddOptions& o) {
  CLI::App* sub = kb.add_subcommand("add", "Write a new article (a draft)");
  sub->add_option("title", o.title, "What the article is about, in one line");
  add_text(*sub, o.kind, "--kind", "how-to (default), faq or known-error")
      .option->option_text("KIND");
  add_text(*sub, o.message, "-m,--message",
           "The body in Markdown (default: standard input, else $EDITOR)")
      .option->option_text("TEXT");
  add_text(*sub, o.symptom, "--symptom", "Known error: what the user sees")
      .option->option_text("TEXT");
  add_text(*sub, o.cause, "--cause", "Known error: why it happens").option->option_text("TEXT");
  add_text(*sub, o.workaround, "--workaround", "Known error: how to carry on meanwhile")
      .option->option_text("TEXT");
  add_text(*sub, o.fix_status, "--fix-status",
           "Known error: open (default), in-progress, fixed or wont-fix")
      .option->option_text("STATUS");
  add_text(*sub, o.category, "--category", "Category (see [tickets].categories)")
      .option->option_text("CATEGORY");
  add_text(*sub, o.service, "--service", "The service it is about").option->option_text("SERVICE");
  sub->add_option("-t,--tag", o.tags, "A tag (repeat, or separate with commas)")
      ->option_text("TAG");
  add_text(*sub, o.from_ticket, "--from-ticket",
           "Draft it from a ticket: its description, workaround and resolution")
      .option->option_text("ID");
  add_format(*sub, o.format, {Format::text, Format::json});
  return sub;
}

}  // namespace

Sub add(CLI::App& kb) {
  auto o = std::make_shared<AddOptions>();
  return {add_add(kb, *o), [o](Env& env) { return run_add(env, *o); }};
}

}  // namespace desk::cmd::kbcmd
