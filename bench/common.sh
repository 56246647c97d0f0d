# Sourced by the benchmark scripts: where things are, and the steps they share.
# Environment:
#   DESK_BUILD_RELEASE  the release build directory (build-release); one
#                       already configured is used as it is
#   DESK_BENCH_STORE    the template store (bench/stores/1m, 1M tickets), made
#                       by bench/make-store when missing and never modified;
#                       any store bench/make-store made will do (100k tickets:
#                       a tenth of the time to make)
#   DESK_BENCH_OUT      where results and working copies go (bench/out)
#   DESK_BENCH_RUNS     hyperfine runs per command (20)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${DESK_BUILD_RELEASE:-$root/build-release}
desk=$build/cmd/desk
template=${DESK_BENCH_STORE:-$root/bench/stores/1m}
out=${DESK_BENCH_OUT:-$root/bench/out}
runs=${DESK_BENCH_RUNS:-20}
sql=$root/bench/sql

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "bench: '$1' is missing; install it with: apt-get install -y $2" >&2
    exit 1
  fi
}
need hyperfine hyperfine
need sqlite3 sqlite3
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing; apt-get install -y time" >&2; exit 1; }

# The release desk (and the generator), built the way bench/make-store does.
# A DESK_BUILD_RELEASE that is already configured is used as it is.
build_desk() {
  if [ -z "${DESK_BUILD_RELEASE:-}" ] || [ ! -f "$build/CMakeCache.txt" ]; then
    (cd "$root" && cmake --preset release -B "$build" -DDESK_BENCH=ON >/dev/null)
  fi
  cmake --build "$build" -j 2 --target desk desk-make-store >&2
}

# The template store: 1M tickets, the 10,000 most recent left unallocated.
ensure_template() {
  if [ ! -f "$template/desk.db" ]; then
    echo "bench: making the 1M-ticket template store in $template" >&2
    "$root/bench/make-store" 1000000 "$template" --unallocated 10000
  fi
  # A template made by an older desk is brought to the current schema once
  # (for 1M tickets a few minutes: the audit chain hashes every event), so
  # that no timed command pays for the migration.
  DESK_CONFIG=$template/desk.toml "$desk" list --limit 1 >/dev/null
}

# A working copy of the template under $out/work/NAME, flushed to disk so
# that the timings do not pay for writing the copy back.
work_copy() {
  dir=$out/work/$1
  mkdir -p "$dir"
  rm -f "$dir/desk.db-wal" "$dir/desk.db-shm"
  cp "$template/desk.toml" "$dir/desk.toml"
  cp "$template/desk.db" "$dir/desk.db"
  sync "$dir/desk.db"
  echo "$dir"
}

# The hyperfine options every benchmark uses; results in $out/NAME.md/.json.
bench() {
  name=$1
  shift
  echo "== $name (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  hyperfine --style basic --export-markdown "$out/$name.md" --export-json "$out/$name.json" "$@"
  echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
}

# The machine, the build and the load, for the results section.
describe_machine() {
  {
    echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "- desk commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- lib cmd || echo ' (with local changes)')"
    echo "- CPU: $(nproc) x $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
    echo "- RAM: $(free -g | awk '/^Mem:/ { print $2 }') GiB"
    disk=$(df -P "$template" | awk 'NR == 2 { print $1 }')
    echo "- disk: $disk, $(lsblk -dno ROTA,SIZE "$disk" 2>/dev/null | awk '{ print "rotational=" $1 ", " $2 }')"
    echo "- SQLite: $(sqlite3 --version | cut -d' ' -f1), hyperfine: $(hyperfine --version | cut -d' ' -f2)"
    echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- template store: $(du -h "$template/desk.db" | cut -f1), $(sqlite3 "$template/desk.db" 'SELECT count(*) FROM tickets') tickets, $(sqlite3 "$template/desk.db" 'SELECT count(*) FROM events') events"
  } >"$out/$1"
}

mkdir -p "$out"
export DESK_USER=bench NO_COLOR=1 TZ=UTC
