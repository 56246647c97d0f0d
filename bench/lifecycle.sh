#!/bin/sh
# bench/lifecycle.sh: the lifecycle issue's figures on a 1M-ticket store.
#   desk allocate --auto over the 10,000 unallocated tickets (target: < 1 s);
#     every run starts from a fresh copy of the template store
#   desk resolve ID vs a raw sqlite3 update of one row in its own process
#     (target: within 2x), and vs sqlite3 doing all resolve writes (row + event)
# Results: bench/out/lifecycle-*.md (see bench/README.md).
. "$(dirname "$0")/common.sh"
build_desk
ensure_template
describe_machine lifecycle-machine.md
q() { sqlite3 -init /dev/null "$1" "$2"; }
s="sqlite3 -init /dev/null"

# allocate --auto: a fresh copy for every run (written back to disk before
# the clock starts, so the run's own fsyncs do not flush the copy).
alloc=$(work_copy allocate)
waiting=$(q "$alloc/desk.db" "SELECT count(*) FROM tickets WHERE assignee = ''
                              AND status IN ('new', 'assigned', 'in-progress', 'pending')")
echo "allocate: $waiting unallocated tickets" >&2
fresh="cp '$template/desk.db' '$alloc/desk.db' && rm -f '$alloc/desk.db-wal' '$alloc/desk.db-shm' && sync '$alloc/desk.db'"
bench lifecycle-allocate --warmup 1 --runs "${DESK_BENCH_ALLOCATE_RUNS:-5}" --prepare "$fresh" \
  -n "desk allocate --auto ($waiting tickets)" \
  "DESK_CONFIG='$alloc/desk.toml' $desk allocate --auto > /dev/null"
left=$(q "$alloc/desk.db" "SELECT count(*) FROM tickets WHERE assignee = ''
                           AND status IN ('new', 'assigned', 'in-progress', 'pending')")
echo "allocate: after the last run $left of $waiting are left unallocated" |
  tee "$out/lifecycle-allocate-check.txt" >&2

# resolve: each run takes the next open ticket from a list.
res=$(work_copy resolve)
# Not complaints: resolving one needs an outcome, root cause and action.
q "$res/desk.db" "SELECT id FROM tickets WHERE status IN ('assigned', 'in-progress')
                  AND type <> 'complaint' ORDER BY id LIMIT 2000" >"$res/ids"
next="sed -n 1p '$res/ids' > '$res/id' && sed -i 1d '$res/ids'"
export DESK_CONFIG=$res/desk.toml
bench lifecycle-resolve --warmup 3 --runs "$runs" \
  --prepare "$next" --prepare "$next" --prepare "$next" \
  -n "desk resolve ID" \
  "read id < '$res/id'; $desk resolve \"\$id\" --code fixed -m 'Replaced the toner cartridge.'" \
  -n "sqlite3: UPDATE one row" \
  "read id < '$res/id'; $s -cmd \".parameter set @id \$id\" '$res/desk.db' < '$sql/resolve-row.sql'" \
  -n "sqlite3: UPDATE row + INSERT event" \
  "read id < '$res/id'; $s -cmd \".parameter set @id \$id\" '$res/desk.db' < '$sql/resolve-event.sql'"
