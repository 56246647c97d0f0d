#include "registry.hpp"

#include <fmt/format.h>

namespace desk::cmd {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"log", "Record a call: a new ticket", Category::daily, Needs::config, cmd_log},
      {"list", "List tickets, filtered and sorted", Category::daily, Needs::config, cmd_list},
      {"show", "Show a ticket's fields and its whole history", Category::daily, Needs::config,
       cmd_show},
      {"note", "Record a note, or a reply to the customer", Category::daily, Needs::config,
       cmd_note},
      {"take", "Allocate tickets to yourself", Category::daily, Needs::config, cmd_take},
      {"start", "Start work on tickets (in-progress)", Category::daily, Needs::config, cmd_start},
      {"pending", "Put tickets on hold: waiting on customer, supplier or change", Category::daily,
       Needs::config, cmd_pending},
      {"resume", "Resume work on pending tickets", Category::daily, Needs::config, cmd_resume},
      {"resolve", "Resolve tickets with a code and what fixed them", Category::daily, Needs::config,
       cmd_resolve},
      {"allocate", "Allocate tickets to a technician or team, or --auto", Category::tickets,
       Needs::config, cmd_allocate},
      {"escalate", "Escalate tickets: up a tier, to a team or supplier, or to the manager",
       Category::tickets, Needs::config, cmd_escalate},
      {"close", "Close resolved tickets, or --auto those resolved long enough ago",
       Category::tickets, Needs::config, cmd_close},
      {"reopen", "Reopen resolved tickets", Category::tickets, Needs::config, cmd_reopen},
      {"link", "Relate two tickets", Category::tickets, Needs::config, cmd_link},
      {"edit", "Change a ticket's fields", Category::tickets, Needs::config, cmd_edit},
      {"sla", "Show a ticket's service-level clocks: due, elapsed, left, breached", Category::daily,
       Needs::config, cmd_sla},
      {"report", "Reports: service levels, volume, backlog, workload, performance, trends, digest",
       Category::reports, Needs::config, cmd_report},
      {"kb", "The knowledge base: write, find and link articles", Category::knowledge,
       Needs::config, cmd_kb},
      {"init", "Create desk.toml and its store", Category::admin, Needs::none, cmd_init},
      {"config", "Check or show the configuration", Category::admin, Needs::none, cmd_config},
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
  for (Category cat : {Category::daily, Category::tickets, Category::knowledge, Category::reports,
                       Category::admin}) {
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

}  // namespace desk::cmd
