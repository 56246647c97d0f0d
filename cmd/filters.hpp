// The ticket filters desk list and desk export share: the terms, one flag
// per field, --since and --until.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "desk/model/ticket.hpp"

#include "context.hpp"

namespace desk::cmd {

struct TicketFilters {
  std::vector<std::string> terms;
  std::vector<std::string> status, type, priority, assignee, team, customer, channel, category,
      service, tag;
  std::string since, until;

  // Whether a status was asked for, by -s or a status: term.
  bool names_status() const;
};

// Adds the terms and the filter flags to `sub`; the help of the terms and
// of -s differ between the commands (their default statuses do).
void add_ticket_filters(CLI::App& sub, TicketFilters& f, const std::string& terms_help,
                        const std::string& status_help);

// The query the filters ask for.
model::Query ticket_query(Env& env, const TicketFilters& f);

}  // namespace desk::cmd
