// The service catalogue's values: a service that can be requested, a step
// of its fulfilment checklist as a ticket carries it, and a satisfaction
// rating.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "desk/core/time.hpp"

namespace desk::model {

struct Service {
  std::int64_t id = 0;
  std::string name;
  std::string description;
  std::string owner;                       // the team that fulfils it
  std::vector<std::string> request_types;  // ticket types it accepts; empty: any
  std::vector<std::string> categories;     // ticket categories it covers
  std::string sla;                         // its SLA policy
  std::vector<std::string> requesters;     // customer tiers or organisations; empty: anyone
  std::vector<std::string> steps;          // the fulfilment procedure, in order
  std::string replaced_by;                 // when retired
  Instant created_at{};
  Instant updated_at{};
  std::optional<Instant> retired_at;

  bool retired() const { return retired_at.has_value(); }
};

// A step of a ticket's checklist: copied from its service when it was logged.
struct ChecklistStep {
  int number = 0;  // 1, 2, ...
  std::string text;
  std::optional<Instant> done_at;
  std::string done_by;
};

// A customer's rating of one resolution of a ticket.
struct Rating {
  std::int64_t id = 0;
  std::int64_t ticket_id = 0;
  int resolution = 1;  // 1 for the first resolution, 2 after a reopen and resolve, ...
  int score = 0;       // 1..5
  std::string comment;
  Instant at{};
  std::string actor;     // who entered it
  std::string resolver;  // who resolved the ticket: the technician rated
};

}  // namespace desk::model
