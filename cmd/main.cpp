// desk: parse the command line, prepare what the command needs, run it, and
// map what went wrong to the documented exit status (desk(1) EXIT STATUS).
#include <cstdio>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/core/text.hpp"
#include "desk/util/strings.hpp"

#include "context.hpp"
#include "registry.hpp"

#ifdef __SANITIZE_ADDRESS__
// The sanitized build (the test command's). GCC 12's LeakSanitizer, on
// glibc 2.36, misreads the thread-local blocks of libraries loaded with
// dlopen (GLib and GIO, loaded with desk-mime.so for mail): at exit it took
// a block at 0x2f3 and crashed scanning it ("Tracer caught signal 11"): a
// mail command died at exit whenever leaks were checked. Not tracking those
// blocks, it still scans the heap, the stacks and the static thread-local
// blocks for leaks. ASAN_OPTIONS adds to this.
extern "C" const char* __asan_default_options() {
  return "intercept_tls_get_addr=0";
}
#endif

namespace {

using desk::Exit;
using namespace desk::cmd;

void add_globals(CLI::App& app, Globals& g) {
  auto group = kGlobalGroup;
  app.add_option("--config", g.config, "Configuration file (default: lookup, see desk(1))")
      ->group(group)
      ->option_text("FILE");
  app.add_option("--db", g.db, "Store file, overriding the configuration")
      ->group(group)
      ->option_text("FILE");
  app.add_option("--as", g.as, "Who is acting (default: $DESK_USER, then the login name)")
      ->group(group)
      ->option_text("NAME");
  app.add_option("--now", g.now, "The current time, to reproduce a figure")
      ->group(group)
      ->option_text("TIME");
  app.add_flag("-q,--quiet", g.quiet, "Print only ids (or nothing)")->group(group);
  app.add_flag("--no-color", g.no_color, "No colour, even on a terminal")->group(group);
  app.add_flag("--no-pager", g.no_pager, "Print to the terminal, not through a pager")
      ->group(group);
}

// A repeatable option takes one value each time it is given ("-t a -t b",
// or "-t a,b"), never the words after it: CLI11 would otherwise read
// 'desk log -t vpn "VPN drops"' as two tags and no title.
void one_value_each(CLI::App& app) {
  for (CLI::Option* opt : app.get_options([](CLI::Option* o) { return o->nonpositional(); }))
    opt->allow_extra_args(false);
  for (CLI::App* sub : app.get_subcommands({})) one_value_each(*sub);
}

// Whether -h or --help is among the arguments.
bool asks_help(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::string_view a = argv[i]; a == "-h" || a == "--help") return true;
  return false;
}

// The first word that is not a global option or its value: the command.
std::optional<std::string> command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--config" || a == "--db" || a == "--as" || a == "--now") {
      ++i;
      continue;
    }
    if (!a.empty() && a.front() == '-') continue;
    return std::string(a);
  }
  return std::nullopt;
}

int usage(const std::string& message, const std::string& hint) {
  print_error(std::cerr, message, hint);
  return static_cast<int>(Exit::usage);
}

std::string lowercase_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z'))
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

int run(int argc, char** argv) {
  // Every argument is text desk may keep: UTF-8, checked here once.
  for (int i = 1; i < argc; ++i) desk::require_utf8(argv[i], fmt::format("argument {}", i));
  Env env;
  CLI::App app{"desk: a service desk in one command", "desk"};
  app.set_version_flag("--version", std::string("desk ") + DESK_VERSION);
  app.set_help_flag("-h,--help", "Show help");
  app.require_subcommand(0, 1);
  add_globals(app, env.globals);

  // Building every command's options costs more than running most commands:
  // build only the one named, unless help or completion needs them all
  // (`desk --version` and `desk` alone need none).
  auto word = command_word(argc, argv);
  bool all = word ? *word == "help" || *word == "__complete" : asks_help(argc, argv);
  std::map<std::string, Runner, std::less<>> runners;
  for (const auto& c : commands()) {
    if (!all && c.name != *word) continue;
    CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.summary));
    sub->fallthrough();
    sub->footer(fmt::format("See 'man desk-{}' for more.", c.name));
    if (c.category == Category::internal) sub->group("");
    runners[std::string(c.name)] = c.add(*sub);
    if (c.takes_time)
      sub->add_option("--time", env.globals.time,
                      "Time worked on each ticket: 25m, 1h30m (on its first event here)")
          ->option_text("DURATION");
    one_value_each(*sub);
  }

  if (word && !find_command(*word)) {
    std::vector<std::string> names;
    for (const auto& c : commands())
      if (c.category != Category::internal) names.emplace_back(c.name);
    auto near = desk::util::closest(*word, names);
    return usage(
        fmt::format("unknown command {}", desk::util::quoted(*word)),
        near ? fmt::format("did you mean 'desk {}'?", *near) : "'desk help' lists the commands");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    if (app.get_subcommands().empty())
      std::cout << overview();
    else
      std::cout << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    std::cout << "desk " << DESK_VERSION << '\n';
    return 0;
  } catch (const CLI::ParseError& e) {
    auto subs = app.get_subcommands();
    std::string where =
        subs.empty() ? "desk --help" : fmt::format("desk {} --help", subs[0]->get_name());
    return usage(lowercase_first(e.what()), fmt::format("see {}", desk::util::quoted(where)));
  }

  auto selected = app.get_subcommands();
  if (selected.empty()) {
    std::cout << overview();
    return 0;
  }
  const Command* command = find_command(selected[0]->get_name());
  env.detect_terminal();
  if (command->needs == Needs::config) env.prepare();
  int status = runners.at(selected[0]->get_name())(env);
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "desk: cannot write the output\n";
    return static_cast<int>(Exit::io);
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  try {
    return run(argc, argv);
  } catch (const desk::Error& e) {
    std::cout.flush();
    print_error(std::cerr, e.what(), e.hint());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "desk: internal error: " << desk::util::multi_line(e.what()) << '\n'
              << "hint: this is a bug in desk; please report it with the command you ran\n";
    return static_cast<int>(Exit::software);
  }
}
