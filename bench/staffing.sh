#!/bin/sh
# bench/staffing.sh: the staffing forecast on the 1M-ticket store.
#   desk report staffing --weeks 8 beside desk report volume over the same
#   eight weeks (target: within 2x), and beside the sqlite3 shell counting
#   the same tickets per quarter hour (the arrivals' query) and reading the
#   timelines of the tickets changed in those weeks (the handle time's).
# The template has no time worked unless make-store recorded it, so its copy
# gets [planning].handle_time: the report still reads every ticket resolved
# in the weeks, finds what time they have, and falls back to it.
# Results: bench/out/staffing*.md (see bench/README.md).
. "$(dirname "$0")/common.sh"
build_desk
ensure_template
describe_machine staffing-machine.md
work=$(work_copy staffing)
db=$work/desk.db
printf '\n[planning]\nhandle_time = "20m"\n' >>"$work/desk.toml"
export DESK_CONFIG=$work/desk.toml DESK_NOW=2026-11-24T12:00:00Z
s="sqlite3 -init /dev/null"

until=$(date -u -d 2026-11-24T12:00:00Z +%s)
since=$((until - 8 * 7 * 86400))
arrivals="SELECT (created_at - $since) / 900, count(*) FROM tickets WHERE created_at >= $since AND created_at < $until GROUP BY 1;"
handled="SELECT count(*), sum(length(timeline)) FROM tickets WHERE updated_at >= $since;"
from=$(date -u -d "@$since" +%FT%TZ) to=$(date -u -d "@$until" +%FT%TZ)
report_runs=${DESK_BENCH_REPORT_RUNS:-5}
bench staffing --warmup 1 --runs "$report_runs" \
  -n "desk report staffing --weeks 8" "$desk report staffing --weeks 8 > /dev/null" \
  -n "desk report staffing --weeks 8 --handle-time 20m" "$desk report staffing --weeks 8 --handle-time 20m > /dev/null" \
  -n "desk report volume (the same 8 weeks)" "$desk report volume --since $from --until $to > /dev/null" \
  -n "sqlite3: arrivals per quarter hour" "$s '$db' '$arrivals' > /dev/null" \
  -n "sqlite3: the timelines changed in the weeks" "$s '$db' '$handled' > /dev/null"

/usr/bin/time -v "$desk" report staffing --weeks 8 2>"$out/staffing-time.txt" >/dev/null
echo "report staffing --weeks 8: max RSS $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/staffing-time.txt") KiB" >&2
