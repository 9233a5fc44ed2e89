#!/usr/bin/env bash
# The speed and memory benchmark of issue 2, from one command:
#   benchmarks/run.sh [DEAL_MB]      (default 200)
# 1. builds the benchmark and the CLI, 2. generates bench-data/deals-<MB>mb once (same seed, same bytes),
# 3. times a plain Jackson token pass and a full validation of that bundle in one JVM (medians of 5),
# 4. runs the whole './gongcrm validate' on it with -Xmx256m.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
size="${1:-200}"
data="bench-data/deals-${size}mb"
mvn -q -B -ntp -Dstyle.color=never -DskipTests -pl benchmarks,cli -am package
if [[ ! -f "$data/deals.ldjson" ]]; then
  java -jar benchmarks/target/gongcrm-benchmarks.jar generate "$data" "$size"
fi
# a fixed, pre-touched heap and the throughput collector keep heap growth out of the timings
java -XX:+UseParallelGC -Xms2g -Xmx2g -XX:+AlwaysPreTouch -jar benchmarks/target/gongcrm-benchmarks.jar run "$data" 5
echo "--- ./gongcrm validate $data with -Xmx256m"
TIMEFORMAT="whole command: %R s wall"
time GONGCRM_JAVA_OPTS="-Xmx256m" ./gongcrm validate "$data"
