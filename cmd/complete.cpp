// desk __complete WHAT [ARG]: candidates for the shell completion scripts,
// one per line (name, a tab, a description where there is one). It answers
// from the command table and the configuration, so completion never goes
// stale; it never prints errors, since a shell is reading.
#include <fmt/format.h>

#include "desk/config/locate.hpp"
#include "desk/store/store.hpp"
#include "desk/tickets/vocabulary.hpp"

#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::string what;
  std::string arg;
  CLI::App* root = nullptr;
};

void options_of(Env& env, CLI::App* app) {
  for (const CLI::Option* opt : app->get_options()) {
    if (opt->get_group().empty()) continue;
    for (const auto& name : opt->get_lnames())
      env.out << "--" << name << '\t' << opt->get_description() << '\n';
    for (const auto& name : opt->get_snames())
      env.out << "-" << name << '\t' << opt->get_description() << '\n';
  }
  for (const CLI::App* sub : app->get_subcommands({}))
    env.out << sub->get_name() << '\t' << sub->get_description() << '\n';
}

void values(Env& env, const std::string& kind) {
  const auto lines = [&](const std::vector<std::string>& v) {
    for (const auto& s : v) env.out << s << '\n';
  };
  if (kind == "statuses") return lines(tickets::kStatuses);
  if (kind == "pending-reasons") return lines(tickets::kPendingReasons);
  if (kind == "link-kinds") return lines(tickets::kLinkKinds);
  if (kind == "formats") return lines({"table", "json", "jsonl", "csv", "tsv", "markdown", "html"});
  config::Config c = config::resolve(env.globals.config, env.globals.db);
  if (kind == "types") return lines(c.tickets.types);
  if (kind == "channels") return lines(c.tickets.channels);
  if (kind == "categories") return lines(c.tickets.categories);
  if (kind == "priorities") return lines(c.priority.levels);
  if (kind == "impacts") return lines(c.priority.impact);
  if (kind == "urgencies") return lines(c.priority.urgency);
  if (kind == "codes") return lines(c.tickets.resolution_codes);
  if (kind == "teams") {
    for (const auto& [name, t] : c.teams) env.out << name << "\ttier " << t.tier << '\n';
    return;
  }
  if (kind == "technicians") {
    for (const auto& [id, t] : c.technicians) env.out << id << '\t' << t.name << '\n';
    return;
  }
  if (kind == "ids") {
    auto store = store::open(c.store, store::Access::read, std::chrono::milliseconds(200));
    tickets::Query q;
    q.statuses = {"new", "assigned", "in-progress", "pending", "resolved"};
    q.sort = {{"updated", true}};
    q.limit = 200;
    store->each_ticket(q, {c.priority.levels}, [&](const tickets::Ticket& t) {
      env.out << t.id << '\t' << t.title << '\n';
      return true;
    });
  }
}

int run(Env& env, const Options& o) {
  try {
    if (o.what == "commands") {
      for (const auto& c : commands())
        if (c.category != Category::internal) env.out << c.name << '\t' << c.summary << '\n';
    } else if (o.what == "options") {
      CLI::App* app = o.root;
      std::string path = o.arg;
      // "kb add" → the kb command's add subcommand.
      std::size_t start = 0;
      while (app && start < path.size()) {
        std::size_t end = path.find(' ', start);
        if (end == std::string::npos) end = path.size();
        std::string name = path.substr(start, end - start);
        CLI::App* next = nullptr;
        for (CLI::App* sub : app->get_subcommands({}))
          if (sub->get_name() == name) next = sub;
        app = name.empty() ? app : next;
        start = end + 1;
      }
      if (app) options_of(env, app);
    } else {
      values(env, o.what);
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
  sub.add_option("what", o->what,
                 "commands | options CMD | ids | teams | technicians | statuses | ...")
      ->required();
  sub.add_option("arg", o->arg, "The command, for options");
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
