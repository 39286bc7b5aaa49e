#!/usr/bin/env bash
# Longer fuzzing runs, one target at a time at low priority. Each target starts from
# its seed corpus (tests/fuzz/corpus/<target>) plus what earlier runs found (kept in
# the build tree) and stops after KG_FUZZ_RUNS executions or KG_FUZZ_MINUTES, whichever
# comes first. Prints executions, corpus size and crash files per target.
#   usage: scripts/fuzz.sh [target ...]      (default: every target)
#   KG_FUZZ_BUILD_DIR  build directory with -DKG_FUZZ=ON (default build-fuzz; configured
#                      and built here if missing)
#   KG_FUZZ_RUNS       executions per target (default 10000000)
#   KG_FUZZ_MINUTES    wall-clock limit per target (default 30)
#   KG_FUZZ_MAX_LEN    largest input libFuzzer generates (default 4096)
#   KG_FUZZ_NICE       nice level of the fuzzer (default 15)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="${KG_FUZZ_BUILD_DIR:-build-fuzz}"
runs="${KG_FUZZ_RUNS:-10000000}"
minutes="${KG_FUZZ_MINUTES:-30}"
max_len="${KG_FUZZ_MAX_LEN:-4096}"
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(article conllu ontology rdf_turtle rdf_ntriples rdf_nquads rdf_rdfxml sparql)
fi
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER="$(command -v clang-14 || command -v clang)" \
    -DCMAKE_CXX_COMPILER="$(command -v clang++-14 || command -v clang++)" \
    -DKG_FUZZ=ON -DKG_BUILD_BENCH=OFF -DKG_BUILD_EXAMPLES=OFF >/dev/null
fi
cmake --build "$build" -j2 --target $(printf 'fuzz_%s ' "${targets[@]}")

export KG_ONTOLOGY_DIR="${KG_ONTOLOGY_DIR:-$root/ontology/data}"
export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$root/scripts/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
printf '%-14s %12s %10s %8s %8s %s\n' target executions exec/s corpus crashes stopped
for t in "${targets[@]}"; do
  work="$build/fuzz/$t"
  mkdir -p "$work/corpus" "$work/artifacts"
  log="$work/long-run.log"
  start=$(date +%s)
  # libFuzzer stops at the first crash and saves it under artifacts/; fix it, add it to
  # tests/fuzz/regressions/<target>/, and run again.
  nice -n "${KG_FUZZ_NICE:-15}" "$build/tests/fuzz_$t" -runs="$runs" -max_total_time=$((minutes * 60)) \
    -max_len="$max_len" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$work/corpus" "tests/fuzz/corpus/$t" >"$log" 2>&1 || true
  secs=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  crashes=$(find "$work/artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  stopped="after ${secs}s"
  if grep -q 'ERROR: libFuzzer\|ERROR: AddressSanitizer\|runtime error\|ERROR: LeakSanitizer' "$log"; then stopped="$stopped on a crash (see $log)"; fi
  printf '%-14s %12s %10s %8s %8s %s\n' "$t" "${execs:-?}" "${rate:-?}" \
    "$(ls "$work/corpus" | wc -l)" "$crashes" "$stopped"
done
