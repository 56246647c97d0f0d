// THE command table. Adding a command:
//   1. cmd/<name>.cpp exposing one function, `Runner cmd_<name>(CLI::App&)`,
//      declared below. A command with subcommands is a folder: cmd/<name>/
//      with <name>.cpp (cmd_<name>, returning dispatch() of its subcommands),
//      <name>.hpp (declaring one `Sub <sub>(CLI::App&)` per subcommand) and
//      one <sub>.cpp per subcommand, which declares its options and adds
//      itself (cmd/kb/ is the model). desk report is the one exception: its
//      reports share every option, so each is a row of a table
//      (cmd/report/report.hpp);
//   2. a line in commands() in registry.cpp;
//   3. man/desk-<name>.1.scd (copy desk-note.1.scd): NAME is "desk-<name> - "
//      and the summary, SYNOPSIS starts "*desk <name>", and every option is
//      there in bold (*--opt*); plus a *desk-<name>*(1) entry in desk.1.scd's
//      COMMANDS and SEE ALSO;
//   4. for completion, only when an option's values come from a list: a line
//      in kOptionValues (or kArgumentValues) in complete.cpp;
//   5. tests/e2e/test_<name>.cpp;
//   6. a line in README.md's command table.
// tests/e2e/test_meta.cpp fails when 2, 3 or 6 is missing or out of date;
// new JSON fields, exit codes and desk.toml keys must be documented too.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace desk::cmd {

// What main prepares before running a command.
enum class Needs {
  none,    // nothing: init, help, completion; mail (receive loads the configuration itself,
           // so that a bad one exits 75 for the mail server)
  config,  // the configuration, clock and actor; the command opens the store it needs
};

enum class Category { daily, tickets, knowledge, catalogue, reports, admin, internal };

// A command's run function, made by its register function after the CLI11
// options are bound; returns the exit status.
using Runner = std::function<int(Env&)>;

// A subcommand: its CLI11 app, added to the command's, and what runs it.
struct Sub {
  CLI::App* app;
  Runner run;
};
// The runner of command `name` made of `subs`: runs the one given (one is
// required); each sub's help ends pointing at man desk-<name>.
Runner dispatch(CLI::App& command, std::string_view name, std::vector<Sub> subs);

struct Command {
  std::string_view name;
  std::string_view summary;
  Category category;
  Needs needs;
  Runner (*add)(CLI::App& sub);
  // Whether the command is work on tickets, so takes --time (time worked,
  // tickets/time_worked.hpp): main adds the option, Env puts it on the session.
  bool takes_time = false;
};

const std::vector<Command>& commands();
const Command* find_command(std::string_view name);
std::string_view category_title(Category c);
// `desk help`: the commands by category.
std::string overview();

// The register functions, one per cmd/<name>.cpp.
Runner cmd_init(CLI::App& sub);
Runner cmd_log(CLI::App& sub);
Runner cmd_show(CLI::App& sub);
Runner cmd_list(CLI::App& sub);
Runner cmd_note(CLI::App& sub);
Runner cmd_edit(CLI::App& sub);
Runner cmd_kb(CLI::App& sub);
Runner cmd_config(CLI::App& sub);
Runner cmd_allocate(CLI::App& sub);
Runner cmd_take(CLI::App& sub);
Runner cmd_start(CLI::App& sub);
Runner cmd_pending(CLI::App& sub);
Runner cmd_resume(CLI::App& sub);
Runner cmd_escalate(CLI::App& sub);
Runner cmd_resolve(CLI::App& sub);
Runner cmd_close(CLI::App& sub);
Runner cmd_reopen(CLI::App& sub);
Runner cmd_link(CLI::App& sub);
Runner cmd_sla(CLI::App& sub);
Runner cmd_report(CLI::App& sub);
Runner cmd_catalog(CLI::App& sub);
Runner cmd_customer(CLI::App& sub);
Runner cmd_rate(CLI::App& sub);
Runner cmd_time(CLI::App& sub);
Runner cmd_away(CLI::App& sub);
Runner cmd_attachment(CLI::App& sub);
Runner cmd_mail(CLI::App& sub);
Runner cmd_check(CLI::App& sub);
Runner cmd_audit(CLI::App& sub);
Runner cmd_purge(CLI::App& sub);
Runner cmd_import(CLI::App& sub);
Runner cmd_export(CLI::App& sub);
Runner cmd_backup(CLI::App& sub);
Runner cmd_restore(CLI::App& sub);
Runner cmd_store(CLI::App& sub);
Runner cmd_doctor(CLI::App& sub);
Runner cmd_help(CLI::App& sub);
Runner cmd_complete(CLI::App& sub);

}  // namespace desk::cmd
