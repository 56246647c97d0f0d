#include "registry.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"

namespace desk::cmd {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"log", "Record a call: a new ticket", Category::daily, Needs::config, cmd_log, true},
      {"list", "List tickets, filtered and sorted", Category::daily, Needs::config, cmd_list},
      {"show", "Show a ticket's fields and its whole history", Category::daily, Needs::config,
       cmd_show},
      {"note", "Record a note, or a reply to the customer", Category::daily, Needs::config,
       cmd_note, true},
      {"take", "Allocate tickets to yourself", Category::daily, Needs::config, cmd_take, true},
      {"start", "Start work on tickets (in-progress)", Category::daily, Needs::config, cmd_start,
       true},
      {"pending", "Put tickets on hold: waiting on customer, supplier or change", Category::daily,
       Needs::config, cmd_pending, true},
      {"resume", "Resume work on pending tickets", Category::daily, Needs::config, cmd_resume,
       true},
      {"resolve", "Resolve tickets with a code and what fixed them", Category::daily, Needs::config,
       cmd_resolve, true},
      {"check", "Tick a step of a ticket's checklist", Category::daily, Needs::config, cmd_check,
       true},
      {"time", "Show the time worked on a ticket, or --add to it", Category::daily, Needs::config,
       cmd_time},
      {"rate", "Record the customer's rating of a resolution (1 to 5)", Category::daily,
       Needs::config, cmd_rate},
      {"attachment", "List or get the files customers sent with their mail", Category::daily,
       Needs::config, cmd_attachment},
      {"away", "Record a technician's absence, which allocation respects; --list, --cancel",
       Category::tickets, Needs::config, cmd_away},
      {"allocate", "Allocate tickets to a technician or team, or --auto", Category::tickets,
       Needs::config, cmd_allocate, true},
      {"escalate", "Escalate tickets: up a tier, to a team or supplier, or to the manager",
       Category::tickets, Needs::config, cmd_escalate, true},
      {"close", "Close resolved tickets, or --auto those resolved long enough ago",
       Category::tickets, Needs::config, cmd_close, true},
      {"reopen", "Reopen resolved tickets", Category::tickets, Needs::config, cmd_reopen, true},
      {"link", "Relate two tickets", Category::tickets, Needs::config, cmd_link, true},
      {"edit", "Change a ticket's fields", Category::tickets, Needs::config, cmd_edit, true},
      {"sla", "Show a ticket's service-level clocks: due, elapsed, left, breached", Category::daily,
       Needs::config, cmd_sla},
      {"report", "Reports: volume, backlog, workload, performance, trends, SLA, CSAT, ...",
       Category::reports, Needs::config, cmd_report},
      {"kb", "The knowledge base: write, find and link articles", Category::knowledge,
       Needs::config, cmd_kb},
      {"catalog", "The service catalogue: add, edit, show, list, retire, check, export, import",
       Category::catalogue, Needs::config, cmd_catalog},
      {"customer", "Customers: add, edit, show, list, merge, export, forget", Category::catalogue,
       Needs::config, cmd_customer},
      {"audit", "Verify or export the audit chain of every event", Category::admin, Needs::config,
       cmd_audit},
      {"purge", "Apply the retention policy: remove old tickets, erase quiet customers",
       Category::admin, Needs::config, cmd_purge},
      {"mail", "The email channel: receive a message, list and show those kept, send desk's mail",
       Category::admin, Needs::none, cmd_mail},
      {"init", "Create desk.toml and its store", Category::admin, Needs::none, cmd_init},
      {"config", "Check or show the configuration", Category::admin, Needs::none, cmd_config},
      {"import", "Import tickets from a CSV or JSON Lines file, all or nothing", Category::admin,
       Needs::config, cmd_import},
      {"export", "Export tickets with their whole history as JSON Lines or CSV", Category::admin,
       Needs::config, cmd_export},
      {"backup", "Copy the store consistently while others keep writing", Category::admin,
       Needs::config, cmd_backup},
      {"restore", "Check a backup and put it in the store's place", Category::admin, Needs::config,
       cmd_restore},
      {"store", "Copy a whole store to a new file or PostgreSQL database", Category::admin,
       Needs::config, cmd_store},
      {"doctor", "Check the store's integrity and every ticket against its history",
       Category::admin, Needs::config, cmd_doctor},
      {"help", "Show help for desk or a command", Category::admin, Needs::none, cmd_help},
      {"__complete", "Completion candidates for the shells", Category::internal, Needs::none,
       cmd_complete},
  };
  return table;
}

const Command* find_command(std::string_view name) {
  for (const auto& c : commands())
    if (c.name == name) return &c;
  return nullptr;
}

std::string_view category_title(Category c) {
  switch (c) {
    case Category::daily:
      return "Daily work";
    case Category::tickets:
      return "Tickets";
    case Category::knowledge:
      return "Knowledge base";
    case Category::reports:
      return "Reports";
    case Category::catalogue:
      return "Services and customers";
    case Category::admin:
      return "Administration";
    case Category::internal:
      return "Internal";
  }
  return "";
}

std::string overview() {
  std::string out =
      "usage: desk [--config FILE] [--db FILE] [--as NAME] [--now TIME] [-q] [--no-color]\n"
      "            <command> [<args>]\n";
  for (Category cat : {Category::daily, Category::tickets, Category::knowledge, Category::catalogue,
                       Category::reports, Category::admin}) {
    std::string block;
    for (const auto& c : commands())
      if (c.category == cat) block += fmt::format("   {:<12}{}\n", c.name, c.summary);
    if (!block.empty()) out += fmt::format("\n{}\n{}", category_title(cat), block);
  }
  out +=
      "\n'desk help <command>' or 'desk <command> --help' shows a command's options;\n"
      "'man desk' documents exit codes, dates, formats and the configuration.\n";
  return out;
}

Runner dispatch(CLI::App& command, std::string_view name, std::vector<Sub> subs) {
  for (auto& sub : subs) {
    sub.app->fallthrough();
    sub.app->footer(fmt::format("See 'man desk-{}' for more.", name));
  }
  command.require_subcommand(1);
  return [subs = std::move(subs), name = std::string(name)](Env& env) {
    for (const auto& sub : subs)
      if (sub.app->parsed()) return sub.run(env);
    throw UsageError(fmt::format("a {} subcommand is needed", name),
                     fmt::format("'desk {} --help' lists them", name));
  };
}

}  // namespace desk::cmd
