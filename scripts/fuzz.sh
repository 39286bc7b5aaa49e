#!/usr/bin/env bash
# Longer fuzzing runs, one target at a time at low priority. Each target starts from
# its seed corpus (tests/fuzz/corpus/<target>) plus what earlier runs found (kept in
# the build tree) and stops after KG_FUZZ_RUNS executions or KG_FUZZ_MINUTES, whichever
# comes first; a crash is saved and the run goes on (libFuzzer's fork mode). Prints
# executions, CPU seconds, corpus size and crash files per target.
#   usage: scripts/fuzz.sh [target ...]      (default: every target)
#   KG_FUZZ_BUILD_DIR  build directory with -DKG_FUZZ=ON (default build-fuzz; configured
#                      and built here if missing)
#   KG_FUZZ_RUNS       executions per target (default 10000000)
#   KG_FUZZ_MINUTES    wall-clock limit per target (default 30)
#   KG_FUZZ_MAX_LEN    largest input libFuzzer generates (default 4096)
#   KG_FUZZ_NICE       nice level of the fuzzer (default 15)
#   KG_FUZZ_LEAKS      "end" (default): fuzz without LeakSanitizer, then run every corpus
#                      input once with it (a leak check after each input costs a heap scan,
#                      and Raptor's suppressed leaks on malformed input make that most
#                      inputs, about 10x fewer executions); "each": check after every input
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
leaks="${KG_FUZZ_LEAKS:-end}"
export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$root/scripts/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
printf '%-14s %12s %10s %8s %8s %8s %s\n' target executions exec/s cpu-s corpus crashes stopped
for t in "${targets[@]}"; do
  work="$build/fuzz/$t"
  mkdir -p "$work/corpus" "$work/artifacts"
  log="$work/long-run.log"
  start=$(date +%s)
  touch "$work/started"
  # Crashes are saved under artifacts/: fix each, add it to tests/fuzz/regressions/<target>/.
  detect=1
  [[ "$leaks" == end ]] && detect=0
  cpu_before=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat 2>/dev/null || echo 0)
  # Fork mode: the fuzzing runs in child processes and goes on after a crash, timeout or
  # out-of-memory (each saved under artifacts/), so the run lasts its whole time.
  nice -n "${KG_FUZZ_NICE:-15}" "$build/tests/fuzz_$t" -fork=1 -ignore_crashes=1 -ignore_ooms=1 \
    -ignore_timeouts=1 -runs="$runs" -max_total_time=$((minutes * 60)) \
    -max_len="$max_len" -timeout=30 -rss_limit_mb=4096 -detect_leaks=$detect \
    -artifact_prefix="$work/artifacts/" "$work/corpus" "tests/fuzz/corpus/$t" >"$log" 2>&1 || true
  cpu_after=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat 2>/dev/null || echo 0)
  cpu=$(( (cpu_after - cpu_before) / $(getconf CLK_TCK) ))
  if [[ "$leaks" == end ]]; then
    # Every input the run kept (and the seeds), once each, with LeakSanitizer on: a process
    # per 500 inputs, whose exit check reports any leak (xargs fails if one did).
    if ! find "$work/corpus" "tests/fuzz/corpus/$t" -type f -print0 |
        nice -n "${KG_FUZZ_NICE:-15}" xargs -0 -n 500 "$build/tests/fuzz_$t" -detect_leaks=1 \
          -timeout=30 -rss_limit_mb=4096 >"$work/leak-check.log" 2>&1; then
      echo "ERROR: LeakSanitizer check of the corpus failed (see $work/leak-check.log)" >>"$log"
    fi
  fi
  secs=$(( $(date +%s) - start ))
  # The last status line of the fork-mode run: "#EXECS: cov: ... exec/s RATE ...".
  status=$(grep -E '^#[0-9]+: cov:' "$log" | tail -1)
  execs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$status")
  rate=$(sed -nE 's/.* exec\/s ([0-9]+) .*/\1/p' <<<"$status")
  # Crash, leak, timeout and out-of-memory inputs saved by this run.
  crashes=$(find "$work/artifacts" -type f -newer "$work/started" \( -name 'crash-*' -o -name 'leak-*' \
    -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  stopped="after ${secs}s"
  if grep -q 'ERROR: libFuzzer\|ERROR: AddressSanitizer\|runtime error\|ERROR: LeakSanitizer\|CHECK failed' "$log"; then stopped="$stopped; crash reports in $log"; fi
  printf '%-14s %12s %10s %8s %8s %8s %s\n' "$t" "${execs:-?}" "${rate:-?}" "$cpu" \
    "$(ls "$work/corpus" | wc -l)" "$crashes" "$stopped"
done
