#!/bin/sh
# bench/sla.sh: the service-level issue's figures on the 1M-ticket store.
#   desk sla ID beside desk show ID (target: within 2x)
#   desk report sla for last month and for 90 days (targets: under 1.5 s and
#     200 MB each), with peak memory from /usr/bin/time; beside them the
#     sqlite3 shell reading the same rows (the tickets logged in the period
#     with their timelines), for scale: the shell cannot measure business time
# Every command runs at the template's --now (2026-11-24T12:00:00Z), so the
# periods hold the same tickets on every run.
# Results: bench/out/sla-*.md (see bench/README.md).
. "$(dirname "$0")/common.sh"
build_desk
ensure_template
describe_machine sla-machine.md
work=$(work_copy sla)
db=$work/desk.db
export DESK_CONFIG=$work/desk.toml DESK_NOW=2026-11-24T12:00:00Z
q() { sqlite3 -init /dev/null "$db" "$1"; }
s="sqlite3 -init /dev/null"

# The same ticket as bench/foundation.sh: the longest history among a
# thousand mid-store ones.
mid=$(q "SELECT max(id) / 2 FROM tickets")
id=$(q "SELECT ticket_id FROM events WHERE ticket_id BETWEEN $mid AND $mid + 1000
        GROUP BY ticket_id ORDER BY count(*) DESC, ticket_id LIMIT 1")
echo "sla: ticket $id ($(q "SELECT count(*) FROM events WHERE ticket_id = $id") events)" >&2

bench sla-ticket --warmup 3 --runs "$runs" \
  -n "desk sla $id" "$desk sla $id" \
  -n "desk show $id" "$desk show $id"

# Last month and the 90 days up to --now, in UTC seconds.
month_since=$(date -u -d 2026-10-01 +%s) month_until=$(date -u -d 2026-11-01 +%s)
days_since=$(date -u -d '2026-11-24T12:00:00Z - 89 days' +%F)
days_since=$(date -u -d "$days_since" +%s) days_until=$(date -u -d 2026-11-25 +%s)
rows() {
  echo "SELECT count(*), sum(length(timeline)) FROM (SELECT t.id, t.priority, t.type, t.category, t.team, t.timeline FROM tickets t WHERE t.created_at >= $1 AND t.created_at < $2);"
}
report_runs=${DESK_BENCH_REPORT_RUNS:-5}
bench sla-report --warmup 1 --runs "$report_runs" \
  -n "desk report sla --period last-month" "$desk report sla --period last-month > /dev/null" \
  -n "sqlite3: the same month's rows" "$s '$db' \"$(rows "$month_since" "$month_until")\" > /dev/null" \
  -n "desk report sla --period last-90-days" "$desk report sla --period last-90-days > /dev/null" \
  -n "sqlite3: the same 90 days' rows" "$s '$db' \"$(rows "$days_since" "$days_until")\" > /dev/null"

for period in last-month last-90-days; do
  /usr/bin/time -v "$desk" report sla --period "$period" 2>"$out/sla-report-$period-time.txt" >/dev/null
  echo "report sla --period $period: max RSS $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/sla-report-$period-time.txt") KiB, CPU $(sed -n 's/.*User time (seconds): //p' "$out/sla-report-$period-time.txt") s user + $(sed -n 's/.*System time (seconds): //p' "$out/sla-report-$period-time.txt") s sys" |
    tee -a "$out/sla-report-memory.txt" >&2
done
