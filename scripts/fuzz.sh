#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang into ./build-fuzz and
# fuzzes the article parser and extractor for SECONDS in total (default 60,
# split between extract_fuzzer and extract_fields_fuzzer), starting from a
# fresh copy of tests/fuzz/corpus. Fails on any crash, sanitizer report,
# broken API promise, leak or input slower than the timeout; the input that
# did it is saved under build-fuzz/artifacts/ with the command to replay it.
#
#   scripts/fuzz.sh          # 60 s
#   scripts/fuzz.sh 600      # longer, e.g. before a release
#
# Environment: BUILD_DIR (default build-fuzz), JOBS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_TOTAL=${1:-60}
BUILD_DIR=${BUILD_DIR:-build-fuzz}
JOBS=${JOBS:-2}
FUZZERS=(extract_fuzzer extract_fields_fuzzer)

scripts/bootstrap.sh

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  # fuzzer-no-link instruments every project library for coverage; only the
  # fuzzer targets link libFuzzer itself (tests/fuzz/CMakeLists.txt). The
  # Debian libraries stay uninstrumented gcc builds, which link fine since
  # libstdc++ is shared.
  CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -D_GLIBCXX_ASSERTIONS" \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCLAIMS_FUZZ=ON -DCLAIMS_BUILD_TESTS=OFF -DCLAIMS_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$BUILD_DIR" -j"$JOBS" --target "${FUZZERS[@]}"

export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$ROOT/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:report_error_type=1"

per_fuzzer=$(( SECONDS_TOTAL / ${#FUZZERS[@]} ))
[ "$per_fuzzer" -ge 1 ] || per_fuzzer=1
for fuzzer in "${FUZZERS[@]}"; do
  corpus="$BUILD_DIR/corpus/$fuzzer"
  artifacts="$BUILD_DIR/artifacts/$fuzzer/"
  rm -rf "$corpus"
  mkdir -p "$corpus" "$artifacts"
  cp tests/fuzz/corpus/* "$corpus/"
  echo "fuzz: $fuzzer for ${per_fuzzer}s"
  # -timeout: an article that takes this long is a denial of service.
  if ! "$BUILD_DIR/tests/fuzz/$fuzzer" "$corpus" \
      -max_total_time="$per_fuzzer" -timeout=25 -max_len=16384 \
      -dict=tests/fuzz/extract.dict -artifact_prefix="$artifacts" \
      -print_final_stats=1 2>"$BUILD_DIR/$fuzzer.log"; then
    tail -n 80 "$BUILD_DIR/$fuzzer.log"
    echo "fuzz: $fuzzer FAILED; inputs in $artifacts; replay one with:"
    echo "  $BUILD_DIR/tests/fuzz/$fuzzer <file>"
    exit 1
  fi
  grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added)|cov: ' \
    "$BUILD_DIR/$fuzzer.log" | tail -n 5
done
echo "fuzz: no crash in ${SECONDS_TOTAL}s"
