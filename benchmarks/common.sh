# What the benchmark scripts share; sourced by run.sh, sync.sh and scale.sh from the repository's root,
# with $tmp (a scratch folder) and $bench_jar set, and for build_and_generate $data
# (bench-data/deals-<MB>mb) and $size (MB).

die() {
  echo "benchmark: error: $*" >&2
  exit 1
}

# Whether a jar is missing or older than the sources it is built from.
jars_stale() {
  [[ ! -f cli/target/gongcrm.jar || ! -f "$bench_jar" ]] && return 0
  local sources=(pom.xml schemas)
  local module
  for module in validator-core client emulator cli benchmarks; do
    sources+=("$module/pom.xml" "$module/src/main")
  done
  [[ -n "$(find "${sources[@]}" -type f \( -newer cli/target/gongcrm.jar -o -newer "$bench_jar" \) -print -quit)" ]]
}

# Builds the benchmark and the command line when a jar is missing or stale.
build_jars() {
  if jars_stale; then
    echo "building benchmarks and cli..."
    # shellcheck disable=SC2086  # BENCH_MVN_ARGS is a list of arguments
    if ! mvn -q -B -ntp -Dstyle.color=never ${BENCH_MVN_ARGS:-} -DskipTests -pl benchmarks,cli -am package \
        >"$tmp/build.log" 2>&1; then
      cat "$tmp/build.log" >&2
      die "the build failed (Maven output above)"
    fi
  fi
}

# Builds the jars when stale; generates the bundle once (same seed, same bytes).
build_and_generate() {
  build_jars
  if [[ ! -f "$data/deals.ldjson" ]]; then
    java -jar "$bench_jar" generate "$data" "$size"
  fi
}
