// desk kb: the knowledge base. How-tos, FAQs and known errors, written and
// searched from the terminal:
//   add, edit, publish, retire      write (every change is a version)
//   show, list, history             read
//   search, suggest                 find (full text; for a ticket)
//   link                            an article helped with a ticket
//   export, import                  a directory of Markdown files
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

#include "options.hpp"
#include "registry.hpp"
#include "render.hpp"

namespace desk::cmd {

namespace {

using format::Json;
using format::Kind;
using format::Tone;

const std::vector<std::string> kListFormats = {"table", "json", "jsonl", "csv", "tsv"};

std::string paint(const Env& env, Tone t, const std::string& s) {
  if (!env.color || t == Tone::plain) return s;
  return std::string(format::tone_on(t)) + s + std::string(format::kToneOff);
}

Tone state_tone(const Json& v) {
  if (!v.is_string()) return Tone::plain;
  std::string s = v.get<std::string>();
  return s == "draft" ? Tone::yellow : s == "retired" ? Tone::dim : Tone::plain;
}

std::vector<format::Column> article_columns() {
  std::vector<format::Column> c = {{"id", "ID", Kind::number},
                                   {"kind", "KIND"},
                                   {"state", "STATE"},
                                   {"title", "TITLE", Kind::text, true},
                                   {"tags", "TAGS", Kind::list},
                                   {"use_count", "USES", Kind::number},
                                   {"updated_at", "UPDATED", Kind::time}};
  c[2].tone = state_tone;
  return c;
}

std::string ids_text(const std::vector<std::int64_t>& ids) {
  std::vector<std::string> parts;
  for (auto id : ids) parts.push_back(std::to_string(id));
  return util::join(parts, ", ");
}

// ---- add -------------------------------------------------------------

struct AddOptions {
  std::string title;
  Text kind, message, symptom, cause, workaround, fix_status, category, service, from_ticket;
  std::vector<std::string> tags;
  std::string format;
};

int run_add(Env& env, const AddOptions& o) {
  kb::AddRequest r;
  r.title = o.title;
  r.kind = o.kind.get();
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
  // The body: -m; else, unless the article is drafted from a ticket or is a
  // known error given by its fields, standard input or the editor.
  bool fields_suffice = r.from_ticket || (r.kind == "known-error" && r.symptom);
  if (o.message.given() || !fields_suffice)
    r.body = long_text(env, o.message, "The article in Markdown.\nTitle: " + r.title, true);

  auto session = env.session(store::Access::write);
  store::WriteTransaction tx(session.store);
  kb::Added added = kb::add_article(session, r);
  tx.commit();

  const model::Article& a = added.article;
  if (o.format == "json")
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
  add_format(*sub, o.format, {"text", "json"});
  return sub;
}

// ---- edit ------------------------------------------------------------

struct EditOptions {
  std::string id;
  Text title, kind, body, symptom, cause, workaround, fix_status, category, service, message;
  std::vector<std::string> tags, untags;
  std::string format;
};

int run_edit(Env& env, const EditOptions& o) {
  std::int64_t id = kb::parse_article_id(o.id);
  kb::EditRequest r;
  r.title = o.title.get();
  r.kind = o.kind.get();
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
      text = read_text(std::cin, "standard input");
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

  auto session = env.session(store::Access::write);
  store::WriteTransaction tx(session.store);
  auto v = kb::edit_article(session, id, r);
  tx.commit();
  if (o.format == "json")
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
  add_format(*sub, o.format, {"text", "json"});
  return sub;
}

// ---- publish, retire -------------------------------------------------

struct StateOptions {
  std::string id;
  std::string message;
  std::string format;
};

int run_state(Env& env, const StateOptions& o, bool publish) {
  std::int64_t id = kb::parse_article_id(o.id);
  auto session = env.session(store::Access::write);
  store::WriteTransaction tx(session.store);
  model::ArticleVersion v = publish ? kb::publish_article(session, id, o.message)
                                    : kb::retire_article(session, id, o.message);
  tx.commit();
  if (o.format == "json")
    print_json(env, kb::article_json(v.article, env.zone()));
  else if (!env.globals.quiet)
    env.out << fmt::format("{} article {}: {} (version {})\n", publish ? "Published" : "Retired",
                           id, v.article.title, v.number);
  return 0;
}

CLI::App* add_state(CLI::App& kb, StateOptions& o, bool publish) {
  CLI::App* sub = publish ? kb.add_subcommand("publish", "Publish a draft (or a retired article)")
                          : kb.add_subcommand("retire", "Retire an article: kept, never suggested");
  sub->add_option("id", o.id, "Article id")->required();
  sub->add_option("-m,--message", o.message, "Why: kept with the version")->option_text("TEXT");
  add_format(*sub, o.format, {"text", "json"});
  return sub;
}

// ---- show ------------------------------------------------------------

struct ShowOptions {
  std::string id;
  int version = 0;
  bool raw = false;
  std::string format;
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
  line("kind", a.kind + (a.fix_status.empty() ? "" : " (fix " + a.fix_status + ")"));
  line("state", a.state, state_tone(a.state));
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
  if (o.format == "json") {
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
  add_format(*sub, o.format, {"text", "json"});
  return sub;
}

// ---- list ------------------------------------------------------------

struct ListOptions {
  std::vector<std::string> kinds, states, tags, categories, services, authors;
  bool all = false;
  std::string sort, format;
  std::int64_t limit = 0;
};

int run_list(Env& env, const ListOptions& o) {
  model::ArticleFilter f;
  f.kinds = flatten(o.kinds);
  f.states = flatten(o.states);
  f.tags = flatten(o.tags);
  f.categories = flatten(o.categories);
  f.services = flatten(o.services);
  f.authors = flatten(o.authors);
  if (f.states.empty() && !o.all) f.states = {"draft", "published"};
  if (!o.sort.empty()) f.sort = flatten({o.sort});
  f.limit = o.limit;
  kb::check_filter(f);
  auto session = env.session(store::Access::read);
  auto writer = format::make_row_writer(chosen_format(o.format), env.out, env.style());
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
  add_format(*sub, o.format, kListFormats);
  return sub;
}

// ---- search, suggest -------------------------------------------------

// The human layout: each hit's id and title, then its snippet, with the
// matched words highlighted on a terminal.
void print_hits(Env& env, const std::vector<model::ArticleHit>& hits) {
  std::size_t width = 1;
  for (const auto& h : hits) width = std::max(width, std::to_string(h.article.id).size());
  for (const auto& h : hits) {
    const model::Article& a = h.article;
    std::string tail = a.kind;
    if (a.state != "published") tail += ", " + a.state;
    if (a.use_count > 0) tail += fmt::format(", used {}", a.use_count);
    env.out << fmt::format("{:>{}}  ", a.id, width)
            << format::highlight(h.title.text, h.title.marks, env.color) << "  "
            << paint(env, Tone::dim, "(" + tail + ")") << '\n';
    if (!util::trim(h.snippet.text).empty())
      env.out << std::string(width + 2, ' ')
              << format::highlight(h.snippet.text, h.snippet.marks, env.color) << '\n';
  }
}

void print_hit_rows(Env& env, const std::vector<model::ArticleHit>& hits,
                    const std::string& fmt_name) {
  if (env.globals.quiet) {
    for (const auto& h : hits) env.out << h.article.id << '\n';
    return;
  }
  if (fmt_name == "table") return print_hits(env, hits);
  auto writer = format::make_row_writer(chosen_format(fmt_name), env.out, env.style());
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
  std::string format;
};

int run_search(Env& env, const SearchOptions& o) {
  std::string text = util::join(o.words, " ");
  model::ArticleFilter f;
  f.kinds = flatten(o.kinds);
  f.tags = flatten(o.tags);
  if (!o.all_states) f.states = {"published"};
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
  add_format(*sub, o.format, kListFormats);
  return sub;
}

struct SuggestOptions {
  std::string ticket;
  std::int64_t limit = 5;
  std::string format;
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
  add_format(*sub, o.format, kListFormats);
  return sub;
}

// ---- link ------------------------------------------------------------

struct LinkOptions {
  std::string article, ticket;
  Text at;
  std::string format;
};

int run_link(Env& env, const LinkOptions& o) {
  std::int64_t article = kb::parse_article_id(o.article);
  std::int64_t ticket = work::parse_ticket_id(o.ticket);
  std::optional<Instant> at = event_at(env, o.at);
  auto session = env.session(store::Access::write);
  store::WriteTransaction tx(session.store);
  kb::Linked linked = kb::link_article(session, article, ticket, at);
  tx.commit();
  if (o.format == "json") {
    Json j = {{"article", article}, {"ticket", ticket}, {"linked", linked.event.has_value()}};
    print_json(env, j);
  } else if (!env.globals.quiet) {
    env.out << (linked.event
                    ? fmt::format("Linked article {} to ticket {}\n", article, ticket)
                    : fmt::format("Article {} was already linked to ticket {}\n", article, ticket));
  }
  return 0;
}

CLI::App* add_link(CLI::App& kb, LinkOptions& o) {
  CLI::App* sub = kb.add_subcommand("link", "Record that an article helped with a ticket");
  sub->add_option("article", o.article, "Article id")->required();
  sub->add_option("ticket", o.ticket, "Ticket id")->required();
  add_at(*sub, o.at);
  add_format(*sub, o.format, {"text", "json"});
  return sub;
}

// ---- history ---------------------------------------------------------

struct HistoryOptions {
  std::string id;
  std::string format;
};

int run_history(Env& env, const HistoryOptions& o) {
  std::int64_t id = kb::parse_article_id(o.id);
  auto session = env.session(store::Access::read);
  std::vector<model::ArticleVersion> versions = kb::article_history(session, id);
  auto writer = format::make_row_writer(chosen_format(o.format), env.out, env.style());
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
  add_format(*sub, o.format, kListFormats);
  return sub;
}

// ---- export, import --------------------------------------------------

struct ExportOptions {
  std::string dir;
  std::vector<std::string> kinds, states, tags;
  std::string format;
};

int run_export(Env& env, const ExportOptions& o) {
  model::ArticleFilter f;
  f.kinds = flatten(o.kinds);
  f.states = flatten(o.states);
  f.tags = flatten(o.tags);
  kb::check_filter(f);
  auto session = env.session(store::Access::read);
  kb::Exported e = kb::export_articles(session, o.dir, f);
  if (o.format == "json") {
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
  add_format(*sub, o.format, {"text", "json"});
  return sub;
}

struct ImportOptions {
  std::string dir;
  bool dry_run = false;
  std::string format;
};

int run_import(Env& env, const ImportOptions& o) {
  auto session = env.session(store::Access::write);
  store::WriteTransaction tx(session.store);
  std::vector<kb::Imported> results = kb::import_articles(session, o.dir);
  if (!o.dry_run) tx.commit();

  std::map<std::string, int> counts;
  for (const auto& r : results) ++counts[r.action];
  if (env.globals.quiet) return 0;
  auto writer = format::make_row_writer(chosen_format(o.format), env.out, env.style());
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
  if (o.format == "table")
    env.out << fmt::format("{} created, {} updated, {} skipped{}\n", counts["created"],
                           counts["updated"], counts["skipped"],
                           o.dry_run ? " (dry run: nothing written)" : "");
  return 0;
}

CLI::App* add_import(CLI::App& kb, ImportOptions& o) {
  CLI::App* sub = kb.add_subcommand(
      "import", "Bring the Markdown files in DIR into the knowledge base (all or nothing)");
  sub->add_option("dir", o.dir, "The directory")->required();
  sub->add_flag("--dry-run", o.dry_run, "Check and report, but write nothing");
  add_format(*sub, o.format, kListFormats);
  return sub;
}

// ---- the command -----------------------------------------------------

struct Kb {
  AddOptions add;
  EditOptions edit;
  StateOptions publish, retire;
  ShowOptions show;
  ListOptions list;
  SearchOptions search;
  SuggestOptions suggest;
  LinkOptions link;
  HistoryOptions history;
  ExportOptions exp;
  ImportOptions imp;
  std::vector<std::pair<CLI::App*, std::function<int(Env&)>>> subs;
};

}  // namespace

Runner cmd_kb(CLI::App& sub) {
  auto k = std::make_shared<Kb>();
  Kb* p = k.get();
  auto add = [&](CLI::App* app, std::function<int(Env&)> run) {
    app->fallthrough();
    app->footer("See 'man desk-kb' for more.");
    p->subs.emplace_back(app, std::move(run));
  };
  add(add_add(sub, p->add), [p](Env& env) { return run_add(env, p->add); });
  add(add_edit(sub, p->edit), [p](Env& env) { return run_edit(env, p->edit); });
  add(add_state(sub, p->publish, true), [p](Env& env) { return run_state(env, p->publish, true); });
  add(add_state(sub, p->retire, false), [p](Env& env) { return run_state(env, p->retire, false); });
  add(add_show(sub, p->show), [p](Env& env) { return run_show(env, p->show); });
  add(add_list(sub, p->list), [p](Env& env) { return run_list(env, p->list); });
  add(add_search(sub, p->search), [p](Env& env) { return run_search(env, p->search); });
  add(add_suggest(sub, p->suggest), [p](Env& env) { return run_suggest(env, p->suggest); });
  add(add_link(sub, p->link), [p](Env& env) { return run_link(env, p->link); });
  add(add_history(sub, p->history), [p](Env& env) { return run_history(env, p->history); });
  add(add_export(sub, p->exp), [p](Env& env) { return run_export(env, p->exp); });
  add(add_import(sub, p->imp), [p](Env& env) { return run_import(env, p->imp); });
  sub.require_subcommand(1);
  return [k](Env& env) {
    for (const auto& [app, run] : k->subs)
      if (app->parsed()) return run(env);
    throw UsageError("a kb subcommand is needed", "'desk kb --help' lists them");
  };
}

}  // namespace desk::cmd
