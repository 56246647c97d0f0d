#!/bin/sh
# bench/startup.sh: what desk costs before it does anything (issue 18).
#   desk --version, desk config check, desk list --limit 1 on an empty store
#       beside the sqlite3 shell opening a store and reading one row
#   where the time goes: perf stat of desk --version, the dynamic loader's
#       own statistics (LD_DEBUG=statistics), the libraries loaded
# Results: bench/out/startup-*.md and startup-where.txt (bench/README.md).
# Needs no template store: a new empty one is made under $DESK_BENCH_OUT.
. "$(dirname "$0")/common.sh"
need perf linux-perf
build_desk
work=$out/work/startup
rm -rf "$work" && mkdir -p "$work"
(cd "$work" && "$desk" init >/dev/null)
export DESK_CONFIG=$work/desk.toml
s="sqlite3 -init /dev/null"

bench startup -N --warmup 5 --runs 50 \
  -n "desk --version" "$desk --version" \
  -n "desk config check" "$desk config check" \
  -n "desk list --limit 1 (empty store)" "$desk list --limit 1" \
  -n "sqlite3: open the store, SELECT 1 row" "$s $work/desk.db 'SELECT id FROM tickets LIMIT 1'"

{
  echo "== libraries loaded by desk: $(ldd "$desk" | wc -l)"
  echo "== perf stat -r 50 desk --version"
  perf stat -r 50 "$desk" --version 2>&1 >/dev/null | grep -E 'task-clock|page-faults|elapsed'
  echo "== LD_DEBUG=statistics desk --version"
  LD_DEBUG=statistics "$desk" --version 2>&1 >/dev/null | sed 's/^ *[0-9]*:\s*//' | grep -v '^$'
  echo "== perf record: where desk --version spends its time, by library"
  perf record -q -e cpu-clock -F 20000 -o "$work/perf.data" -- sh -c \
    "for i in \$(seq 50); do '$desk' --version; done" >/dev/null 2>&1
  perf report -i "$work/perf.data" --no-children --sort comm,dso -g none 2>/dev/null |
    grep '%  desk ' | head -12
} | tee "$out/startup-where.txt" >&2
