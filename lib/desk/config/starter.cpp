#include "desk/config/starter.hpp"

#include <fmt/format.h>

namespace desk::config {

namespace {

constexpr std::string_view kStarter =
    R"toml(# desk.toml: the policy of this service desk, read by every desk command.
# A section left out of this file takes the default shown here, so a small
# file works. Check a change with `desk config check`; see desk.toml(5).

[desk]
store = "desk.db"            # the SQLite store; a relative path is relative to this file
timezone = "@ZONE@"          # how times are shown and reports are bucketed (IANA name)
default_sla = "standard"     # the SLA policy used when no [[sla_rule]] matches
busy_timeout = "10s"         # how long to wait for another writer before giving up (exit 75)
# pager = false              # long output on a terminal goes through $PAGER (less); or a command

[tickets]
types = ["incident", "service-request", "access-request", "information-request", "complaint"]
channels = ["phone", "email", "chat", "portal", "walk-in", "bot"]
categories = ["hardware", "software", "network", "access", "account", "other"]
resolution_codes = ["fixed", "workaround", "information-given", "no-fault-found", "duplicate", "cancelled"]
close_after = "5d"           # `desk close --auto` closes tickets resolved longer ago than this

# Priority from impact (rows) and urgency (columns): the ITIL 3x3 convention,
# P = rank(impact) + rank(urgency) - 1, with high = 1.
[priority]
impact = ["high", "medium", "low"]
urgency = ["high", "medium", "low"]
matrix = [["P1", "P2", "P3"],
          ["P2", "P3", "P4"],
          ["P3", "P4", "P5"]]

# Business hours: service-level clocks run only while a calendar is open.
# A calendar named "24x7" is built in and always open.
[calendars.office]
timezone = "@ZONE@"
mon = ["09:00-17:00"]        # several windows: ["08:00-12:00", "13:00-17:00"]
tue = ["09:00-17:00"]
wed = ["09:00-17:00"]
thu = ["09:00-17:00"]
fri = ["09:00-17:00"]
sat = []
sun = []
holidays = ["01-01", "12-25", "12-26"]   # yearly MM-DD, or one-off YYYY-MM-DD

# Targets per priority, in the calendar's business time: "15m", "4h", "3d"
# (a day is one working day of the calendar, here 8 hours).
[sla.standard]
calendar = "office"
response = { P1 = "15m", P2 = "1h", P3 = "4h", P4 = "1d", P5 = "2d" }
resolve = { P1 = "4h", P2 = "8h", P3 = "3d", P4 = "5d", P5 = "10d" }
pause_on = ["pending"]       # statuses that stop the clock
warn_at = 75                 # percent of a target used before a ticket is at risk

# Complaints have their own policy, whatever the priority: acknowledged
# (a reply) within 2 working days, a final response (the resolution) within
# 8 weeks. Resolving a complaint needs --outcome, --root-cause and --action.
[sla.complaints]
calendar = "office"
response = { P1 = "2d", P2 = "2d", P3 = "2d", P4 = "2d", P5 = "2d" }
resolve = { P1 = "8w", P2 = "8w", P3 = "8w", P4 = "8w", P5 = "8w" }
pause_on = []

# Which policy applies: the first rule that matches wins; else the policy
# of the ticket's service (desk catalog), else default_sla. A rule matches
# on type, category, channel, priority, service, customer, customer_tier
# (a customer's tier, see desk customer) and tag.
[[sla_rule]]
match = { type = "complaint" }
sla = "complaints"

# [[sla_rule]]
# match = { customer_tier = "vip" }
# sla = "vip"

[teams.service-desk]
tier = 1                     # 1 = first line
members = [@MEMBERS@]
# manager = "carol"
# escalates_to = "second-line"
strategy = "least-loaded"    # how `desk allocate --auto` picks: round-robin | least-loaded | skills
# calendar = "office"        # the members' working hours: allocate --auto skips anyone off shift

# [technicians.alice]
# name = "Alice Smith"
# email = "alice@example.org"
# skills = ["hardware", "access"]   # matched against ticket categories
# capacity = 10                     # most open tickets at once
# away = false
# calendar = "early-shift"         # working hours, if not the team's (a [calendars.X] above)

# Which team a new ticket goes to: the first rule that matches wins;
# tickets no rule matches go to the tier-1 team.
# [[routing]]
# match = { category = "network" }
# team = "infrastructure"

# The staffing forecast (desk report staffing): how many technicians each
# hour of the week needs so that `target` % of tickets get a first response
# within `within`, by the Erlang C model (see desk-report(1)).
[planning]
# handle_time = "20m"        # mean time a ticket takes, when no time worked is recorded
shrinkage = 30               # % of rostered time not on tickets: breaks, meetings, training
target = 80                  # % of tickets answered ...
within = "1h"                # ... within this wait (real time)

# Who may change policy-level things: the catalogue (manager), reopening
# someone else's resolution and merging customers (lead), erasing a
# customer and purging (admin). Each role includes the ones before it.
# Without a [roles] section EVERYONE IS AN ADMIN, which suits a desk of one
# or a trial. Roles keep honest people within their remit; anyone who can
# write the store file can change it anyway, and `desk audit verify` is what
# shows that it happened.
# [roles]
# admin = ["alice"]
# manager = ["carol"]
# lead = ["bob"]
# default = "technician"     # everyone not listed

# How long data is kept; `desk purge` (daily, from cron) applies it.
[retention]
closed_tickets = "never"     # e.g. "7y": tickets closed longer ago are removed
personal_data = "never"      # e.g. "3y": customers with no activity for that long are erased

# How much text one value may hold; larger ones are refused (exit 65).
[limits]
title = 500                  # characters of a ticket's or article's title
text = "1MB"                 # a description, note, resolution or reply
article = "4MB"              # a knowledge-base article (or its file for desk kb import)

# The email channel: the mail server pipes each message for desk's address
# into `desk mail receive`, which makes it a ticket or threads it into one
# (see desk-mail(1)). Off until the address is set.
[mail]
# address = "support@example.org"  # desk's address: customers write to it
aliases = []                      # desk's other addresses: mail from any of them is a loop
# domain = "example.org"          # of desk's Message-IDs (default: the address's domain)
subject_tag = "desk"              # subjects carry "[desk #123]"
unknown_senders = "create"        # mail from a new address: create (a customer and a ticket) | quarantine
reopen_within = "14d"             # a reply reopens a ticket resolved this recently; later, a new linked ticket
max_message_size = "25MB"         # larger mail keeps its headers and text; its attachments are listed, not kept
# name = "Acme IT"                # the display name on desk's mail
sendmail = ["/usr/sbin/sendmail", "-oi"]  # desk mail send hands each message to it (no shell)
# envelope_sender = "bounces@example.org"  # sendmail -f (default: the address)
send_attempts = 8                 # tries, minutes then hours apart, before a message has failed
autoreply_interval = "1d"         # at most one acknowledgement per sender this often

# Automatic mail from template files ({id}, {title}, {status}, ... in them);
# a kind without a file is not sent. Relative to this file.
[mail.templates]
# acknowledgement = "examples/mail/acknowledgement.txt"  # to the sender of a new ticket
# resolved = "examples/mail/resolved.txt"                # to the customer when a ticket is resolved

# Commands run after events, with the event as JSON on standard input.
[hooks]
# resolved = ["examples/hooks/mail-customer.sh"]
timeout = "10s"
)toml";

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

}  // namespace

std::string starter_text(std::string_view zone, std::string_view member) {
  std::string text(kStarter);
  replace_all(text, "@ZONE@", zone);
  replace_all(text, "@MEMBERS@", member.empty() ? std::string() : fmt::format("\"{}\"", member));
  return text;
}

}  // namespace desk::config
