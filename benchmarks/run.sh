#!/usr/bin/env bash
# The benchmark of issue 9, from one command on a clean clone:
#   benchmarks/run.sh [DEAL_MB] [--maven]      (default 200)
# Times whole processes (cold JVMs), interleaved a, b, c, a, b, c..., and prints medians side by side:
#   (a) ./gongcrm validate bench-data/deals-<MB>mb, with GONGCRM_JAVA_OPTS=-Xmx256m;
#   (b) a plain Jackson token pass over the same .ldjson files on every core, as its own JVM with the
#       launcher's flags: the limit for a JVM tool;
#   (c) the Ajv peer (node, ../shared/bench/peer_ajv.js) on the bundle's deals.ldjson, when node is there.
# Then, as secondary lines: C2 recompilations during one run of (a), and the warm in-process figure.
# Environment: BENCH_RUNS (default 5), BENCH_WARM_RUNS (default 3), GONGCRM_AJV_PEER (a folder with
# peer_ajv.js and node_modules), BENCH_MVN_ARGS (extra Maven arguments for the build, e.g. -o).
# Machines here are noisy: compare the medians and ratios of one run, not absolute times across runs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

size=200
maven=false
[[ "${BENCH_MAVEN:-}" == 1 ]] && maven=true
for arg in "$@"; do
  case "$arg" in
    --maven) maven=true ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *[!0-9]*|'') echo "usage: benchmarks/run.sh [DEAL_MB] [--maven]" >&2; exit 2 ;;
    *) size="$arg" ;;
  esac
done
runs="${BENCH_RUNS:-5}"
warm_runs="${BENCH_WARM_RUNS:-3}"
data="bench-data/deals-${size}mb"
bench_jar="benchmarks/target/gongcrm-benchmarks.jar"
# the flags ./gongcrm gives java (it adds the collector and the inlining size), so that (b) runs in the same JVM set-up
jvm_flags=(-XX:+UseParallelGC -XX:FreqInlineSize=100 -Xmx256m)
a_opts="-Xmx256m"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh

# ---------------------------------------------------------------------------------------------------
# 1. build the benchmark and the command line when stale; generate the bundle once

build_and_generate

# ---------------------------------------------------------------------------------------------------
# 2. find a usable Ajv peer: $GONGCRM_AJV_PEER, else /tmp/ajv-peer, else set one up under bench-data/

shared_peer="$root/../shared/bench/peer_ajv.js"
peer=""
peer_note=""

usable_peer() { [[ -f "$1/peer_ajv.js" && -d "$1/node_modules/ajv" && -d "$1/node_modules/ajv-formats" ]]; }

find_peer() {
  if ! command -v node >/dev/null; then
    peer_note="node is not installed"
    return
  fi
  if [[ -n "${GONGCRM_AJV_PEER:-}" ]]; then
    usable_peer "$GONGCRM_AJV_PEER" && { peer="$GONGCRM_AJV_PEER"; return; }
    echo "note: GONGCRM_AJV_PEER=$GONGCRM_AJV_PEER has no peer_ajv.js with node_modules/ajv{,-formats}; looking further"
  fi
  usable_peer /tmp/ajv-peer && { peer=/tmp/ajv-peer; return; }
  local own="bench-data/ajv-peer"   # git-ignored, so node_modules is never committed
  if [[ ! -f "$shared_peer" ]]; then
    peer_note="no ../shared/bench/peer_ajv.js next to the repository"
    return
  fi
  if ! usable_peer "$own"; then
    if ! command -v npm >/dev/null; then
      peer_note="npm is not installed to set it up"
      return
    fi
    echo "setting up the Ajv peer in $own (npm install ajv@8 ajv-formats@3)..."
    mkdir -p "$own"
    if ! (cd "$own" && { [[ -f package.json ]] || npm init -y; } && npm install -q ajv@8 ajv-formats@3) \
        >"$tmp/npm.log" 2>&1; then
      peer_note="npm install in $own failed: $(grep -m 1 -E '^npm (error|ERR!)' "$tmp/npm.log" || tail -n 1 "$tmp/npm.log")"
      return
    fi
  fi
  cp "$shared_peer" "$own/peer_ajv.js"   # always the current peer
  peer="$own"
}

find_peer
# one cheap start (an empty input) proves that node finds its modules before anything is timed
if [[ -n "$peer" ]] && ! node "$peer/peer_ajv.js" /dev/null >"$tmp/peer.log" 2>&1; then
  peer_note="node $peer/peer_ajv.js does not start: $(tail -n 1 "$tmp/peer.log")"
  peer=""
fi
if [[ -n "$peer" && -f "$shared_peer" ]] && ! cmp -s "$peer/peer_ajv.js" "$shared_peer"; then
  echo "note: $peer/peer_ajv.js differs from ../shared/bench/peer_ajv.js; timing the former"
fi
if [[ -z "$peer" ]]; then
  echo "note: (c) the Ajv peer is skipped: $peer_note"
fi

if $maven; then
  echo "note: mvn gongcrm:validate is not timed here (it needs the plugin installed in the local repository); see benchmarks/README.md"
fi

# ---------------------------------------------------------------------------------------------------
# 3. the timed runs

# check_NAME FILE: does the output of a run show it did the whole job? A run that fails stops the
# benchmark with its output: no failing run is ever timed silently.
check_a() { grep -q "No problems found" "$1"; }
check_b() { grep -q "^jackson token pass: " "$1"; }
check_c() { grep -Eq "^ajv: [0-9]+ lines" "$1"; }

# Others may edit the sources or rebuild while this runs: then ./gongcrm rebuilds itself (Maven in the
# timing) or maps a new jar and writes its class-data archive again, and the runs would mix two builds.
# The jars are stamped after the untimed run and checked after every run.
jars_stamp() { ls -l --time-style=+%s.%N cli/target/gongcrm.jar "$bench_jar" 2>&1; }
sources_changed() {
  echo "benchmark: error: the sources or jars changed during the benchmark ($1), so the timings would mix" \
    "two builds; run it again" >&2
  exit 1
}

# measure NAME COMMAND...: runs COMMAND under /usr/bin/time and appends "wall user sys peak-RSS-KB"
# to $tmp/NAME.times; the output of the last run of NAME is in $tmp/NAME.out.
measure() {
  local name="$1" rc=0
  shift
  /usr/bin/time -o "$tmp/time" -f '%e %U %S %M' "$@" >"$tmp/$name.out" 2>&1 || rc=$?
  if [[ -n "${stamp:-}" ]] && grep -q "building the command line" "$tmp/$name.out"; then
    sources_changed "./gongcrm rebuilt the command line"
  fi
  if (( rc != 0 )) || ! "check_$name" "$tmp/$name.out"; then
    tail -n 40 "$tmp/$name.out" >&2
    if (( rc == 0 )); then
      die "($name) exited with 0 but without its expected output (above): $*"
    fi
    die "($name) failed with exit status $rc (output above): $*"
  fi
  if [[ -n "${stamp:-}" && "$(jars_stamp)" != "$stamp" ]]; then
    sources_changed "a jar was rebuilt"
  fi
  tail -n 1 "$tmp/time" >>"$tmp/$name.times"
}

run_a() { measure a env GONGCRM_JAVA_OPTS="$a_opts" ./gongcrm validate "$data"; }
run_b() { measure b java "${jvm_flags[@]}" -jar "$bench_jar" tokens "$data"; }
run_c() { measure c node "$peer/peer_ajv.js" "$data/deals.ldjson"; }

# untimed: the launcher's one-time build and whatever it caches (a class-data archive...) stay out of
# the timings; this also brings the bundle into the page cache for everyone
echo "untimed first run of ./gongcrm validate $data..."
stamp=""
run_a
stamp="$(jars_stamp)"
rm -f "$tmp/a.times"

# other work on the machine skews everything: its load is printed with the table
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
contenders=(a b)
if [[ -n "$peer" ]]; then
  contenders+=(c)
fi
for (( i = 1; i <= runs; i++ )); do
  progress="run $i/$runs:"
  for name in "${contenders[@]}"; do
    "run_$name"
    progress+="  ($name) $(tail -n 1 "$tmp/$name.times" | cut -d' ' -f1) s"
  done
  echo "$progress"
done
if [[ -n "$peer" ]] && ! grep -q "0 invalid records, 0 bad json, 0 duplicates, 0 unsorted" "$tmp/c.out"; then
  echo "note: the Ajv peer reports problems on this bundle: $(cat "$tmp/c.out")"
fi

load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# ---------------------------------------------------------------------------------------------------
# 4. secondary: C2 churn in one run of (a), and the warm in-process figure

echo "one more run of (a) with -XX:+PrintCompilation..."
compile_log="bench-data/deals-${size}mb-printcompilation.log"   # kept for a closer look
rc=0
GONGCRM_JAVA_OPTS="$a_opts -XX:+UnlockDiagnosticVMOptions -XX:+PrintCompilation" \
  ./gongcrm validate "$data" >"$compile_log" 2>&1 || rc=$?
if grep -q "building the command line" "$compile_log" || [[ "$(jars_stamp)" != "$stamp" ]]; then
  sources_changed "before the run with -XX:+PrintCompilation"
fi
if (( rc != 0 )) || ! check_a "$compile_log"; then
  tail -n 40 "$compile_log" >&2
  die "(a) with -XX:+PrintCompilation failed (exit $rc)"
fi
java -jar "$bench_jar" compilations "$compile_log" >"$tmp/compilations.txt"

echo "warm, in-process runs ($warm_runs)..."
# a fixed, pre-touched heap and the throughput collector keep heap growth out of the warm timings
java -XX:+UseParallelGC -Xms2g -Xmx2g -XX:+AlwaysPreTouch -jar "$bench_jar" run "$data" "$warm_runs" >"$tmp/warm.txt"

# ---------------------------------------------------------------------------------------------------
# 5. the table

# summary wall|cpu|rss FILE: median wall seconds, median user+sys seconds, or the largest peak RSS in MB
summary() {
  awk -v what="$1" '{ print (what == "wall") ? $1 : (what == "cpu") ? $2 + $3 : $4 / 1024 }' "$2" | sort -g |
    awk -v what="$1" '{ v[NR] = $1 }
      END { if (what == "rss") printf "%.0f", v[NR];
            else printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { printf "%.2f", x / y }'; }
verdict() { awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t) ? "met" : "NOT met" }'; }

bundle_mb="$(cat "$data"/*.ldjson | wc -c | awk '{ printf "%.1f", $1 / 1e6 }')"
deals_mb="$(wc -c <"$data/deals.ldjson" | awk '{ printf "%.1f", $1 / 1e6 }')"
threads="$(sed -n 's/.* on \([0-9]*\) threads.*/\1/p' "$tmp/b.out")"
declare -A label=(
  [a]="(a) ./gongcrm validate, -Xmx256m"
  [b]="(b) Jackson token pass, $threads threads"
  [c]="(c) Ajv peer, deals.ldjson only"
)

echo
echo "=== $data: $bundle_mb MB of LDJSON (deals.ldjson $deals_mb MB); whole processes, $runs interleaved runs each"
echo "    $(nproc) cores, $(java -version 2>&1 | head -n 1)${peer:+, node $(node --version)}"
echo "    load average (1, 5, 15 min) before the timed runs: $load_before; after: $load_after"
printf '%-40s %12s %12s %14s\n' "" "median wall" "median CPU" "peak RSS"
for name in "${contenders[@]}"; do
  printf '%-40s %10s s %10s s %11s MB\n' "${label[$name]}" "$(summary wall "$tmp/$name.times")" \
    "$(summary cpu "$tmp/$name.times")" "$(summary rss "$tmp/$name.times")"
done
echo "    (a): $(grep "No problems found" "$tmp/a.out")"
echo "    (b): $(cat "$tmp/b.out")"
if [[ -n "$peer" ]]; then
  echo "    (c): $(cat "$tmp/c.out")"
fi
echo
a_wall="$(summary wall "$tmp/a.times")"
if [[ -n "$peer" ]]; then
  r="$(ratio "$a_wall" "$(summary wall "$tmp/c.times")")"
  echo "(a)/(c) median wall: $r   target <= 0.5: $(verdict "$r" 0.5)"
else
  echo "(a)/(c) median wall: -      (the Ajv peer was skipped: $peer_note)"
fi
r="$(ratio "$a_wall" "$(summary wall "$tmp/b.times")")"
echo "(a)/(b) median wall: $r   target <= 1.5: $(verdict "$r" 1.5)"
echo "memory: (a) validated the bundle in every run with -Xmx256m (peak RSS $(summary rss "$tmp/a.times") MB, heap and all)"
echo
echo "compile churn, one more run of (a) with -XX:+PrintCompilation (log: $compile_log):"
sed 's/^/    /' "$tmp/compilations.txt"
echo "warm, in one JVM (secondary; -Xms2g -Xmx2g, one warm-up then $warm_runs runs, one-thread token pass):"
grep -E "^(median|ratio)" "$tmp/warm.txt" | sed 's/^/    /'
