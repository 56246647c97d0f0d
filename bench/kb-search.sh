#!/bin/sh
# Times `desk kb search` and `desk kb suggest` on a store of 100,000
# articles and 1,000,000 tickets, and the raw SQL each search runs, through
# the sqlite3 command-line tool on the same file, for comparison.
#
# Usage: bench/kb-search.sh [BUILD_DIR]     (default: build)
#   The build needs the benchmark tools, which the dev preset builds with the tests
#   The store is made once, in bench/stores/ (not in git; about 1 GB, a
#   minute or two): remove bench/stores/kb-100k.db to make it again.
# Needs hyperfine and sqlite3. Results: bench/out/kb-search.md (Markdown) and
# bench/out/kb-search.json (with user and system CPU times, which a busy
# machine disturbs less than wall time: compare those on a shared machine).
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
desk=$(pwd)/$build/cmd/desk
gen=$(pwd)/$build/bench/desk_kb_gen
[ -x "$gen" ] || { echo "kb-search: no $gen; build it: cmake --preset dev && cmake --build build" >&2; exit 2; }
for tool in hyperfine sqlite3; do
  command -v $tool >/dev/null || { echo "kb-search: $tool is needed" >&2; exit 2; }
done

mkdir -p bench/stores bench/out
store=bench/stores/kb-100k.db
if [ ! -f "$store" ]; then
  "$gen" generate "$store" --articles 100000 --tickets 1000000 --seed 42
fi
config=bench/stores/kb-100k.toml
printf '[desk]\nstore = "kb-100k.db"\ntimezone = "UTC"\n' >"$config"
# Warm the page cache, as on a desk that is used.
cat "$store" >/dev/null

# One of each kind of search: a common word (12% of the articles), two
# words, a prefix, Cyrillic, a word glued into German compounds (only the
# trigram index finds it), a rare error code, an exclusion.
q1="printer" q2="printer queue" q3="print*" q4="принтер" q5="warteschlange" q6="E-041"
q7="vpn -wifi"
for i in 1 2 3 4 5 6 7; do
  eval q=\$q$i
  "$gen" sql "$store" "$q" >bench/out/kb-search-$i.sql
done

# desk, then the SQL it runs for the same search (bench/out/kb-search-N.sql:
# the ranking, and the trigram ranking when whole words do not fill the
# page; desk also reads the snippets of the 20 hits, sqlite3 does not).
set --
for i in 1 2 3 4 5 6 7; do
  eval q=\$q$i
  set -- "$@" --command-name "desk kb search '$q'" "$desk --config $config kb search '$q'" \
    --command-name "sqlite3: the SQL of '$q'" "sqlite3 $store '.read bench/out/kb-search-$i.sql'"
done
hyperfine --warmup 5 --runs 60 -N --export-markdown bench/out/kb-search.md \
  --export-json bench/out/kb-search.json "$@" \
  --command-name "desk kb suggest 1" "$desk --config $config kb suggest 1" \
  --command-name "desk kb suggest 500000" "$desk --config $config kb suggest 500000" \
  --command-name "desk kb list -n 20 (start-up, one page)" "$desk --config $config kb list -n 20" \
  --command-name "sqlite3 (start-up)" "sqlite3 $store 'SELECT 1'"
echo "kb-search: results in bench/out/kb-search.md"
