// One reader per top-level section of desk.toml, and the checks that need
// the whole file (cross-references). Each section lives in sections_*.cpp.
#pragma once

#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "desk/config/model.hpp"
#include "desk/config/reader.hpp"

namespace desk::config {

// Every top-level section a file may have.
extern const std::vector<std::string_view> kSections;

void read_section(Config& c, std::string_view name, const toml::node& n, const Reader& r);
// Cross-references and whole-file rules; throws ConfigError.
void validate(Config& c);

// Section readers (sections_*.cpp).
void read_desk(Config& c, const toml::table& t, const Reader& r);
void read_tickets(Config& c, const toml::table& t, const Reader& r);
void read_import(Config& c, const toml::table& t, const Reader& r);
void read_priority(Config& c, const toml::table& t, const Reader& r);
void read_teams(Config& c, const toml::table& t, const Reader& r);
void read_technicians(Config& c, const toml::table& t, const Reader& r);
void read_routing(Config& c, const toml::node& n, const Reader& r);
void read_hooks(Config& c, const toml::table& t, const Reader& r);

void read_calendars(Config& c, const toml::table& t, const Reader& r);
void read_sla(Config& c, const toml::table& t, const Reader& r);
void read_sla_rules(Config& c, const toml::node& n, const Reader& r);
void read_ola(Config& c, const toml::table& t, const Reader& r);
void read_escalation(Config& c, const toml::node& n, const Reader& r);

void read_roles(Config& c, const toml::table& t, const Reader& r);
void read_retention(Config& c, const toml::table& t, const Reader& r);
void read_mail(Config& c, const toml::table& t, const Reader& r);
void read_limits(Config& c, const toml::table& t, const Reader& r);
void read_planning(Config& c, const toml::table& t, const Reader& r);

// A ConfigError "WHERE: unknown WHAT 'NAME'" with the closest of `known`
// as a hint.
[[noreturn]] void unknown(const std::string& where, std::string_view what, const std::string& name,
                          const std::vector<std::string>& known);
// Whether every value a rule's `match` names (type, category, channel,
// priority, team) is one the configuration has; check_match throws for the
// first that is not, naming `where`.
bool match_known(const Config& c, const Match& m);
void check_match(const Config& c, const Match& m, const std::string& where);

void validate_teams(Config& c);
void validate_sla(Config& c);
void validate_import(const Config& c);
void validate_mail(const Config& c);
// The teams' and technicians' calendars exist (after validate_sla, which
// adds the built-in "24x7").
void validate_shifts(const Config& c);

// Writers for `desk config show` (dump.cpp and friends).
void dump_core(const Config& c, toml::table& root);
void dump_sla(const Config& c, toml::table& root);
void dump_compliance(const Config& c, toml::table& root);
void dump_mail(const Config& c, toml::table& root);
void dump_limits(const Config& c, toml::table& root);
void dump_planning(const Config& c, toml::table& root);
// "4h", "30m", "1d", "90s": a span as desk.toml writes it.
std::string duration_text(std::int64_t seconds);

// "25MB", "512KB", "1GB" (powers of 1024), or a whole number of bytes
// (sections_limits.cpp; written back by size_text, model.hpp).
std::int64_t size(const toml::node& n, const Reader& r, std::string_view what);

}  // namespace desk::config
