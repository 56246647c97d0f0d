#!/bin/sh
# bench/lists.sh: issue 18's long lists on the 1M-ticket store.
#   desk list (every open ticket, by id) in every format, and -q,
#       each with its peak memory (max RSS): the target is under 30 MB
#   desk list --format tsv  vs  sqlite3 printing the same rows in the same
#       order (bench/sql/list-open-all.sql): the target is within 2x
# Results: bench/out/lists-*.md and lists-memory.txt (see bench/README.md).
. "$(dirname "$0")/common.sh"
build_desk
ensure_template
describe_machine lists-machine.md
work=$(work_copy lists)
export DESK_CONFIG=$work/desk.toml
s="sqlite3 -init /dev/null"

: >"$out/lists-memory.txt"
for args in "" "-q" "--format jsonl" "--format csv" "--format tsv" "--format json" \
  "--all --format jsonl"; do
  /usr/bin/time -f "%e s %M KiB" "$desk" list $args 2>"$out/lists-time.txt" >/dev/null
  echo "desk list $args: $(tail -n 1 "$out/lists-time.txt")" | tee -a "$out/lists-memory.txt" >&2
done

bench lists-open --warmup 1 --runs 5 \
  -n "desk list --format tsv (open, by id)" "$desk list --format tsv > /dev/null" \
  -n "sqlite3: the same rows and order" "$s '$work/desk.db' < '$sql/list-open-all.sql' > /dev/null"
