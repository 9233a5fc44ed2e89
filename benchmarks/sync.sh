#!/usr/bin/env bash
# The sync benchmark of issue 20, from one command on a clean clone:
#   benchmarks/sync.sh [DEAL_MB]      (default 200; e.g. 20 for a quick run)
# Pushes the generated bundle once to a local emulator (the set-up, timed once), changes 1% of its deals
# (Benchmarks mutate), then times whole processes (cold JVMs), interleaved a, b, a, b..., medians:
#   (a) ./gongcrm validate BUNDLE, with GONGCRM_JAVA_OPTS=-Xmx256m;
#   (b) the second push of the same bundle, validation included, with GONGCRM_JAVA_OPTS=-Xmx256m: before
#       each run the ledger is put back as the first push left it, and the same 1% of the deals changed
#       anew (amounts up by the run's number), so every run is a second push of content Gong has not seen.
# Prints the bytes (b) sends against the bundle's (target: under 2%), (b)/(a) (target: at most 2) and a
# secondary line of where (b)'s time goes. Environment: BENCH_RUNS (default 3), BENCH_PERCENT (default 1),
# BENCH_EMULATOR_DELAY (the emulator's processing delay, default 0s), BENCH_MVN_ARGS (e.g. -o).
# Machines here are noisy: compare the medians and ratios of one run, not absolute times across runs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

size=200
for arg in "$@"; do
  case "$arg" in
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *[!0-9]*|'') echo "usage: benchmarks/sync.sh [DEAL_MB]" >&2; exit 2 ;;
    *) size="$arg" ;;
  esac
done
runs="${BENCH_RUNS:-3}"
percent="${BENCH_PERCENT:-1}"
delay="${BENCH_EMULATOR_DELAY:-0s}"
data="bench-data/deals-${size}mb"      # the generated bundle, shared with run.sh, never pushed itself
bundle="bench-data/sync-${size}mb"     # a fresh copy of it per run of this script: pushed, then changed
ledger="$bundle/.gongcrm/ledger.db"    # where push keeps its ledger by default
bench_jar="benchmarks/target/gongcrm-benchmarks.jar"
opts="-Xmx256m"
push_flags=(--settle 0s --poll-interval 100ms --json)

tmp="$(mktemp -d)"
emulator_pid=""
cleanup() {
  if [[ -n "$emulator_pid" ]]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh

# ---------------------------------------------------------------------------------------------------
# 1. build when a jar is missing or older than the sources; generate the bundle once; copy it

build_and_generate
rm -rf "$bundle"
mkdir -p "$bundle"
cp "$data"/*.ldjson "$data"/*.json "$bundle"/
bundle_bytes="$(cat "$bundle"/*.ldjson "$bundle"/*.json | wc -c)"

# ---------------------------------------------------------------------------------------------------
# 2. the emulator on a free loopback port, an integration, the first push

: >"$tmp/emulator.out"
./gongcrm emulator --port 0 --delay "$delay" >"$tmp/emulator.out" 2>&1 &
emulator_pid=$!
for (( i = 0; i < 600; i++ )); do
  grep -q "export GONG_BASE_URL=" "$tmp/emulator.out" && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$tmp/emulator.out" >&2; die "the emulator did not start"; }
  sleep 0.1
done
base_url="$(sed -n 's/.*export GONG_BASE_URL=\([^ ]*\) .*/\1/p' "$tmp/emulator.out")"
[[ -n "$base_url" ]] || { cat "$tmp/emulator.out" >&2; die "the emulator did not say its address in 60 s"; }
export GONG_BASE_URL="$base_url" GONG_ACCESS_KEY=gongcrm GONG_ACCESS_KEY_SECRET=gongcrm
unset GONG_INTEGRATION_ID
./gongcrm integration register --name sync-benchmark --owner-email bench@example.com >"$tmp/register.out" 2>&1 \
  || { cat "$tmp/register.out" >&2; die "registering an integration failed"; }
echo "emulator at $base_url (processing delay $delay); $(head -n 1 "$tmp/register.out" | cut -d';' -f1)"

# json_types FILE FIELD: the sum of FIELD over the entries of "types" of a push --json (pretty-printed)
json_types() {
  awk -v field="$2" '/^  "types" : \[/ { on = 1 } /^  "steps" : \[/ { on = 0 }
    on && $1 == "\"" field "\"" { gsub(/[ ,]/, "", $3); sum += $3 } END { print sum + 0 }' "$1"
}
# json_type FILE TYPE FIELD: FIELD of one type's entry
json_type() {
  awk -v type="$2" -v field="$3" '/"type" : / { t = $3; gsub(/[",]/, "", t) }
    t == type && $1 == "\"" field "\"" { gsub(/[ ,]/, "", $3); print $3; exit }' "$1"
}
outcome() { sed -n 's/^  "outcome" : "\(.*\)",$/\1/p' "$1"; }

echo "first push of $bundle ($bundle_bytes bytes), -Xmx256m (the set-up, timed once)..."
rc=0
GONGCRM_JAVA_OPTS="$opts" /usr/bin/time -o "$tmp/first.time" -f '%e %U %S %M' \
  ./gongcrm push "$bundle" "${push_flags[@]}" >"$tmp/first.json" 2>"$tmp/first.err" || rc=$?
if (( rc != 0 )) || [[ "$(outcome "$tmp/first.json")" != done ]]; then
  tail -n 40 "$tmp/first.err" >&2
  die "the first push failed (exit $rc, outcome '$(outcome "$tmp/first.json")')"
fi
read -r first_wall first_user first_sys first_rss <"$tmp/first.time"
first_bytes="$(json_types "$tmp/first.json" bytes)"
first_uploads="$(json_types "$tmp/first.json" uploads)"
cp "$ledger" "$tmp/ledger.db"   # the ledger as the first push left it
ledger_mb="$(wc -c <"$ledger" | awk '{ printf "%.0f", $1 / 1e6 }')"

cp "$bundle/deals.ldjson" "$tmp/deals.pushed"   # the deals as the first push sent them
java -jar "$bench_jar" mutate "$bundle" "$percent" | tee "$tmp/mutate.out"
changed_deals="$(sed -n 's/^changed \([0-9,]*\) deals.*/\1/p' "$tmp/mutate.out" | tr -d ,)"
[[ -n "$changed_deals" ]] || die "Benchmarks mutate did not say how many deals it changed"

# ---------------------------------------------------------------------------------------------------
# 3. the timed runs

check_a() { grep -q "No problems found" "$1"; }
# (b) must have pushed the changed deals, and only them: outcome done, the DEAL upload(s) DONE
check_b() {
  local changed uploads bytes
  changed="$(json_type "$1" DEAL changed)"
  uploads="$(json_type "$1" DEAL uploads)"
  bytes="$(json_type "$1" DEAL bytes)"
  [[ "$(outcome "$1")" == done && "$changed" == "$changed_deals" && "${uploads:-0}" -ge 1 && "${bytes:-0}" -gt 0 ]]
}

# Others may edit the sources or rebuild while this runs; then the runs would mix two builds.
jars_stamp() { ls -l --time-style=+%s.%N cli/target/gongcrm.jar "$bench_jar" 2>&1; }

# measure NAME COMMAND...: runs COMMAND under /usr/bin/time, appends "wall user sys peak-RSS-KB" to
# $tmp/NAME.times; the run's standard output is in $tmp/NAME.out, its standard error in $tmp/NAME.err.
measure() {
  local name="$1" rc=0
  shift
  /usr/bin/time -o "$tmp/time" -f '%e %U %S %M' "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
  if grep -q "building the command line" "$tmp/$name.err"; then
    die "./gongcrm rebuilt the command line during the benchmark (the sources changed): run it again"
  fi
  if (( rc != 0 )) || ! "check_$name" "$tmp/$name.out"; then
    tail -n 40 "$tmp/$name.out" "$tmp/$name.err" >&2
    die "($name) failed (exit status $rc) or did not do the whole job (output above): $*"
  fi
  if [[ -n "${stamp:-}" && "$(jars_stamp)" != "$stamp" ]]; then
    die "a jar was rebuilt during the benchmark: run it again"
  fi
  tail -n 1 "$tmp/time" >>"$tmp/$name.times"
}

# The ledger as the first push left it, on disk as SQLite leaves it (a copy not yet written back would make the push's
# first commit wait for the whole file to reach the disk)
restore_ledger() { rm -f "$ledger"-journal "$ledger"-wal "$ledger"-shm; cp "$tmp/ledger.db" "$ledger"; sync "$ledger"; }
# Each second push is another day's change of the same deals (amounts up by the run's number): content
# Gong has never seen, as a real second push's, rather than the same upload again, which Gong would
# answer with a 409 and the client send once more under a new id.
day=1
next_day() {
  day=$((day + 1))
  cp "$tmp/deals.pushed" "$bundle/deals.ldjson"
  java -jar "$bench_jar" mutate "$bundle" "$percent" "$day" >/dev/null
}
run_a() { measure a env GONGCRM_JAVA_OPTS="$opts" ./gongcrm validate "$bundle"; }
run_b() { restore_ledger; measure b env GONGCRM_JAVA_OPTS="$opts" ./gongcrm push "$bundle" "${push_flags[@]}"; next_day; }

# untimed: brings the changed bundle into the page cache
echo "untimed first runs of (a) and (b)..."
stamp=""
run_a
run_b
stamp="$(jars_stamp)"
rm -f "$tmp/a.times" "$tmp/b.times"

load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
for (( i = 1; i <= runs; i++ )); do
  run_a
  run_b
  echo "run $i/$runs:  (a) $(tail -n 1 "$tmp/a.times" | cut -d' ' -f1) s  (b) $(tail -n 1 "$tmp/b.times" | cut -d' ' -f1) s" \
    "($(json_type "$tmp/b.out" DEAL bytes) DEAL bytes in $(json_type "$tmp/b.out" DEAL uploads) upload(s))"
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# ---------------------------------------------------------------------------------------------------
# 4. secondary: where the time goes and the heap, from one more run of (a) and of (b) with -Xlog

# gc_summary FILE: the collections of a -Xlog:gc log and the largest heap left after one
gc_summary() {
  awk '/Pause/ { n++; if (match($0, /->[0-9]+M/)) { v = substr($0, RSTART + 2, RLENGTH - 3) + 0; if (v > max) max = v }
                 if (match($0, /[0-9.]+ms$/)) ms += substr($0, RSTART, RLENGTH - 2) }
       END { printf "%d collections, %.0f ms of pauses, at most %d MB left after one", n, ms, max }' "$1"
}
# phases LOG CLASS=LABEL...: from -Xlog:class+load:file=LOG:uptime, the JVM uptime at the first load of
# each class (the start of a phase: class names of this version, so approximate) and the time to the next
phases() {
  local log="$1" marker
  shift
  for marker in "$@"; do
    awk -v class="${marker%%=*}" -v label="${marker#*=}" '$2 == class { print substr($1, 2, length($1) - 3), label; exit }' "$log"
  done
  awk 'END { print substr($1, 2, length($1) - 3), "(exit)" }' "$log"
}
print_phases() {
  awk '{ t[NR] = $1; $1 = ""; label[NR] = $0 }
    END { for (i = 1; i <= NR; i++)
            printf "    %6.2f s %s%s\n", t[i], (i < NR) ? sprintf("%+6.2f s ", t[i + 1] - t[i]) : "         ", label[i] }'
}

echo "one more run of (a) and of (b) with -Xlog:gc and -Xlog:class+load..."
log_opts() { echo "$opts -Xlog:gc:file=$tmp/$1-gc.log:uptime -Xlog:class+load=info:file=$tmp/$1-classes.log:uptime"; }
GONGCRM_JAVA_OPTS="$(log_opts a)" ./gongcrm validate "$bundle" >"$tmp/a-log.out" 2>&1 \
  || { cat "$tmp/a-log.out" >&2; die "(a) with -Xlog failed"; }
check_a "$tmp/a-log.out" || { cat "$tmp/a-log.out" >&2; die "(a) with -Xlog did not validate the bundle"; }
restore_ledger
rc=0
GONGCRM_JAVA_OPTS="$(log_opts b)" ./gongcrm push "$bundle" "${push_flags[@]}" >"$tmp/b-log.out" 2>"$tmp/b-log.err" \
  || rc=$?
if (( rc != 0 )) || ! check_b "$tmp/b-log.out"; then
  cat "$tmp/b-log.err" >&2
  die "(b) with -Xlog failed (exit $rc) or did not push the changed deals"
fi
phases "$tmp/a-classes.log" dev.gongcrm.cli.ValidateCommand="command line" \
  dev.gongcrm.validator.engine.BundleRun="validation: set-up, schema files" \
  dev.gongcrm.validator.engine.EntityFileRun="validation: reading the files" | print_phases >"$tmp/a-phases.txt"
phases "$tmp/b-classes.log" dev.gongcrm.cli.PushCommand="command line" \
  dev.gongcrm.client.push.Ledger="bundle scan, API client, ledger open (SQLite, migrations), integration lookup" \
  dev.gongcrm.client.push.PushRunner="does Gong hold the ledger's last upload (one request-status)" \
  dev.gongcrm.validator.engine.BundleRun="validation: set-up, schema files, the ledger's earlier objects" \
  dev.gongcrm.validator.engine.EntityFileRun="validation and planning: reading the files, each line's hash against the ledger" \
  dev.gongcrm.client.push.StepAction="uploads: send, Gong processing, polls, ledger records" \
  dev.gongcrm.client.push.PushSummary="summary (--json)" | print_phases >"$tmp/b-phases.txt"

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

deals_bytes="$(wc -c <"$bundle/deals.ldjson")"
objects="$(json_types "$tmp/b.out" objects)"
sent_bytes="$(json_types "$tmp/b.out" bytes)"
sent_uploads="$(json_types "$tmp/b.out" uploads)"
share="$(awk -v s="$sent_bytes" -v t="$bundle_bytes" 'BEGIN { printf "%.2f", 100 * s / t }')"
a_wall="$(summary wall "$tmp/a.times")"
b_wall="$(summary wall "$tmp/b.times")"

echo
echo "=== $bundle: $bundle_bytes bytes (deals.ldjson $deals_bytes), $objects objects; whole processes, $runs interleaved runs each"
echo "    $(nproc) cores, $(java -version 2>&1 | head -n 1); emulator on the same machine, processing delay $delay"
echo "    load average (1, 5, 15 min) before the timed runs: $load_before; after: $load_after"
printf '%-44s %12s %12s %14s\n' "" "median wall" "median CPU" "peak RSS"
printf '%-44s %10s s %10s s %11s MB\n' "first push, once (the set-up), -Xmx256m" "$first_wall" \
  "$(awk -v u="$first_user" -v s="$first_sys" 'BEGIN { printf "%.2f", u + s }')" "$((first_rss / 1024))"
printf '%-44s %10s s %10s s %11s MB\n' "(a) ./gongcrm validate, -Xmx256m" "$a_wall" "$(summary cpu "$tmp/a.times")" \
  "$(summary rss "$tmp/a.times")"
printf '%-44s %10s s %10s s %11s MB\n' "(b) second push ($percent% of deals changed), -Xmx256m" "$b_wall" \
  "$(summary cpu "$tmp/b.times")" "$(summary rss "$tmp/b.times")"
echo "    first push: $first_bytes bytes in $first_uploads uploads; ledger after it: $ledger_mb MB"
echo "    (b): $changed_deals deals changed; sends $sent_bytes bytes in $sent_uploads upload(s)" \
  "(DEAL: $(json_type "$tmp/b.out" DEAL changed) changed, $(json_type "$tmp/b.out" DEAL unchanged) unchanged)"
echo
echo "(b) bytes / bundle bytes: $share%   target < 2%: $(awk -v s="$share" 'BEGIN { print (s < 2) ? "met" : "NOT met" }')"
r="$(ratio "$b_wall" "$a_wall")"
echo "(b)/(a) median wall: $r   target <= 2: $(verdict "$r" 2)"
echo "(b)/(a) median CPU:  $(ratio "$(summary cpu "$tmp/b.times")" "$(summary cpu "$tmp/a.times")")"
echo "memory: (a) and (b) ran every time with -Xmx256m and succeeded (a run that fails stops the benchmark)"
echo
echo "heap, one more run of each with -Xlog:gc (secondary):"
echo "    (a) $(gc_summary "$tmp/a-gc.log")"
echo "    (b) $(gc_summary "$tmp/b-gc.log")"
echo "where the time goes, the same runs (JVM uptime at the start of each phase, then its length; secondary):"
echo "  (a) ./gongcrm validate"
cat "$tmp/a-phases.txt"
echo "  (b) ./gongcrm push"
cat "$tmp/b-phases.txt"
