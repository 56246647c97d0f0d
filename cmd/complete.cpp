// desk __complete WHAT [ARG...]: candidates for the shell completion scripts
// in completions/, one per line: the candidate, then a tab and a description
// where there is one. It answers from the command table, the CLI11 options and
// the configuration, so completion never goes stale. It never prints errors,
// since a shell is reading.
//
// The protocol the scripts rely on (keep it stable):
//   commands                    every public command
//   globals                     the global options (valid before or after the command)
//   options "CMD [SUB]"         CMD's own options and its sub-commands;
//                               "" gives the global options and the commands
//   values-for OPT ["CMD [SUB]"]
//                               candidates for the value of OPT (long or short) given
//                               to CMD or as a global option; exits 1, printing
//                               nothing, when OPT takes no value or is unknown, so a
//                               script can go on completing as if it were absent
//   arguments "CMD [SUB]" [WORD...]
//                               candidates for the positional argument the next
//                               word fills, given the WORDs typed after CMD [SUB]
//                               (options and their values are skipped); nothing
//                               once every positional is given
//   KIND                        a list: statuses, status-filters, types, channels,
//                               categories, priorities, impacts, urgencies, codes,
//                               teams, suppliers, technicians, allocation-targets
//                               (technicians and teams), ids, formats,
//                               pending-reasons, link-kinds, mail-routes, sort-fields,
//                               columns
// A value that is free text or a path gets no candidates; the scripts then
// offer file names, as the shells do by default. Global options such as
// --config go before `__complete`, so that lists come from the right file.
#include <fmt/format.h>

#include "desk/config/locate.hpp"
#include "desk/mail/attachments.hpp"
#include "desk/model/mail.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/report/period.hpp"
#include "desk/store/open/open.hpp"
#include "desk/tickets/filter.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/validate.hpp"

#include "registry.hpp"
#include "render.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::string what;
  CLI::App* root = nullptr;
  CLI::App* self = nullptr;
};

// Which list a value comes from: an option's by its long name, a positional
// argument's by its name. An entry for one command wins over one for any
// command ("").
struct ValueKind {
  std::string_view command;
  std::string_view name;
  std::string_view kind;
};
constexpr ValueKind kOptionValues[] = {
    {"", "type", "types"},
    {"", "channel", "channels"},
    {"", "category", "categories"},
    {"", "priority", "priorities"},
    {"", "impact", "impacts"},
    {"", "urgency", "urgencies"},
    {"", "status", "status-filters"},
    {"", "format", "formats"},
    {"", "team", "teams"},
    {"", "to", "allocation-targets"},
    {"", "code", "codes"},
    {"", "on", "pending-reasons"},
    {"", "assignee", "technicians"},
    {"", "as", "technicians"},
    {"", "sort", "sort-fields"},
    {"", "columns", "columns"},
    {"escalate", "to", "teams"},
    {"escalate", "supplier", "suppliers"},
    {"link", "to", "ids"},
    {"link", "kind", "link-kinds"},
    {"mail", "route", "mail-routes"},
    {"mail", "ticket", "ids"},
    {"resolve", "duplicate-of", "ids"},
    {"report", "period", "periods"},
};
constexpr ValueKind kArgumentValues[] = {
    {"", "id", "ids"},
    {"", "command", "commands"},
    {"attachment", "name", "attachments"},
    {"away", "technician", "technicians"},
};

std::string_view kind_of(const auto& table, std::string_view command, std::string_view name) {
  std::string_view any;
  for (const auto& entry : table) {
    if (entry.name != name) continue;
    if (entry.command == command) return entry.kind;
    if (entry.command.empty()) any = entry.kind;
  }
  return any;
}

// "config check" → "config".
std::string_view command_of(std::string_view path) {
  return path.substr(0, path.find(' '));
}

void print_commands(Env& env) {
  for (const auto& c : commands())
    if (c.category != Category::internal) env.out << c.name << '\t' << c.summary << '\n';
}

// Options with a name; only those of `group` when one is given.
void print_options(Env& env, const CLI::App* app, std::string_view group = {}) {
  for (const CLI::Option* opt : app->get_options()) {
    if (opt->get_group().empty() || (!group.empty() && opt->get_group() != group)) continue;
    for (const auto& name : opt->get_lnames())
      env.out << "--" << name << '\t' << opt->get_description() << '\n';
    for (const auto& name : opt->get_snames())
      env.out << "-" << name << '\t' << opt->get_description() << '\n';
  }
}

// "config check" → the config command's check sub-command; nullptr when
// a word names nothing, or names an internal command.
CLI::App* find_app(CLI::App* root, const std::string& path) {
  CLI::App* app = root;
  for (const auto& name : util::split(path, ' ')) {
    if (name.empty()) continue;
    if (app == root) {
      const Command* c = find_command(name);
      if (c == nullptr || c->category == Category::internal) return nullptr;
    }
    CLI::App* next = nullptr;
    for (CLI::App* sub : app->get_subcommands({}))
      if (sub->get_name() == name) next = sub;
    if (next == nullptr) return nullptr;
    app = next;
  }
  return app;
}

// The members of an option checked with CLI::IsMember, whose description
// is "{a,b,c}"; empty for any other option.
std::vector<std::string> members(CLI::Option* opt) {
  try {
    std::string d = opt->get_validator()->get_description();
    if (d.size() < 2 || d.front() != '{' || d.back() != '}') return {};
    return util::split(d.substr(1, d.size() - 2), ',');
  } catch (const CLI::Error&) {
    return {};
  }
}

void lines(Env& env, const std::vector<std::string>& values) {
  for (const auto& v : values) env.out << v << '\n';
}

// The store, read-only; a shell is waiting, so a writer holding it for
// longer than a moment means no candidates rather than a pause.
std::unique_ptr<store::Store> open_briefly(const config::Config& c) {
  return store::open(c.store, store::Access::read, std::chrono::milliseconds(200));
}

void print_kind(Env& env, std::string_view kind) {
  if (kind == "commands") return print_commands(env);
  if (kind == "statuses") return lines(env, util::names<model::Status>());
  if (kind == "status-filters") {
    lines(env, util::names<model::Status>());
    env.out << "open\tevery status before resolved\nall\tevery status\n";
    return;
  }
  if (kind == "pending-reasons") return lines(env, util::names<model::PendingReason>());
  if (kind == "link-kinds") return lines(env, util::names<model::LinkKind>());
  if (kind == "mail-routes") return lines(env, util::names<model::MailRoute>());
  if (kind == "periods") {
    // last-N-days stands for any N: offer the usual ones.
    for (const auto& name : util::split(report::period_names(), ','))
      if (std::string_view n = util::trim(name); n == "last-N-days")
        env.out << "last-7-days\nlast-30-days\nlast-90-days\n";
      else
        env.out << n << '\n';
    return;
  }
  if (kind == "formats")
    return lines(env, {"table", "json", "jsonl", "csv", "tsv", "markdown", "html"});
  if (kind == "sort-fields") return lines(env, tickets::sort_fields());
  if (kind == "columns") return lines(env, known_list_columns());
  config::Config c = config::resolve(env.globals.config, env.globals.db);
  if (kind == "types") return lines(env, c.tickets.types);
  if (kind == "channels") return lines(env, c.tickets.channels);
  if (kind == "categories") return lines(env, c.tickets.categories);
  if (kind == "priorities") return lines(env, c.priority.levels);
  if (kind == "impacts") return lines(env, c.priority.impact);
  if (kind == "urgencies") return lines(env, c.priority.urgency);
  if (kind == "codes") return lines(env, c.tickets.resolution_codes);
  if (kind == "teams" || kind == "allocation-targets")
    for (const auto& [name, t] : c.teams)
      if (!t.supplier) env.out << name << "\tteam, tier " << t.tier << '\n';
  if (kind == "suppliers")
    for (const auto& [name, t] : c.teams)
      if (t.supplier)
        env.out << name << "\tsupplier" << (t.contact.empty() ? "" : ", ") << t.contact << '\n';
  if (kind == "technicians" || kind == "allocation-targets")
    for (const auto& [id, t] : c.technicians) env.out << id << '\t' << t.name << '\n';
  if (kind == "ids") {
    auto store = open_briefly(c);
    model::Query q;
    // Open tickets, and resolved ones (which may yet be closed or reopened).
    q.statuses.assign(model::kOpenStatuses.begin(), model::kOpenStatuses.end());
    q.statuses.push_back(model::Status::resolved);
    q.sort = {{"updated", true}};
    q.limit = 200;
    store->each_ticket(q, {c.priority.levels}, [&](const model::Ticket& t) {
      env.out << t.id << '\t' << t.title << '\n';
      return true;
    });
  }
}

// The option `word` names for `app`, its own or an ancestor's; nullptr if none.
CLI::Option* option_named(CLI::App* app, const std::string& word) {
  CLI::Option* opt = nullptr;
  for (CLI::App* a = app; a != nullptr && opt == nullptr; a = a->get_parent())
    opt = a->get_option_no_throw(word);
  return opt;
}

// values-for OPT [PATH]: 1 when OPT takes no value here.
int values_for(Env& env, const Options& o, const std::string& name, const std::string& path) {
  CLI::Option* opt = option_named(find_app(o.root, path), name);
  if (opt == nullptr || opt->get_expected_max() == 0 || opt->get_lnames().empty()) return 1;
  if (auto set = members(opt); !set.empty()) {
    lines(env, set);
    return 0;
  }
  if (auto kind = kind_of(kOptionValues, command_of(path), opt->get_lnames().front());
      !kind.empty())
    print_kind(env, kind);
  return 0;
}

// The positional arguments among the words typed after a command: options
// are skipped, and so are the values of those that take one (--opt VALUE).
std::vector<std::string> positionals(CLI::App* app, const std::vector<std::string>& words) {
  std::vector<std::string> given;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.size() < 2 || w[0] != '-') {
      given.push_back(w);
      continue;
    }
    if (w.find('=') != std::string::npos) continue;
    if (CLI::Option* opt = option_named(app, w); opt != nullptr && opt->get_expected_max() > 0) ++i;
  }
  return given;
}

// The names of a ticket's attachments, each with its type and size.
void print_attachments(Env& env, const std::string& ticket) {
  config::Config c = config::resolve(env.globals.config, env.globals.db);
  auto store = open_briefly(c);
  work::Session session{c, *store, Instant{}, {}};
  for (const auto& a : mail::ticket_attachments(session, work::parse_ticket_id(ticket)))
    env.out << a.name << '\t' << a.content_type << ", " << a.size << " bytes\n";
}

void arguments(Env& env, const Options& o, const std::string& path,
               const std::vector<std::string>& words) {
  CLI::App* app = find_app(o.root, path);
  if (app == nullptr || app == o.root) return;
  std::vector<std::string> given = positionals(app, words);
  std::size_t before = 0;  // words taken by the positionals before this one
  for (const CLI::Option* opt : app->get_options()) {
    if (!opt->get_lnames().empty() || !opt->get_snames().empty()) continue;
    auto takes = static_cast<std::size_t>(opt->get_items_expected_max());
    if (given.size() >= before + takes) {
      before += takes;
      continue;
    }
    auto kind = kind_of(kArgumentValues, command_of(path), opt->get_name());
    if (kind == "attachments" && !given.empty()) return print_attachments(env, given.front());
    if (!kind.empty()) print_kind(env, kind);
    return;
  }
}

int run(Env& env, const Options& o) {
  std::vector<std::string> args = o.self->remaining();
  auto arg = [&](std::size_t i) { return i < args.size() ? args[i] : std::string(); };
  try {
    if (o.what == "commands") {
      print_commands(env);
    } else if (o.what == "globals") {
      print_options(env, o.root, kGlobalGroup);
    } else if (o.what == "options") {
      CLI::App* app = find_app(o.root, arg(0));
      if (app == nullptr) return 0;
      print_options(env, app);
      if (app == o.root) return print_commands(env), 0;
      for (const CLI::App* sub : app->get_subcommands({}))
        env.out << sub->get_name() << '\t' << sub->get_description() << '\n';
    } else if (o.what == "values-for") {
      return values_for(env, o, arg(0), arg(1));
    } else if (o.what == "arguments") {
      arguments(env, o, arg(0), {args.begin() + std::min<std::size_t>(args.size(), 1), args.end()});
    } else {
      print_kind(env, o.what);
    }
  } catch (const std::exception&) {
    // A shell is reading: say nothing, offer nothing.
  }
  return 0;
}

}  // namespace

Runner cmd_complete(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  o->root = sub.get_parent();
  o->self = &sub;
  // Everything after WHAT is taken as it is, options included ("values-for
  // --type log"); so global options must come before __complete.
  // No --help of its own either: "values-for --help log" asks about log's.
  sub.fallthrough(false);
  sub.prefix_command();
  sub.set_help_flag();
  sub.add_option("what", o->what, "commands | options CMD | values-for OPT CMD | ids | ...");
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
