// desk kb show: an article, rendered for the terminal
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

struct ShowOptions {
  std::string id;
  int version = 0;
  bool raw = false;
  Format format = Format::table;
};

void print_article(Env& env, const model::Article& a, const std::vector<model::ArticleLink>& links,
                   const std::optional<model::ArticleVersion>& v) {
  auto& out = env.out;
  Zone zone = env.zone();
  // Every field is cleaned, as the Markdown is: no escape reaches the terminal.
  std::string heading = fmt::format("Article {}: {}", a.id, util::single_line(a.title));
  out << paint(env, Tone::bold, heading) << '\n';
  auto line = [&](const std::string& label, const std::string& value, Tone tone = Tone::plain) {
    if (!value.empty())
      out << fmt::format("  {:<14}", label) << paint(env, tone, util::single_line(value)) << '\n';
  };
  line("kind",
       fmt::format("{}{}", a.kind, a.fix_status ? fmt::format(" (fix {})", *a.fix_status) : ""));
  line("state", std::string(util::name(a.state)), state_tone(a.state));
  line("tags", a.tags.empty() ? "(none)" : util::join(a.tags, ", "));
  line("category", a.category);
  line("service", a.service);
  line("author", a.author);
  if (v)
    line("version",
         fmt::format("{} ({} by {} {})", v->number, v->action, v->actor, format_human(v->at, zone)),
         Tone::magenta);
  else
    line("version", std::to_string(a.version));
  line("created", format_human(a.created_at, zone));
  line("updated", format_human(a.updated_at, zone));
  if (a.published_at) line("published", format_human(*a.published_at, zone));
  if (a.retired_at) line("retired", format_human(*a.retired_at, zone));
  if (!v) {
    std::vector<std::int64_t> linked, resolved;
    for (const auto& l : links) {
      linked.push_back(l.ticket_id);
      if (l.resolved_at) resolved.push_back(l.ticket_id);
    }
    line("used", resolved.empty() ? "0"
                                  : fmt::format("{} (resolved tickets {})", resolved.size(),
                                                ids_text(resolved)));
    if (!linked.empty()) line("tickets", ids_text(linked));
  }
  format::TerminalStyle style{env.color, env.width ? env.width : 80, 2};
  auto section = [&](const char* label, const std::string& text) {
    if (text.empty()) return;
    out << '\n';
    if (label) out << paint(env, Tone::bold, label) << '\n';
    out << format::markdown_to_terminal(text, style);
  };
  section("Symptom", a.symptom);
  section("Cause", a.cause);
  section("Workaround", a.workaround);
  section(a.known_error() ? "Details" : nullptr, a.body);
}

int run_show(Env& env, const ShowOptions& o) {
  start_pager(env);
  std::int64_t id = kb::parse_article_id(o.id);
  auto session = env.session(store::Access::read);
  std::optional<model::ArticleVersion> v;
  model::Article a;
  if (o.version > 0) {
    v = kb::require_version(session, id, o.version);
    a = v->article;
  } else {
    a = kb::require_article(session, id);
  }
  if (o.raw) {
    env.out << a.body << (a.body.empty() ? "" : "\n");
    return 0;
  }
  std::vector<model::ArticleLink> links =
      v ? std::vector<model::ArticleLink>{} : kb::tickets_for_article(session, id);
  if (o.format == Format::json) {
    Json j = kb::article_json(a, links, env.zone());
    if (v) {
      j.erase("linked_tickets");
      j.erase("resolved_tickets");
      j["revision"] = kb::version_json(*v, env.zone());
    }
    print_json(env, j);
  } else {
    print_article(env, a, links, v);
  }
  return 0;
}

CLI::App* add_show(CLI::App& kb, ShowOptions& o) {
  CLI::App* sub = kb.add_subcommand("show", "Show an article, rendered for the terminal");
  sub->add_option("id", o.id, "Article id")->required();
  add_int(*sub, "--version", o.version, "The article as it was at version N", 1, kMaxLimit);
  sub->add_flag("--raw", o.raw, "Print the body's Markdown as stored");
  add_format(*sub, o.format, {Format::text, Format::json});
  return sub;
}

}  // namespace

Sub show(CLI::App& kb) {
  auto o = std::make_shared<ShowOptions>();
  return {add_show(kb, *o), [o](Env& env) { return run_show(env, *o); }};
}

}  // namespace desk::cmd::kbcmd
