// The service catalogue's use cases: add, edit, retire, what a ticket
// logged against a service takes from it, the catalogue's health check, and
// export/import as TOML. Catalogue changes need the manager role and are
// recorded as events about the service ("service:NAME").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "desk/model/service.hpp"
#include "desk/work/session.hpp"

namespace desk::catalog {

using model::Service;

// What add or edit sets; unset fields are left as they are.
struct ServiceChange {
  std::optional<std::string> description, owner, sla;
  std::optional<std::vector<std::string>> request_types, categories, requesters, steps;
  bool empty() const {
    return !description && !owner && !sla && !request_types && !categories && !requesters && !steps;
  }
};

Service require_service(work::Session& s, const std::string& name);
Service add_service(work::Session& s, const std::string& name, const ServiceChange& c);
// nullopt when every value given is already the service's.
std::optional<Service> edit_service(work::Session& s, const std::string& name,
                                    const ServiceChange& c);
Service retire_service(work::Session& s, const std::string& name, const std::string& replaced_by);

// The service a new ticket is logged against, checked: it exists, is not
// retired (Refused naming its replacement), accepts the ticket's type, and
// the customer (tier or organisation) may request it.
Service service_for_ticket(work::Session& s, const std::string& name, const std::string& type,
                           std::int64_t customer_id);

// `desk catalog check`: what makes the catalogue incomplete or stale.
struct Finding {
  std::string problem;  // no-owner | no-policy | no-procedure | not-requested | uncovered-category
  std::string subject;  // the service, or the category
  std::string detail;
};
std::vector<Finding> check_catalog(work::Session& s, int stale_days = 180);

// The live and retired services as TOML ([[service]] tables), and back:
// importing what was exported changes nothing.
std::string export_toml(work::Session& s);
struct Imported {
  std::vector<std::string> added, changed, unchanged;
};
Imported import_toml(work::Session& s, std::string_view text, const std::string& display);

}  // namespace desk::catalog
