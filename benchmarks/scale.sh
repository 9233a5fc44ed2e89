#!/usr/bin/env bash
# The heap benchmark of issue 23 (also: benchmarks/run.sh --scale), from one command on a clean clone:
#   benchmarks/scale.sh [OBJECTS...]      (default: 1000000 3000000 6000000 10000000)
# For each count, a valid bundle of that many objects (half accounts, half deals naming them, 18-character
# ids, files under 150 MB; Benchmarks scale), generated once into bench-data/scale-<OBJECTS>, and:
#   - the smallest heap that validates it: ./gongcrm validate with GONGCRM_JAVA_OPTS=-Xmx<N>m, doubled
#     from 64 MB until a run passes (exit 0, "No problems found"), then narrowed by halves to within 4 MB;
#   - bytes an object: the growth of that heap from the smallest count to each other, over the objects added
#     (what each object costs, whatever the fixed part of the heap);
#   - what --statistics says the id index held;
#   - wall and CPU (median of BENCH_RUNS, default 3) with the heap of the targets: -Xmx256m up to 6 million
#     objects, -Xmx512m above.
# Targets: 6 million objects in -Xmx256m in under 15 s wall; 10 million in -Xmx512m; at most ~24 bytes an
# object. The default counts write about 5 GB into bench-data/ once and take some 15 minutes.
# Environment: BENCH_RUNS, BENCH_MVN_ARGS (extra Maven arguments for the build, e.g. -o).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

counts=()
for arg in "$@"; do
  case "$arg" in
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *[!0-9]*|'') echo "usage: benchmarks/scale.sh [OBJECTS...]" >&2; exit 2 ;;
    *) counts+=("$arg") ;;
  esac
done
(( ${#counts[@]} > 0 )) || counts=(1000000 3000000 6000000 10000000)
mapfile -t counts < <(printf '%s\n' "${counts[@]}" | sort -n -u)
runs="${BENCH_RUNS:-3}"
bench_jar="benchmarks/target/gongcrm-benchmarks.jar"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh

build_jars
for n in "${counts[@]}"; do
  if [[ ! -f "bench-data/scale-$n/deals-1.ldjson" ]]; then
    rm -rf "bench-data/scale-$n.partial"
    java -jar "$bench_jar" scale "bench-data/scale-$n.partial" "$n"
    mv "bench-data/scale-$n.partial" "bench-data/scale-$n"
  fi
done
# untimed: the launcher's class-data archive and the page cache stay out of what follows
./gongcrm validate examples/valid-bundle >/dev/null 2>&1 || true
./gongcrm validate examples/valid-bundle >/dev/null 2>&1 || true

# passes MB DIR: does ./gongcrm validate DIR pass with that heap?
passes() {
  GONGCRM_JAVA_OPTS="-Xmx$1m" ./gongcrm validate "$2" >"$tmp/run.out" 2>&1 && grep -q "No problems found" "$tmp/run.out"
}

# smallest_heap DIR: the smallest -Xmx in MB (to 4 MB) that validates DIR, up to 4 GB
smallest_heap() {
  local low=8 high=64
  while ! passes "$high" "$1"; do
    low="$high"
    high=$(( high * 2 ))
    (( high <= 4096 )) || die "$1 does not validate in 4 GB of heap: $(tail -n 3 "$tmp/run.out")"
  done
  while (( high - low > 4 )); do
    local mid=$(( (low + high) / 2 ))
    if passes "$mid" "$1"; then high="$mid"; else low="$mid"; fi
  done
  echo "$high"
}

median() { sort -g | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A heap statistics wall cpu target
for n in "${counts[@]}"; do
  dir="bench-data/scale-$n"
  echo "$dir: the smallest heap..."
  heap[$n]="$(smallest_heap "$dir")"
  (( n <= 6000000 )) && target[$n]=256 || target[$n]=512
  GONGCRM_JAVA_OPTS="-Xmx${target[$n]}m" ./gongcrm validate --statistics "$dir" >"$tmp/statistics.out" 2>&1 ||
    { cat "$tmp/statistics.out" >&2; die "$dir does not validate with -Xmx${target[$n]}m"; }
  statistics[$n]="$(grep "^id index:" "$tmp/statistics.out")"
  : >"$tmp/times"
  for (( i = 1; i <= runs; i++ )); do
    /usr/bin/time -o "$tmp/time" -f '%e %U %S' env GONGCRM_JAVA_OPTS="-Xmx${target[$n]}m" \
      ./gongcrm validate "$dir" >"$tmp/run.out" 2>&1 || { cat "$tmp/run.out" >&2; die "$dir failed"; }
    tail -n 1 "$tmp/time" >>"$tmp/times"
  done
  wall[$n]="$(awk '{ print $1 }' "$tmp/times" | median)"
  cpu[$n]="$(awk '{ print $2 + $3 }' "$tmp/times" | median)"
done

first="${counts[0]}"
echo
echo "=== ./gongcrm validate on bundles of N objects; $(nproc) cores, $(java -version 2>&1 | head -n 1)"
printf '%12s %10s %14s %12s %12s %10s\n' "objects" "data MB" "smallest -Xmx" "bytes/object" "with -Xmx" "wall / CPU"
for n in "${counts[@]}"; do
  mb="$(cat "bench-data/scale-$n"/*.ldjson | wc -c | awk '{ printf "%.0f", $1 / 1e6 }')"
  if [[ "$n" == "$first" ]]; then
    per="-"
  else
    per="$(awk -v a="${heap[$n]}" -v b="${heap[$first]}" -v n="$n" -v f="$first" \
      'BEGIN { printf "%.1f", (a - b) * 1048576 / (n - f) }')"
  fi
  printf '%12s %10s %11s MB %12s %9s MB %5s s / %s s\n' "$n" "$mb" "${heap[$n]}" "$per" "${target[$n]}" "${wall[$n]}" "${cpu[$n]}"
done
echo "bytes/object: the smallest heap's growth from $first objects, over the objects added"
echo "--statistics, with the heap of the targets:"
for n in "${counts[@]}"; do
  echo "  $n: ${statistics[$n]}"
done
for n in "${counts[@]}"; do
  if (( n == 6000000 )); then
    verdict="$(awk -v w="${wall[$n]}" -v h="${heap[$n]}" 'BEGIN { print (w < 15 && h <= 256) ? "met" : "NOT met" }')"
    echo "6 million objects in -Xmx256m in under 15 s: ${wall[$n]} s, smallest heap ${heap[$n]} MB: $verdict"
  elif (( n == 10000000 )); then
    verdict="$(awk -v h="${heap[$n]}" 'BEGIN { print (h <= 512) ? "met" : "NOT met" }')"
    echo "10 million objects in -Xmx512m: smallest heap ${heap[$n]} MB: $verdict"
  fi
done
