#!/bin/sh
# bench/bulk.sh: the bulk issue's figures on the template store (1M tickets).
#   desk export (JSONL, every ticket with its events; target < 5 s), and its
#     peak memory (flat: it streams)
#   desk import of that file into an empty store (target < 8 s, and a higher
#     rate than the sqlite3 shell running the same rows as INSERT statements
#     in one transaction: .dump of the template's rows into an empty store)
#   desk doctor over the whole store
# Results: bench/out/bulk-*.md (see bench/README.md).
. "$(dirname "$0")/common.sh"
build_desk
ensure_template
describe_machine bulk-machine.md
runs=${DESK_BENCH_BULK_RUNS:-3}
s="sqlite3 -init /dev/null"

src=$(work_copy bulk-source)
file=$out/work/bulk.jsonl
export DESK_CONFIG=$src/desk.toml
n=$($s "$src/desk.db" "SELECT count(*) FROM tickets")
bench bulk-export --warmup 1 --runs "$runs" \
  -n "desk export ($n tickets, JSONL)" "$desk export > '$file'"
/usr/bin/time -v "$desk" export 2>"$out/bulk-export-time.txt" >/dev/null
echo "export: $(wc -l < "$file") lines, $(du -h "$file" | cut -f1); max RSS $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/bulk-export-time.txt") KiB" |
  tee "$out/bulk-export-check.txt" >&2

# The shell's side: the same rows as INSERT statements, one transaction.
inserts=$out/work/bulk-inserts-$n.sql
if [ ! -f "$inserts" ]; then
  {
    echo "BEGIN IMMEDIATE;"
    for t in customers tickets ticket_tags events ticket_links ratings; do
      # A table scan reads rowid order, or key order in a WITHOUT ROWID table.
      $s "$template/desk.db" ".mode insert $t" "SELECT * FROM $t"
    done
    echo "COMMIT;"
  } >"$inserts"
fi
dst=$out/work/bulk-import
mkdir -p "$dst"
cp "$template/desk.toml" "$dst/desk.toml"
# An empty store of the current schema, made by desk init, copied fresh
# before each run.
empty=$out/work/bulk-empty
rm -rf "$empty" && mkdir -p "$empty" && (cd "$empty" && "$desk" init >/dev/null)
fresh="rm -f '$dst/desk.db' '$dst/desk.db-wal' '$dst/desk.db-shm' && cp '$empty/desk.db' '$dst/desk.db'"
bench bulk-import --runs "$runs" --prepare "$fresh" \
  -n "desk import ($n tickets, JSONL)" \
  "DESK_CONFIG='$dst/desk.toml' $desk --db '$dst/desk.db' import -q '$file'" \
  -n "sqlite3: the same rows as INSERTs, one transaction" \
  "$s '$dst/desk.db' < '$inserts'"
DESK_CONFIG=$dst/desk.toml "$desk" --db "$dst/desk.db" import -q "$file"
DESK_CONFIG=$dst/desk.toml "$desk" --db "$dst/desk.db" export | cmp - "$file" &&
  echo "import: the imported store exports byte for byte the same" | tee "$out/bulk-import-check.txt" >&2

bench bulk-doctor --runs "$runs" -n "desk doctor ($n tickets)" "$desk doctor > /dev/null"
