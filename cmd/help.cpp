// desk help [COMMAND]
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::string topic;
  CLI::App* root = nullptr;
};

int run(Env& env, const Options& o) {
  if (o.topic.empty()) {
    env.out << overview();
    return 0;
  }
  const Command* c = find_command(o.topic);
  if (c == nullptr || c->category == Category::internal) {
    std::vector<std::string> names;
    for (const auto& cmd : commands())
      if (cmd.category != Category::internal) names.emplace_back(cmd.name);
    auto near = util::closest(o.topic, names);
    throw UsageError(fmt::format("no help on {}", util::quoted(o.topic)),
                     near ? fmt::format("did you mean 'desk help {}'?", *near)
                          : "'desk help' lists the commands");
  }
  // The same text as `desk CMD --help`, usage line "desk CMD ..." included.
  env.out << o.root->get_subcommand(std::string(c->name))->help(o.root->get_name());
  return 0;
}

}  // namespace

Runner cmd_help(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  o->root = sub.get_parent();
  sub.add_option("command", o->topic, "The command to explain");
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
