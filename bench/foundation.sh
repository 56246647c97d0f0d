#!/bin/sh
# bench/foundation.sh: the foundation issue's figures on a 1M-ticket store.
#   desk log        vs sqlite3 inserting the ticket row and its event
#   desk show ID    vs sqlite3 selecting the row, its events and links
#   desk list --status open --limit 50  vs sqlite3 doing that SELECT and COUNT
#   desk list --all --format jsonl: peak memory (max RSS) and wall time
# Targets: each desk command within 2x of its sqlite3 process; under 30 MB.
# Results: bench/out/foundation-*.md (see bench/README.md).
. "$(dirname "$0")/common.sh"
build_desk
ensure_template
describe_machine foundation-machine.md
work=$(work_copy foundation)
db=$work/desk.db
export DESK_CONFIG=$work/desk.toml
q() { sqlite3 -init /dev/null "$db" "$1"; }

# The ticket `show` reads: the longest history among a thousand mid-store ones
# (500,000 to 501,000 in the 1M template).
mid=$(q "SELECT max(id) / 2 FROM tickets")
id=$(q "SELECT ticket_id FROM events WHERE ticket_id BETWEEN $mid AND $mid + 1000
        GROUP BY ticket_id ORDER BY count(*) DESC, ticket_id LIMIT 1")
email=$(q "SELECT email FROM customers WHERE email IS NOT NULL ORDER BY id LIMIT 1")
echo "show: ticket $id ($(q "SELECT count(*) FROM events WHERE ticket_id = $id") events); log: customer $email" >&2
s="sqlite3 -init /dev/null"

bench foundation-log --warmup 3 --runs "$runs" \
  -n "desk log" \
  "$desk log 'Printer on the 3rd floor jams' --type incident --customer '$email' --channel phone --category hardware --impact medium --urgency medium -m 'Paper jam in tray 2; cleared twice already.' -q" \
  -n "sqlite3: INSERT ticket + event" \
  "$s -cmd \".parameter set @email '$email'\" '$db' < '$sql/log.sql'"

bench foundation-show --warmup 3 --runs "$runs" \
  -n "desk show $id" "$desk show $id" \
  -n "desk show $id --format json" "$desk show $id --format json" \
  -n "sqlite3: SELECT ticket + events + links" "$s -cmd '.parameter set @id $id' '$db' < '$sql/show.sql'"

bench foundation-list --warmup 3 --runs "$runs" \
  -n "desk list --status open --limit 50" "$desk list --status open --limit 50" \
  -n "sqlite3: SELECT 51 open + COUNT" "$s '$db' < '$sql/list-open.sql'"

# Every ticket as JSONL: wall time beside sqlite3's JSON output of the same
# rows, then desk's peak memory.
bench foundation-jsonl --warmup 1 --runs 5 \
  -n "desk list --all --format jsonl" "$desk list --all --format jsonl > /dev/null" \
  -n "sqlite3 -json: every ticket" "$s '$db' < '$sql/list-all.sql' > /dev/null"
/usr/bin/time -v "$desk" list --all --format jsonl 2>"$out/foundation-jsonl-time.txt" >/dev/null
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/foundation-jsonl-time.txt")
lines=$("$desk" list --all --format jsonl | wc -l)
echo "desk list --all --format jsonl: $lines lines, max RSS $rss KiB ($((rss / 1024)) MiB)" |
  tee "$out/foundation-jsonl-rss.txt" >&2
