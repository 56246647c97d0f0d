// desk kb edit: a new version of an article
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

struct EditOptions {
  std::string id;
  Text title, kind, body, symptom, cause, workaround, fix_status, category, service, message;
  std::vector<std::string> tags, untags;
  Format format = Format::table;
};

int run_edit(Env& env, const EditOptions& o) {
  std::int64_t id = kb::parse_article_id(o.id);
  kb::EditRequest r;
  r.title = o.title.get();
  if (o.kind.given()) r.kind = work::require_word<model::ArticleKind>("article kind", o.kind.value);
  r.body = o.body.get();
  r.symptom = o.symptom.get();
  r.cause = o.cause.get();
  r.workaround = o.workaround.get();
  r.fix_status = o.fix_status.get();
  r.category = o.category.get();
  r.service = o.service.get();
  r.add_tags = flatten(o.tags);
  r.remove_tags = flatten(o.untags);
  if (r.empty()) {
    // The whole article: from standard input, or in the editor.
    std::string text, name;
    if (!env.stdin_tty) {
      text = read_text(std::cin, "standard input", env.config().limits.article, "article");
      name = "<stdin>";
    } else {
      auto reader = env.session(store::Access::read);
      model::Article a = kb::require_article(reader, id);
      text = edit_in_editor(kb::write_editable(a), fmt::format("desk-kb-{}", id), ".md");
      name = "<editor>";
    }
    kb::Document d = kb::parse_document(text, name, env.zone(), &kb::editable_keys());
    r = kb::edit_from_document(d);
  }
  r.note = o.message.value;

  auto v = write(env, [&](work::Session& s) { return kb::edit_article(s, id, r); });
  if (o.format == Format::json)
    print_json(env, v ? kb::version_json(*v, env.zone()) : Json());
  else if (!env.globals.quiet)
    env.out << (v ? fmt::format("Edited article {}: {} (version {})\n", id,
                                util::join(v->changed, ", "), v->number)
                  : fmt::format("Article {} unchanged\n", id));
  return 0;
}

CLI::App* add_edit(CLI::App& kb, EditOptions& o) {
  CLI::App* sub =
      kb.add_subcommand("edit", "Change an article: a new version (no field flags: $EDITOR)");
  sub->add_option("id", o.id, "Article id")->required();
  add_text(*sub, o.title, "--title", "New title").option->option_text("TEXT");
  add_text(*sub, o.kind, "--kind", "New kind").option->option_text("KIND");
  add_text(*sub, o.body, "--body", "New body, in Markdown").option->option_text("TEXT");
  add_text(*sub, o.symptom, "--symptom", "New symptom ('' clears it)").option->option_text("TEXT");
  add_text(*sub, o.cause, "--cause", "New cause ('' clears it)").option->option_text("TEXT");
  add_text(*sub, o.workaround, "--workaround", "New workaround ('' clears it)")
      .option->option_text("TEXT");
  add_text(*sub, o.fix_status, "--fix-status", "open, in-progress, fixed or wont-fix")
      .option->option_text("STATUS");
  add_text(*sub, o.category, "--category", "New category ('' clears it)")
      .option->option_text("CATEGORY");
  add_text(*sub, o.service, "--service", "New service ('' clears it)")
      .option->option_text("SERVICE");
  sub->add_option("-t,--tag", o.tags, "Add a tag")->option_text("TAG");
  sub->add_option("--untag", o.untags, "Remove a tag")->option_text("TAG");
  add_text(*sub, o.message, "-m,--message", "Why: kept with the version")
      .option->option_text("TEXT");
  add_format(*sub, o.format, {Format::text, Format::json});
  return sub;
}

}  // namespace

Sub edit(CLI::App& kb) {
  auto o = std::make_shared<EditOptions>();
  return {add_edit(kb, *o), [o](Env& env) { return run_edit(env, *o); }};
}

}  // namespace desk::cmd::kbcmd
