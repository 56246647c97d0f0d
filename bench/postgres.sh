#!/bin/sh
# bench/postgres.sh: a PostgreSQL store beside the SQLite one it was copied
# from (issue 17), on a server on this machine reached by its socket.
#   desk store copy of the template into the server (timed once)
#   desk show ID, desk list --status open --limit 50, desk log
#       vs psql doing the same statements (bench/sql/pg-*.sql)
#   desk export, and every report over 90 days
#       vs the same desk command on the SQLite store; export also vs psql
#       and the sqlite3 shell reading the same rows (bench/sql/*export.sql)
# Targets: each within 2x. Results: bench/out/postgres-*.md (bench/README.md).
# The server is Debian's PostgreSQL, made in $DESK_BENCH_OUT/pg with its
# defaults for durability (fsync and synchronous_commit on, as a real desk
# runs), and removed at the end.
. "$(dirname "$0")/common.sh"
need psql postgresql
build_desk
ensure_template
describe_machine postgres-machine.md
work=$(work_copy postgres)
export DESK_CONFIG=$work/desk.toml

# The server: initdb refuses root, so as root it runs as nobody.
bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/desk-bench-pg.XXXXXX)
if [ "$(id -u)" -eq 0 ]; then as="runuser -u nobody --"; chown nobody "$pgdir"; else as=""; fi
$as "$bin/initdb" -D "$pgdir/data" -U desk -A trust -E UTF8 --locale=C >/dev/null
$as "$bin/pg_ctl" start -s -w -D "$pgdir/data" -l "$pgdir/log" \
  -o "-c listen_addresses='' -c unix_socket_directories='$pgdir' -c shared_buffers=1GB"
trap '$as "$bin/pg_ctl" stop -s -D "$pgdir/data" -m fast; rm -rf "$pgdir"' EXIT
uri="postgresql:///desk?host=$pgdir&port=5432&user=desk"
psql -X -q "postgresql:///postgres?host=$pgdir&port=5432&user=desk" -c "CREATE DATABASE desk"
echo "- PostgreSQL: $("$bin/postgres" --version | cut -d' ' -f3), shared_buffers 1GB, fsync on" \
  >>"$out/postgres-machine.md"

start=$(date +%s.%N)
"$desk" store copy "$work/desk.db" "$uri" | tee "$out/postgres-copy.txt" >&2
took=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
echo "desk store copy: $took s" | tee -a "$out/postgres-copy.txt" >&2
psql -X -q "$uri" -c "VACUUM ANALYZE" >/dev/null

q() { sqlite3 -init /dev/null "$work/desk.db" "$1"; }
mid=$(q "SELECT max(id) / 2 FROM tickets")
id=$(q "SELECT ticket_id FROM events WHERE ticket_id BETWEEN $mid AND $mid + 1000
        GROUP BY ticket_id ORDER BY count(*) DESC, ticket_id LIMIT 1")
email=$(q "SELECT email FROM customers WHERE email IS NOT NULL ORDER BY id LIMIT 1")
p="psql -X -q -A -t"

bench postgres-show --warmup 3 --runs "$runs" \
  -n "desk show $id (PostgreSQL)" "$desk --db '$uri' show $id" \
  -n "psql: SELECT ticket + events + links" "$p -v id=$id '$uri' -f '$sql/pg-show.sql'" \
  -n "desk show $id (SQLite)" "$desk show $id"

bench postgres-list --warmup 3 --runs "$runs" \
  -n "desk list --status open --limit 50 (PostgreSQL)" \
  "$desk --db '$uri' list --status open --limit 50" \
  -n "psql: SELECT 51 open + COUNT" "$p '$uri' -f '$sql/pg-list-open.sql'" \
  -n "desk list --status open --limit 50 (SQLite)" "$desk list --status open --limit 50"

bench postgres-log --warmup 3 --runs "$runs" \
  -n "desk log (PostgreSQL)" \
  "$desk --db '$uri' log 'Printer on the 3rd floor jams' --type incident --customer '$email' --channel phone --category hardware --impact medium --urgency medium -m 'Paper jam in tray 2; cleared twice already.' -q" \
  -n "psql: INSERT ticket + event" "$p -v email='$email' '$uri' -f '$sql/pg-log.sql'"

bench postgres-export --warmup 1 --runs 3 \
  -n "desk export (PostgreSQL)" "$desk --db '$uri' export > /dev/null" \
  -n "psql: the rows export reads (1,000 a FETCH)" "$p '$uri' -f '$sql/pg-export.sql' > /dev/null" \
  -n "desk export (SQLite)" "$desk export > /dev/null" \
  -n "sqlite3 -json: the rows export reads" \
  "sqlite3 -init /dev/null -json '$work/desk.db' < '$sql/export.sql' > /dev/null"
/usr/bin/time -v "$desk" --db "$uri" export 2>"$out/postgres-export-time.txt" >/dev/null
echo "desk export (PostgreSQL): max RSS $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/postgres-export-time.txt") KiB" >&2

for report in volume backlog workload performance trends sla csat complaints digest; do
  bench "postgres-report-$report" --warmup 1 --runs 3 \
    -n "desk report $report (PostgreSQL)" \
    "$desk --db '$uri' report $report --period last-90-days > /dev/null" \
    -n "desk report $report (SQLite)" "$desk report $report --period last-90-days > /dev/null"
done
