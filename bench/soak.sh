#!/usr/bin/env bash
# Soak: STREAMS concurrent streaming queries (default 50) plus continuous
# ingest against both servers for DURATION seconds, with latency (p50/p99),
# errors and both servers' RSS every REPORT seconds and over the whole run.
# A benchmark, not a test.
#
#   bench/soak.sh                  # 10 minutes
#   DURATION=120 bench/soak.sh     # 2 minutes
#
# Environment: DURATION (600), REPORT (30), STREAMS (50), INGEST_PER_SECOND
# (5 articles/s during the soak), PRELOAD (articles loaded first, 2000),
# SEED (42), JOBS (build parallelism, 2), BUILD_DIR (build-bench),
# KEEP_WORK=1 keeps the temp dir (logs, results.txt). Uses what
# bench/run.sh installs (libbenchmark-dev); run that once first on a fresh
# machine, or scripts/bootstrap.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# log, cleanup, free_port, put/get, rss_of, start_servers
source bench/lib.sh

DURATION=${DURATION:-600}
REPORT=${REPORT:-30}
STREAMS=${STREAMS:-50}
INGEST_PER_SECOND=${INGEST_PER_SECOND:-5}
PRELOAD=${PRELOAD:-2000}
SEED=${SEED:-42}
JOBS=${JOBS:-2}
BUILD_DIR=${BUILD_DIR:-build-bench}

log "building in $BUILD_DIR (-j$JOBS)"
# A new build dir is Release; an existing one (e.g. BUILD_DIR=build) keeps
# its type and only gains the bench targets.
if [ -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" -DCLAIMS_BUILD_BENCH=ON >/dev/null
else
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release \
    -DCLAIMS_BUILD_TESTS=OFF -DCLAIMS_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$BUILD_DIR" -j"$JOBS" --target claims-ingest claims-query \
  claimctl claims_corpus soak >/dev/null

start_servers
log "preloading $PRELOAD articles"
"$B/bench/claims_corpus" --ingest="$INGEST" --count="$PRELOAD" --seed="$SEED" \
  --streams=2 --progress_seconds=60 >>"$RESULTS"
log "soak: $STREAMS streams, $INGEST_PER_SECOND articles/s, ${DURATION}s"
"$B/bench/soak" --ingest="$INGEST" --query="$QUERY" --ingest_pid="$INGEST_PID" \
  --query_pid="$QUERY_PID" --duration_seconds="$DURATION" \
  --report_seconds="$REPORT" --streams="$STREAMS" \
  --ingest_per_second="$INGEST_PER_SECOND" --seed="$SEED" --results="$RESULTS" \
  >"$WORK/soak.txt"
cat "$WORK/soak.txt"
# Both servers end cleanly on SIGTERM after the soak.
status=0
for pid in "$INGEST_PID" "$QUERY_PID"; do
  kill -TERM "$pid"
  code=0
  wait "$pid" || code=$?
  echo "exit_code_$pid $code"
  [ "$code" = 0 ] || status=1
done
PIDS=()
exit $status
