#!/usr/bin/env bash
# The sanitizer build: everything compiled with clang, AddressSanitizer (with
# LeakSanitizer) and UndefinedBehaviorSanitizer, -fno-sanitize-recover=all, plus
# libFuzzer's instrumentation so the same build also gives each fuzz target a
# short bounded run. Runs the whole test suite in that build.
#   KG_SANITIZE_BUILD_DIR  build directory (default build-asan)
#   KG_FUZZ_SECONDS        at most this many seconds per fuzz target (default 20; 0 skips
#                          fuzzing); each run is a fixed seed and number of executions
# The build is optimised at -O1 with line tables only (not RelWithDebInfo's -O2 -g):
# the instrumented build is CPU-bound compilation, and -O1 keeps ASan's reports exact
# while compiling in about half the time; line tables are all a stack trace needs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="${KG_SANITIZE_BUILD_DIR:-build-asan}"
fuzz_seconds="${KG_FUZZ_SECONDS:-20}"
# clang and its sanitizer/libFuzzer runtimes (Debian: clang-14, libclang-rt-14-dev).
if ! command -v clang++-14 >/dev/null || ! ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get install -y --no-install-recommends clang-14 libclang-rt-14-dev >/dev/null
fi
cc="$(command -v clang-14 || command -v clang)"
cxx="$(command -v clang++-14 || command -v clang++)"
opt="-O1 -gline-tables-only -DNDEBUG"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="$opt" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$opt" \
  -DKG_SANITIZE=ON -DKG_FUZZ=ON -DKG_FUZZ_SECONDS="$fuzz_seconds" -DKG_BUILD_BENCH=OFF >/dev/null
build_start=$(date +%s)
cmake --build "$build" -j"$(nproc)"
echo "sanitizer build: $(( $(date +%s) - build_start )) s (load average: $(cut -d' ' -f1-3 /proc/loadavg))"

# Every report is fatal; leaks are reported at exit (LeakSanitizer is on by default
# with ASan on Linux). Graphviz 2.42 and its pango/fontconfig stack keep per-process
# caches that LeakSanitizer reports; those are suppressed by library name only.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$root/scripts/lsan-suppressions.txt:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

# Excluded, with the reason:
# - InstallConsumerBuilds: it builds a separate consumer project against the installed
#   static libraries with the default compiler and no sanitizer flags; instrumented
#   libraries cannot link into it. The plain build (scripts/test.sh) runs it.
exclude_regex="^InstallConsumerBuilds\$${KG_SANITIZE_EXCLUDE:+|$KG_SANITIZE_EXCLUDE}"
exclude=(-E "$exclude_regex")
if [[ "$fuzz_seconds" == "0" ]]; then exclude+=(-LE fuzz); fi
test_start=$(date +%s)
status=0
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --timeout 1800 "${exclude[@]}" || status=$?
echo "sanitizer tests: $(( $(date +%s) - test_start )) s (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
exit "$status"
