#include "filters.hpp"

#include "desk/tickets/filter.hpp"

#include "options.hpp"

namespace desk::cmd {

bool TicketFilters::names_status() const {
  if (!status.empty()) return true;
  for (const auto& t : terms)
    if (t.rfind("status:", 0) == 0) return true;
  return false;
}

void add_ticket_filters(CLI::App& sub, TicketFilters& f, const std::string& terms_help,
                        const std::string& status_help) {
  sub.add_option("terms", f.terms, terms_help);
  sub.add_option("-s,--status", f.status, status_help)->option_text("STATUS");
  sub.add_option("--type", f.type, "Ticket type")->option_text("TYPE");
  sub.add_option("-p,--priority", f.priority, "Priority")->option_text("P");
  sub.add_option("-a,--assignee", f.assignee, "Assignee ('me', or 'none' for unassigned)")
      ->option_text("WHO");
  sub.add_option("--team", f.team, "Team ('none' for no team)")->option_text("TEAM");
  sub.add_option("-c,--customer", f.customer, "Customer id, email or name")->option_text("WHO");
  sub.add_option("--channel", f.channel, "Channel")->option_text("CHANNEL");
  sub.add_option("--category", f.category, "Category")->option_text("CATEGORY");
  sub.add_option("--service", f.service, "Service")->option_text("SERVICE");
  sub.add_option("-t,--tag", f.tag, "Tag (every tag given must be present)")->option_text("TAG");
  sub.add_option("--since", f.since, "Created at or after TIME")->option_text("TIME");
  sub.add_option("--until", f.until, "Created before TIME")->option_text("TIME");
}

model::Query ticket_query(Env& env, const TicketFilters& f) {
  model::Query q;
  tickets::FilterContext ctx{env.config(), env.now(), env.zone(), env.actor()};
  const std::pair<const char*, const std::vector<std::string>*> flags[] = {
      {"status", &f.status},     {"type", &f.type},
      {"priority", &f.priority}, {"assignee", &f.assignee},
      {"team", &f.team},         {"customer", &f.customer},
      {"channel", &f.channel},   {"category", &f.category},
      {"service", &f.service},   {"tag", &f.tag}};
  for (const auto& [field, values] : flags) tickets::add_filter(q, ctx, field, flatten(*values));
  if (!f.since.empty()) tickets::add_filter(q, ctx, "since", {f.since});
  if (!f.until.empty()) tickets::add_filter(q, ctx, "until", {f.until});
  tickets::add_filter_terms(q, ctx, f.terms);
  return q;
}

}  // namespace desk::cmd
