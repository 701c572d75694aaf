#!/usr/bin/env bash
# Builds the project with AddressSanitizer (+ LeakSanitizer) and
# UndefinedBehaviorSanitizer into ./build-asan and runs the unit and
# integration tests there (CTest, without the `deploy` and `quality` labels).
#
# Any sanitizer report fails the run, including one from a server binary an
# integration test started: every sanitized process writes its reports to
# build-asan/sanitizer-logs/<tool>.<pid> (log_path), and this script fails
# when that folder is not empty afterwards, printing what it holds. Servers
# that hit an error also exit non-zero, which fails most tests on its own.
#
# Environment: BUILD_DIR (default build-asan), JOBS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD_DIR=${BUILD_DIR:-build-asan}
JOBS=${JOBS:-2}

scripts/bootstrap.sh

# _GLIBCXX_ASSERTIONS bounds-checks operator[] of the standard containers:
# ASan misses a read past a vector's end that stays inside its capacity.
SAN_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -D_GLIBCXX_ASSERTIONS"
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  # -O1: the optimisation level the sanitizers are designed for, and a
  # shorter compile than -O2.
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="$SAN_FLAGS" \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCLAIMS_BUILD_TESTS=ON -DCLAIMS_BUILD_BENCH=OFF >/dev/null
fi

# Shared by the build (gtest_discover_tests runs each test binary) and the
# tests. Leaks are checked at every sanitized process's exit; the
# suppressions name only third-party internals (see the file).
SUPP="$ROOT/tests/sanitizers"
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1:print_summary=1"
export LSAN_OPTIONS="suppressions=$SUPP/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:report_error_type=1"

cmake --build "$BUILD_DIR" -j"$JOBS"

LOG_DIR="$ROOT/$BUILD_DIR/sanitizer-logs"
rm -rf "$LOG_DIR"
mkdir -p "$LOG_DIR"
export ASAN_OPTIONS="$ASAN_OPTIONS:log_path=$LOG_DIR/asan"
export UBSAN_OPTIONS="$UBSAN_OPTIONS:log_path=$LOG_DIR/ubsan"

status=0
(cd "$BUILD_DIR" && ctest --output-on-failure -j"$JOBS" --timeout 600 -LE "deploy|quality|partition") || status=$?

reports=$(find "$LOG_DIR" -type f | sort)
if [ -n "$reports" ]; then
  echo "sanitize: sanitizer reports (from test binaries or the servers they started):"
  for f in $reports; do
    echo "----- $f"
    cat "$f"
  done
  [ "$status" -ne 0 ] || status=1
fi
if [ "$status" -eq 0 ]; then
  echo "sanitize: all tests passed, no sanitizer reports"
fi
exit "$status"
