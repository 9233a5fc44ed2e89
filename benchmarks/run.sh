#!/usr/bin/env bash
# The speed and memory benchmark (issues 9 and 22), from one command on a clean clone:
#   benchmarks/run.sh [DEAL_MB] [--maven]      (default 200)
#   benchmarks/run.sh --scale [OBJECTS...]     the heap benchmark of millions of objects: benchmarks/scale.sh
# On two bundles, data we did not choose as well as ours: benchmarks/' own generator (bench-data/deals-<MB>mb,
# non-ASCII names) and ../shared/bench/gen_bundle.py (bench-data/ascii-<MB>mb, ASCII), it times whole
# processes (cold JVMs), interleaved a, a1, b, c, a, a1, b, c..., and prints medians of wall and CPU side by side:
#   (a)  ./gongcrm validate BUNDLE, with GONGCRM_JAVA_OPTS=-Xmx256m;
#   (a1) the same on one CPU (-XX:ActiveProcessorCount=1, taskset to one core): a one-vCPU runner;
#   (b)  a plain Jackson token pass over the same .ldjson files on every core: the limit for a JVM tool;
#   (c)  the Ajv peer (node, ../shared/bench/peer_ajv.js) on the bundle's deal file, when node is there.
# Then the small bundle cold (examples/valid-bundle), with and without the launcher's class-data archive;
# C2 recompilations during one run of (a) and the warm in-process figure, on the first bundle; with --maven,
# mvn gongcrm:validate on the first bundle against Maven's own start-up (it installs the plugin in ~/.m2).
# Environment: BENCH_RUNS (default 5), BENCH_WARM_RUNS (default 3), GONGCRM_AJV_PEER (a folder with
# peer_ajv.js and node_modules), BENCH_MVN_ARGS (extra Maven arguments for the build, e.g. -o).
# Machines here are noisy: compare the medians and ratios of one run, not absolute times across runs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ "${1:-}" == --scale ]]; then
  shift
  exec benchmarks/scale.sh "$@"
fi

size=200
maven=false
[[ "${BENCH_MAVEN:-}" == 1 ]] && maven=true
for arg in "$@"; do
  case "$arg" in
    --maven) maven=true ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *[!0-9]*|'') echo "usage: benchmarks/run.sh [DEAL_MB] [--maven], or benchmarks/run.sh --scale [OBJECTS...]" >&2; exit 2 ;;
    *) size="$arg" ;;
  esac
done
runs="${BENCH_RUNS:-5}"
warm_runs="${BENCH_WARM_RUNS:-3}"
data="bench-data/deals-${size}mb"
bench_jar="benchmarks/target/gongcrm-benchmarks.jar"
# the flags ./gongcrm gives java over 100 MB (collector, inlining size, compile thresholds), so that (b) runs in the same JVM set-up
jvm_flags=(-XX:+UseParallelGC -XX:FreqInlineSize=100 -XX:CompileThresholdScaling=2 -Xmx256m)
# Maven's JVM for (m) and (m0): what docs/maven.md gives for .mvn/jvm.config, and the heap of (a)
maven_opts="-XX:+UseParallelGC -XX:FreqInlineSize=100 -Xmx256m"
if grep -qF '[madvise]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  # as the launcher and docs/maven.md, where Linux gives huge pages on request
  jvm_flags+=(-XX:+UseTransparentHugePages)
  maven_opts+=" -XX:+UseTransparentHugePages"
fi
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

# ---------------------------------------------------------------------------------------------------
# 3. the second bundle: ../shared/bench/gen_bundle.py (ASCII data, on which the peer is fast)

bundles=("$data")
declare -A deal_file=(["$data"]="$data/deals.ldjson")
ascii_generator="$root/../shared/bench/gen_bundle.py"
ascii_data="bench-data/ascii-${size}mb"
if [[ ! -f "$ascii_generator" ]]; then
  echo "note: the second bundle is skipped: no ../shared/bench/gen_bundle.py next to the repository"
elif ! command -v python3 >/dev/null; then
  echo "note: the second bundle is skipped: python3 is not installed"
else
  if [[ ! -f "$ascii_data/deal.ldjson" ]]; then
    echo "generating $ascii_data with ../shared/bench/gen_bundle.py..."
    rm -rf "$ascii_data.partial"
    python3 "$ascii_generator" "$ascii_data.partial" --deal-mb "$size" >/dev/null || die "gen_bundle.py failed"
    mv "$ascii_data.partial" "$ascii_data"
  fi
  bundles+=("$ascii_data")
  deal_file["$ascii_data"]="$ascii_data/deal.ldjson"
fi

# ---------------------------------------------------------------------------------------------------
# 3b. a Java 25 or newer, for (a25) and (s25): the newest runtime a user may have, beside the Java 17 of the
# other runs; GONGCRM_NEWER_JAVA_HOME, else one where Debian's packages put them

newer_java="${GONGCRM_NEWER_JAVA_HOME:-}"
newer_version=""
java_feature() { sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true; }
if [[ -z "$newer_java" ]]; then
  for home in /usr/lib/jvm/*; do
    feature="$(java_feature "$home")"
    if [[ -x "$home/bin/java" && "${feature:-0}" -ge 25 ]]; then
      newer_java="$home"
      break
    fi
  done
fi
if [[ -n "$newer_java" ]]; then
  newer_version="$(java_feature "$newer_java")"
else
  echo "note: (a25) and (s25) are skipped: no Java 25 or newer (set GONGCRM_NEWER_JAVA_HOME to one)"
fi

# ---------------------------------------------------------------------------------------------------
# 4. the timed runs

# check_CHECK FILE: does the output of a run show it did the whole job? A run that fails stops the
# benchmark with its output: no failing run is ever timed silently.
check_validate() { grep -q "No problems found" "$1"; }
check_tokens() { grep -q "^jackson token pass: " "$1"; }
check_peer() { grep -Eq "^ajv: [0-9]+ lines" "$1"; }

# Others may edit the sources or rebuild while this runs: then ./gongcrm rebuilds itself (Maven in the
# timing) or maps a new jar and writes its class-data archive again, and the runs would mix two builds.
# The jars are stamped after the untimed run and checked after every run.
jars_stamp() { ls -l --time-style=+%s.%N cli/target/gongcrm.jar "$bench_jar" 2>&1; }
sources_changed() {
  echo "benchmark: error: the sources or jars changed during the benchmark ($1), so the timings would mix" \
    "two builds; run it again" >&2
  exit 1
}

# measure KEY CHECK COMMAND...: runs COMMAND under /usr/bin/time and appends "wall user sys peak-RSS-KB"
# to $tmp/KEY.times; the output of the last run of KEY is in $tmp/KEY.out.
measure() {
  local key="$1" check="$2" rc=0
  shift 2
  /usr/bin/time -o "$tmp/time" -f '%e %U %S %M' "$@" >"$tmp/$key.out" 2>&1 || rc=$?
  if [[ -n "${stamp:-}" ]] && grep -q "building the command line" "$tmp/$key.out"; then
    sources_changed "./gongcrm rebuilt the command line"
  fi
  if (( rc != 0 )) || ! "check_$check" "$tmp/$key.out"; then
    tail -n 40 "$tmp/$key.out" >&2
    if (( rc == 0 )); then
      die "($key) exited with 0 but without its expected output (above): $*"
    fi
    die "($key) failed with exit status $rc (output above): $*"
  fi
  if [[ -n "${stamp:-}" && "$(jars_stamp)" != "$stamp" ]]; then
    sources_changed "a jar was rebuilt"
  fi
  tail -n 1 "$tmp/time" >>"$tmp/$key.times"
}

# one core for (a1): taskset pins the process to it (a one-vCPU runner), and the JVM sizes itself for one
one_cpu=()
if command -v taskset >/dev/null; then
  one_cpu=(taskset -c 0)
fi
run_a() { measure "$1-a" validate env GONGCRM_JAVA_OPTS="$a_opts" ./gongcrm validate "$2"; }
run_a1() {
  measure "$1-a1" validate "${one_cpu[@]}" env GONGCRM_JAVA_OPTS="$a_opts -XX:ActiveProcessorCount=1" \
    ./gongcrm validate "$2"
}
run_a25() { measure "$1-a25" validate env JAVA_HOME="$newer_java" GONGCRM_JAVA_OPTS="$a_opts" ./gongcrm validate "$2"; }
run_b() { measure "$1-b" tokens java "${jvm_flags[@]}" -jar "$bench_jar" tokens "$2"; }
run_c() { measure "$1-c" peer node "$peer/peer_ajv.js" "${deal_file[$2]}"; }
run_s() { measure s validate ./gongcrm validate examples/valid-bundle; }
run_s25() { measure s25 validate env JAVA_HOME="$newer_java" ./gongcrm validate examples/valid-bundle; }
# the first run after a build: no class-data archive yet; the second run of the command dumps it
run_s0() {
  local cache="$tmp/cache-$RANDOM$RANDOM"
  mkdir -p "$cache"
  measure s0 validate env GONGCRM_CACHE_DIR="$cache" ./gongcrm validate examples/valid-bundle
  measure s1 validate env GONGCRM_CACHE_DIR="$cache" ./gongcrm validate examples/valid-bundle
}

# untimed: the launcher's one-time build and whatever it caches (a class-data archive...) stay out of
# the timings; this also brings the bundles into the page cache for everyone
stamp=""
for (( n = 0; n < ${#bundles[@]}; n++ )); do
  echo "untimed first runs of ./gongcrm validate ${bundles[n]}..."
  # twice: the second run writes the class-data archive the timed runs map
  run_a "$n" "${bundles[n]}"
  run_a "$n" "${bundles[n]}"
  rm -f "$tmp/$n-a.times"
  if [[ -n "$newer_java" ]]; then
    # twice: the second run writes the class-data archive the timed runs map
    run_a25 "$n" "${bundles[n]}"
    run_a25 "$n" "${bundles[n]}"
    rm -f "$tmp/$n-a25.times"
  fi
done
if [[ -n "$newer_java" ]]; then
  run_s25
  run_s25
  rm -f "$tmp/s25.times"
fi
stamp="$(jars_stamp)"

# other work on the machine skews everything: its load is printed with the table
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
contenders=(a a1 b)
if [[ -n "$newer_java" ]]; then
  contenders+=(a25)
fi
if [[ -n "$peer" ]]; then
  contenders+=(c)
fi
for (( n = 0; n < ${#bundles[@]}; n++ )); do
  for (( i = 1; i <= runs; i++ )); do
    progress="${bundles[n]} run $i/$runs:"
    for name in "${contenders[@]}"; do
      "run_$name" "$n" "${bundles[n]}"
      progress+="  ($name) $(tail -n 1 "$tmp/$n-$name.times" | cut -d' ' -f1) s"
    done
    echo "$progress"
  done
  if [[ -n "$peer" ]] && ! grep -q "0 invalid records, 0 bad json, 0 duplicates, 0 unsorted" "$tmp/$n-c.out"; then
    echo "note: the Ajv peer reports problems on ${bundles[n]}: $(cat "$tmp/$n-c.out")"
  fi
done
# (s) apart from (s0) and (s1): the archive dumps of (s1) write some 25 MB each, which slowed the (s)
# run after each by a tenth of a second when they were interleaved
for (( i = 1; i <= runs; i++ )); do
  run_s
  progress="examples/valid-bundle run $i/$runs:  (s) $(tail -n 1 "$tmp/s.times" | cut -d' ' -f1) s"
  if [[ -n "$newer_java" ]]; then
    run_s25
    progress+="  (s25) $(tail -n 1 "$tmp/s25.times" | cut -d' ' -f1) s"
  fi
  echo "$progress"
done
for (( i = 1; i <= runs; i++ )); do
  run_s0
  echo "examples/valid-bundle, a fresh cache, run $i/$runs:  (s0) $(tail -n 1 "$tmp/s0.times" | cut -d' ' -f1) s  (s1) $(tail -n 1 "$tmp/s1.times" | cut -d' ' -f1) s"
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# ---------------------------------------------------------------------------------------------------
# 5. secondary: C2 churn in one run of (a), the warm in-process figure, and Maven

echo "one more run of (a) with -XX:+PrintCompilation..."
compile_log="bench-data/deals-${size}mb-printcompilation.log"   # kept for a closer look
rc=0
GONGCRM_JAVA_OPTS="$a_opts -XX:+UnlockDiagnosticVMOptions -XX:+PrintCompilation" \
  ./gongcrm validate "$data" >"$compile_log" 2>&1 || rc=$?
if grep -q "building the command line" "$compile_log" || [[ "$(jars_stamp)" != "$stamp" ]]; then
  sources_changed "before the run with -XX:+PrintCompilation"
fi
if (( rc != 0 )) || ! check_validate "$compile_log"; then
  tail -n 40 "$compile_log" >&2
  die "(a) with -XX:+PrintCompilation failed (exit $rc)"
fi
java -jar "$bench_jar" compilations "$compile_log" >"$tmp/compilations.txt"

echo "warm, in-process runs ($warm_runs)..."
# a fixed, pre-touched heap and the throughput collector keep heap growth out of the warm timings
java -XX:+UseParallelGC -Xms2g -Xmx2g -XX:+AlwaysPreTouch -jar "$bench_jar" run "$data" "$warm_runs" >"$tmp/warm.txt"

if $maven; then
  echo "installing the Maven plugin in the local repository (mvn install -pl maven-plugin -am)..."
  # shellcheck disable=SC2086  # BENCH_MVN_ARGS is a list of arguments
  mvn -q -B -ntp -Dstyle.color=never ${BENCH_MVN_ARGS:-} -DskipTests -Dinvoker.skip -Dassembly.skipAssembly \
    -Dexec.skip -pl maven-plugin -am install >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log" >&2; die "the install failed"; }
  version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)"
  mkdir -p "$tmp/project"
  printf '%s\n' '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>' \
    '<groupId>bench</groupId><artifactId>bench</artifactId><version>1</version><packaging>pom</packaging></project>' \
    >"$tmp/project/pom.xml"
  check_maven() { grep -q "No problems found" "$1"; }
  check_mvn0() { ! grep -q "BUILD FAILURE" "$1"; }
  # Maven's JVM gets $maven_opts (above); the goal runs with -Dgongcrm.force, never skipped
  run_m() {
    measure m maven env MAVEN_OPTS="$maven_opts" mvn -o -B -f "$tmp/project/pom.xml" \
      "dev.gongcrm:gongcrm-maven-plugin:$version:validate" -Dgongcrm.bundles="$root/$data" -Dgongcrm.force
  }
  run_m0() { measure m0 mvn0 env MAVEN_OPTS="$maven_opts" mvn -q -o -B -f "$tmp/project/pom.xml" validate; }
  run_m0 && rm -f "$tmp/m0.times"
  for (( i = 1; i <= runs; i++ )); do
    run_m
    run_m0
    measure ma validate env GONGCRM_JAVA_OPTS="$a_opts" ./gongcrm validate "$data"
    echo "maven run $i/$runs:  (m) $(tail -n 1 "$tmp/m.times" | cut -d' ' -f1) s  (m0) $(tail -n 1 "$tmp/m0.times" | cut -d' ' -f1) s"
  done
fi

# ---------------------------------------------------------------------------------------------------
# 6. the tables

# summary wall|cpu|rss FILE: median wall seconds, median user+sys seconds, or the largest peak RSS in MB
summary() {
  awk -v what="$1" '{ print (what == "wall") ? $1 : (what == "cpu") ? $2 + $3 : $4 / 1024 }' "$2" | sort -g |
    awk -v what="$1" '{ v[NR] = $1 }
      END { if (what == "rss") printf "%.0f", v[NR];
            else printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { printf "%.2f", x / y }'; }
verdict() { awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t) ? "met" : "NOT met" }'; }
target() { printf '%-44s %5s   target <= %-4s %s\n' "$1" "$2" "$3" "$(verdict "$2" "$3")"; }

echo
echo "=== whole processes, $runs interleaved runs each; $(nproc) cores, $(java -version 2>&1 | head -n 1)${peer:+, node $(node --version)}"
echo "    load average (1, 5, 15 min) before the timed runs: $load_before; after: $load_after"
for (( n = 0; n < ${#bundles[@]}; n++ )); do
  bundle="${bundles[n]}"
  bundle_mb="$(cat "$bundle"/*.ldjson | wc -c | awk '{ printf "%.1f", $1 / 1e6 }')"
  deals_mb="$(wc -c <"${deal_file[$bundle]}" | awk '{ printf "%.1f", $1 / 1e6 }')"
  threads="$(sed -n 's/.* on \([0-9]*\) threads.*/\1/p' "$tmp/$n-b.out")"
  declare -A label=(
    [a]="(a) ./gongcrm validate, -Xmx256m"
    [a1]="(a1) the same on one CPU"
    [a25]="(a25) the same on Java $newer_version"
    [b]="(b) Jackson token pass, $threads threads"
    [c]="(c) Ajv peer, $(basename "${deal_file[$bundle]}") only"
  )
  echo
  echo "--- $bundle: $bundle_mb MB of LDJSON ($(basename "${deal_file[$bundle]}") $deals_mb MB)"
  printf '%-44s %12s %12s %14s\n' "" "median wall" "median CPU" "peak RSS"
  for name in "${contenders[@]}"; do
    printf '%-44s %10s s %10s s %11s MB\n' "${label[$name]}" "$(summary wall "$tmp/$n-$name.times")" \
      "$(summary cpu "$tmp/$n-$name.times")" "$(summary rss "$tmp/$n-$name.times")"
  done
  echo "    (a): $(grep "No problems found" "$tmp/$n-a.out")"
  echo "    (b): $(cat "$tmp/$n-b.out")"
  if [[ -n "$peer" ]]; then
    echo "    (c): $(cat "$tmp/$n-c.out")"
    target "(a)/(c) median wall" "$(ratio "$(summary wall "$tmp/$n-a.times")" "$(summary wall "$tmp/$n-c.times")")" 0.5
    target "(a)/(c) median CPU" "$(ratio "$(summary cpu "$tmp/$n-a.times")" "$(summary cpu "$tmp/$n-c.times")")" 1.0
    target "(a1)/(c) median wall, one CPU" "$(ratio "$(summary wall "$tmp/$n-a1.times")" "$(summary wall "$tmp/$n-c.times")")" 1.0
    if [[ -n "$newer_java" ]]; then
      target "(a25)/(c) median wall, Java $newer_version" "$(ratio "$(summary wall "$tmp/$n-a25.times")" "$(summary wall "$tmp/$n-c.times")")" 0.5
      target "(a25)/(c) median CPU, Java $newer_version" "$(ratio "$(summary cpu "$tmp/$n-a25.times")" "$(summary cpu "$tmp/$n-c.times")")" 1.0
    fi
  else
    echo "(a)/(c): -      (the Ajv peer was skipped: $peer_note)"
  fi
  target "(a)/(b) median wall" "$(ratio "$(summary wall "$tmp/$n-a.times")" "$(summary wall "$tmp/$n-b.times")")" 1.5
  echo "memory: (a) validated $bundle in every run with -Xmx256m (peak RSS $(summary rss "$tmp/$n-a.times") MB, heap and all)"
done
echo
echo "--- examples/valid-bundle, cold JVM"
printf '%-44s %10s s %10s s %11s MB\n' "(s) with the launcher's class-data archive" "$(summary wall "$tmp/s.times")" \
  "$(summary cpu "$tmp/s.times")" "$(summary rss "$tmp/s.times")"
printf '%-44s %10s s %10s s %11s MB\n' "(s0) first run after a build: no archive" "$(summary wall "$tmp/s0.times")" \
  "$(summary cpu "$tmp/s0.times")" "$(summary rss "$tmp/s0.times")"
printf '%-44s %10s s %10s s %11s MB\n' "(s1) second run: dumps the archive" "$(summary wall "$tmp/s1.times")" \
  "$(summary cpu "$tmp/s1.times")" "$(summary rss "$tmp/s1.times")"
if [[ -n "$newer_java" ]]; then
  printf '%-44s %10s s %10s s %11s MB\n' "(s25) on Java $newer_version, with its archive" "$(summary wall "$tmp/s25.times")" \
    "$(summary cpu "$tmp/s25.times")" "$(summary rss "$tmp/s25.times")"
fi
target "(s) median wall, seconds" "$(summary wall "$tmp/s.times")" 0.5
if $maven; then
  echo
  echo "--- mvn gongcrm:validate on $data (MAVEN_OPTS=$maven_opts)"
  printf '%-44s %10s s %10s s\n' "(m) mvn ...:validate -Dgongcrm.force" "$(summary wall "$tmp/m.times")" "$(summary cpu "$tmp/m.times")"
  printf '%-44s %10s s %10s s\n' "(m0) mvn validate, no plugin: Maven's start" "$(summary wall "$tmp/m0.times")" "$(summary cpu "$tmp/m0.times")"
  printf '%-44s %10s s %10s s\n' "(a) ./gongcrm validate, beside them" "$(summary wall "$tmp/ma.times")" "$(summary cpu "$tmp/ma.times")"
  overhead="$(awk -v m="$(summary wall "$tmp/m.times")" -v m0="$(summary wall "$tmp/m0.times")" -v a="$(summary wall "$tmp/ma.times")" \
    'BEGIN { printf "%.2f", (m - m0) / a }')"
  target "((m) - (m0)) / (a) median wall" "$overhead" 1.0
fi
echo
echo "compile churn, one more run of (a) with -XX:+PrintCompilation (log: $compile_log):"
sed 's/^/    /' "$tmp/compilations.txt"
echo "warm, in one JVM (secondary; -Xms2g -Xmx2g, one warm-up then $warm_runs runs, one-thread token pass):"
grep -E "^(median|ratio)" "$tmp/warm.txt" | sed 's/^/    /'
