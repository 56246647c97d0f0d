// The typed configuration: policy a team agrees and reviews in desk.toml.
//
// Every default comes from the starter file (starter.cpp): `desk init` writes
// it, and a file that leaves a section out gets that section from it. Named
// tables ([teams.x], [calendars.x], ...) and arrays of tables ([[routing]])
// are replaced as a whole when a file has them; plain keys are replaced one
// by one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "desk/core/time.hpp"
#include "desk/model/calendar.hpp"
#include "desk/model/vocabulary.hpp"

namespace desk::config {

// A value and where it was written ("desk.toml:12:9"), for errors found
// after the whole file has been read (cross-references).
struct Located {
  std::string value;
  std::string where;
};

// match = { category = "network", type = ["incident", "complaint"] }
// Every key must match; a key's list matches any of its values.
struct Match {
  std::map<std::string, std::vector<std::string>> fields;
  bool empty() const { return fields.empty(); }
};

struct Tickets {
  std::vector<std::string> types;
  std::vector<std::string> channels;
  std::vector<std::string> categories;
  std::vector<std::string> resolution_codes;
  // The types that are faults (trends: a repeat of them wants a problem
  // record, of other types a KB article). Each is one of `types`.
  std::vector<std::string> incident_types = {"incident"};
  std::int64_t close_after_seconds = 5 * 86400;
};

// impact × urgency → priority, rows are impact levels, columns urgency levels.
struct PriorityMatrix {
  std::vector<std::string> impact;
  std::vector<std::string> urgency;
  std::vector<std::vector<std::string>> matrix;
  // Every priority, most urgent first (P1 before P2): [priority].levels, or
  // the values of the matrix in order of first appearance along the anti-diagonals.
  std::vector<std::string> levels;

  const std::string& derive(std::size_t impact_index, std::size_t urgency_index) const {
    return matrix[impact_index][urgency_index];
  }
};

struct Team {
  std::string name;
  int tier = 1;
  std::vector<std::string> members;
  std::string manager;
  Located escalates_to;
  std::string strategy = "round-robin";  // round-robin | least-loaded | skills
  bool supplier = false;
  std::string contact;
  std::string ref_format;  // e.g. "ACME-[0-9]+": a regular expression supplier refs must match
  Located calendar;        // the members' working hours, unless their own says otherwise
  std::string where;
};

struct Technician {
  std::string id;  // the login / actor name, the key under [technicians]
  std::string name;
  std::string email;
  std::vector<std::string> skills;
  int capacity = 10;
  bool away = false;
  Located calendar;                // working hours (a [calendars.X]); "" for the team's
  std::vector<std::string> teams;  // derived from the teams' member lists
};

// What `desk import` fills in that another tool's rows may lack.
struct Import {
  Located resolution_code;  // for resolved or closed rows without one; empty: required
};

struct RoutingRule {
  Match match;
  Located team;
};

struct Hooks {
  std::map<std::string, std::vector<std::string>> on;  // event kind → commands
  std::int64_t timeout_seconds = 10;
};

// Targets per priority, in business seconds of the policy's calendar. A
// priority without a target has no such clock.
using Targets = std::map<std::string, std::int64_t>;

struct SlaPolicy {
  std::string name;
  Located calendar;
  Targets response;
  Targets resolve;
  Targets update;  // optional: keep the customer informed at least this often
  std::vector<model::Status> pause_on;
  std::vector<model::EventKind> response_met_by = {model::EventKind::reply,
                                                   model::EventKind::resolved};
  int warn_at = 75;
  std::string where;
  // Raw target texts by priority, turned into seconds once calendars are known.
  std::map<std::string, Located> response_text, resolve_text, update_text;
};

// Which policy a ticket gets: the first rule that matches, else default_sla.
struct SlaRule {
  Match match;
  Located sla;
};

// An operational level agreement: a team's internal targets, measured the
// same way from when the ticket reached the team.
struct Ola {
  std::string team;
  Located calendar;
  Targets response;  // until a technician of the team owns it
  Targets resolve;   // until resolved, or passed on to another team
  std::vector<model::Status> pause_on;
  int warn_at = 75;
  std::string where;
  std::map<std::string, Located> response_text, resolve_text;
};

// `desk escalate --auto`: when a clock has used `at_percent` of its target
// (or is breached), take `action`, once per ticket and rule.
struct EscalationRule {
  std::string name;
  std::string clock = "resolve";  // response | resolve
  int at_percent = 0;             // with at_breach false
  bool at_breach = false;
  std::string action = "up";  // up | manager | team
  Located team;               // for action = "team"
  Match match;
  std::string where;
};

// [roles]: who may change policy-level things. Without the section every
// actor is an admin, so a fresh `desk init` is usable.
struct Roles {
  bool enforced = false;
  std::string fallback = "technician";    // the role of anyone not listed
  std::map<std::string, std::string> of;  // person → technician | lead | manager | admin
};

// [retention]: how long data is kept; 0 keeps it for ever. `desk purge` applies it.
struct Retention {
  std::int64_t closed_tickets_seconds = 0;  // tickets closed longer ago are removed
  std::int64_t personal_data_seconds = 0;   // customers quiet longer are erased
};

// [limits]: how much text one value may hold (desk.toml(5)). Beyond, the
// value is refused (65) rather than stored: a 50 MB description made every
// listing slow and the store huge, and nobody writes one.
struct Limits {
  std::int64_t title = 500;                // characters of a title (one line)
  std::int64_t text = 1024 * 1024;         // bytes of a description, note or reply
  std::int64_t article = 4 * 1024 * 1024;  // bytes of a knowledge-base article
};

// A size as desk.toml writes it: 1048576 is "1MB", 2048 "2KB" (sections_limits.cpp).
std::string size_text(std::int64_t bytes);

// [planning]: the staffing forecast's defaults (desk report staffing).
struct Planning {
  std::int64_t handle_time_seconds = 0;  // 0: only what time worked says
  int shrinkage = 30;                    // % of rostered time not spent on tickets
  int target = 80;                       // % of tickets to answer within `within`
  std::int64_t within_seconds = 3600;    // the first response's wait, in real time
};

// [mail]: the email channel (desk-mail(1)). Off until `address` is set.
struct Mail {
  std::string address;               // desk's address; "" when mail is not set up
  std::vector<std::string> aliases;  // desk's other addresses
  std::string domain;                // of desk's Message-IDs; "" for the address's domain
  std::string subject_tag = "desk";  // "[desk #123]"
  bool quarantine_unknown = false;   // unknown_senders = "quarantine" (else "create")
  std::int64_t reopen_within_seconds = 14 * 86400;
  std::int64_t max_message_size = 25 * 1024 * 1024;  // bytes
  std::string name;  // the display name of desk's From ("Acme IT"); "" for none
  // The sendmail-compatible program desk's mail is handed to, as an argv:
  // desk adds -f ENVELOPE and the recipient.
  std::vector<std::string> sendmail = {"/usr/sbin/sendmail", "-oi"};
  std::string envelope_sender;                      // -f; "" for the address
  std::int64_t send_attempts = 8;                   // then the message has failed
  std::int64_t autoreply_interval_seconds = 86400;  // one acknowledgement per sender
  // Template files by message kind (acknowledgement, resolved), resolved
  // against the configuration file's directory; an absent kind is not sent.
  std::map<std::string, std::string> templates;

  // The address and the aliases: every address that is desk's own.
  std::vector<std::string> addresses() const;
  // `domain`, else the part of `address` after the "@".
  std::string message_domain() const;
};

struct Config {
  // Where the configuration came from; empty when only defaults are in force.
  std::filesystem::path file;
  // The store: [desk].store resolved against the file's directory.
  std::filesystem::path store;
  std::string timezone = "UTC";
  std::string default_sla;
  std::int64_t busy_timeout_ms = 10000;
  // Long output on a terminal through a pager: false turns it off; a
  // command replaces $PAGER (cmd/pager.hpp).
  bool pager = true;
  std::string pager_command;

  Tickets tickets;
  PriorityMatrix priority;
  std::map<std::string, Team> teams;
  std::map<std::string, Technician> technicians;
  std::vector<RoutingRule> routing;
  Import imports;
  Hooks hooks;
  std::map<std::string, model::CalendarSpec> calendars;  // "24x7" is always there
  std::map<std::string, SlaPolicy> sla;
  std::vector<SlaRule> sla_rules;
  std::map<std::string, Ola> ola;  // by team
  std::vector<EscalationRule> escalation;
  Roles roles;
  Retention retention;
  Limits limits;
  Mail mail;
  Planning planning;

  Zone zone() const { return Zone::named(timezone); }
  const Technician* technician(std::string_view id) const;
  const Team* team(std::string_view name) const;
  // The calendar of a technician's working hours: their own, else that of
  // the first of their teams that has one; "" when none is set (then
  // allocation counts them as on shift whenever they are not away).
  std::string shift_calendar(std::string_view technician) const;
};

}  // namespace desk::config
