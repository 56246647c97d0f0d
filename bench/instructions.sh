#!/bin/sh
# bench/instructions.sh: instructions executed (valgrind's callgrind, user
# space) by the short commands of foundation.sh, lifecycle.sh and sla.sh,
# each beside the sqlite3 shell doing the same work on the same store. On a
# machine shared with other builds, wall and even CPU times of a few
# milliseconds are mostly noise; instruction counts are not (they leave out
# the kernel's work: fsync, page faults, reading the file).
# Needs valgrind. Results: bench/out/instructions.md.
. "$(dirname "$0")/common.sh"
command -v valgrind >/dev/null 2>&1 || { echo "bench: valgrind is missing; apt-get install -y valgrind" >&2; exit 1; }
build_desk
ensure_template
describe_machine instructions-machine.md
work=$(work_copy instructions)
db=$work/desk.db
export DESK_CONFIG=$work/desk.toml DESK_NOW=2026-11-24T12:00:00Z
q() { sqlite3 -init /dev/null "$db" "$1"; }
s="sqlite3 -init /dev/null"

mid=$(q "SELECT max(id) / 2 FROM tickets")
id=$(q "SELECT ticket_id FROM events WHERE ticket_id BETWEEN $mid AND $mid + 1000
        GROUP BY ticket_id ORDER BY count(*) DESC, ticket_id LIMIT 1")
email=$(q "SELECT email FROM customers WHERE email IS NOT NULL ORDER BY id LIMIT 1")
open=$(q "SELECT id FROM tickets WHERE status IN ('assigned', 'in-progress') ORDER BY id LIMIT 3")
set -- $open
r1=$1 r2=$2 r3=$3

# Instructions of every process the shell command $1 runs (the shell's own
# included; `instructions true` is that part alone).
instructions() {
  valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null sh -c "$1" \
    2>&1 >/dev/null | sed -n 's/.*Collected : //p' | awk '{ n += $1 } END { print n }'
}
shell=$(instructions true)
# A table row: the command named $1, and the millions of instructions the
# shell command $2 executes, less the shell's.
count() {
  printf '| %s | %s |\n' "$1" "$(instructions "$2" | awk -v s="$shell" '{ printf "%.2f", ($1 - s) / 1e6 }')"
}

{
  echo "| command | instructions [M] |"
  echo "|:---|---:|"
  count "desk log" "$desk log 'Printer on the 3rd floor jams' --type incident --customer '$email' --channel phone --category hardware --impact medium --urgency medium -m 'Paper jam in tray 2; cleared twice already.' -q"
  count "sqlite3: INSERT ticket + event" "$s -cmd \".parameter set @email '$email'\" '$db' < '$sql/log.sql'"
  count "desk show $id" "$desk show $id"
  count "desk show $id --format json" "$desk show $id --format json"
  count "sqlite3: SELECT ticket + events + links" "$s -cmd '.parameter set @id $id' '$db' < '$sql/show.sql'"
  count "desk sla $id" "$desk sla $id"
  count "desk list --status open --limit 50" "$desk list --status open --limit 50"
  count "sqlite3: SELECT 51 open + COUNT" "$s '$db' < '$sql/list-open.sql'"
  count "desk resolve $r1" "$desk resolve $r1 --code fixed -m 'Replaced the toner cartridge.'"
  count "sqlite3: UPDATE one row ($r2)" "$s -cmd '.parameter set @id $r2' '$db' < '$sql/resolve-row.sql'"
  count "sqlite3: UPDATE row + INSERT event ($r3)" "$s -cmd '.parameter set @id $r3' '$db' < '$sql/resolve-event.sql'"
  count "sqlite3 start-up (SELECT 1)" "$s '$db' 'SELECT 1'"
  count "desk start-up (desk --version)" "$desk --version"
} | tee "$out/instructions.md"
