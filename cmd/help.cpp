// desk help [COMMAND [SUBCOMMAND...]]
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::vector<std::string> words;
  CLI::App* root = nullptr;
};

int run(Env& env, const Options& o) {
  if (o.words.empty()) {
    env.out << overview();
    return 0;
  }
  const std::string& topic = o.words.front();
  const Command* c = find_command(topic);
  if (c == nullptr || c->category == Category::internal) {
    std::vector<std::string> names;
    for (const auto& cmd : commands())
      if (cmd.category != Category::internal) names.emplace_back(cmd.name);
    auto near = util::closest(topic, names);
    throw UsageError(fmt::format("no help on {}", util::quoted(topic)),
                     near ? fmt::format("did you mean 'desk help {}'?", *near)
                          : "'desk help' lists the commands");
  }
  // The same text as `desk CMD SUB --help`, its usage line included.
  CLI::App* app = o.root->get_subcommand(std::string(c->name));
  std::string prefix = o.root->get_name();
  for (std::size_t i = 1; i < o.words.size(); ++i) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app->get_subcommands({})) names.push_back(sub->get_name());
    const std::string& word = o.words[i];
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      std::string path = prefix + " " + app->get_name();
      auto near = util::closest(word, names);
      throw UsageError(names.empty()
                           ? fmt::format("'{}' has no subcommands", path)
                           : fmt::format("'{}' has no subcommand {}", path, util::quoted(word)),
                       near ? fmt::format("did you mean 'desk help {} {}'?",
                                          path.substr(o.root->get_name().size() + 1), *near)
                            : fmt::format("'{} --help' lists what it has", path));
    }
    prefix += " " + app->get_name();
    app = app->get_subcommand(word);
  }
  env.out << app->help(prefix);
  return 0;
}

}  // namespace

Runner cmd_help(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  o->root = sub.get_parent();
  sub.add_option("command", o->words, "The command to explain, and its subcommand if any");
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
