#!/usr/bin/env bash
# Replicated-mode figures (issue 11), one run on this machine:
#   1. a 3-node NATS JetStream cluster on loopback (temp stores);
#   2. replicated_bench: LogWriter append latency p50/p99 on R1 and R3
#      streams, and a query replica's apply rate / catch-up for RECORDS
#      synthetic records;
#   3. bulk ingest throughput (claims_corpus over IngestArticles, real
#      extraction) in the single-machine mode, then replicated through one
#      and through two ingest servers;
#   4. a fresh query replica catching up with the replicated load.
# Usage: bench/replicated.sh            (N=2000 articles, RECORDS=100000)
#        N=500 RECORDS=20000 bench/replicated.sh
# Every process is stopped (by PID) and the work dir removed at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD_DIR=${BUILD_DIR:-build}
N=${N:-2000}
RECORDS=${RECORDS:-100000}
SEED=${SEED:-42}
# shellcheck source=bench/lib.sh
source bench/lib.sh
B=$ROOT/$BUILD_DIR

cmake -S . -B "$BUILD_DIR" -DCLAIMS_BUILD_BENCH=ON >/dev/null
cmake --build "$BUILD_DIR" -j"${JOBS:-2}" --target claims-ingest claims-query \
  claimctl claims_corpus replicated_bench >/dev/null

WORK=$(mktemp -d /tmp/claims-replicated.XXXXXX)
RESULTS=$WORK/results.txt
: >"$RESULTS"
trap cleanup EXIT INT TERM

# --- 1. NATS cluster -----------------------------------------------------------
NATS=$(command -v nats-server || echo /usr/sbin/nats-server)
declare -a CPORT RPORT HPORT
for i in 1 2 3; do CPORT[$i]=$(free_port); RPORT[$i]=$(free_port); HPORT[$i]=$(free_port); done
ROUTES="nats-route://127.0.0.1:${RPORT[1]}, nats-route://127.0.0.1:${RPORT[2]}, nats-route://127.0.0.1:${RPORT[3]}"
for i in 1 2 3; do
  cat >"$WORK/n$i.conf" <<EOF
server_name: n$i
listen: 127.0.0.1:${CPORT[$i]}
http: 127.0.0.1:${HPORT[$i]}
max_payload: 8MB
jetstream { store_dir: "$WORK/n$i" }
cluster { name: bench; listen: 127.0.0.1:${RPORT[$i]}; routes: [$ROUTES] }
EOF
  "$NATS" -c "$WORK/n$i.conf" 2>"$WORK/n$i.log" &
  PIDS+=($!)
done
for i in 1 2 3; do
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:${HPORT[$i]}/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
done
LOG_URL="nats://127.0.0.1:${CPORT[1]},127.0.0.1:${CPORT[2]},127.0.0.1:${CPORT[3]}"
log "NATS cluster up: $LOG_URL ($("$NATS" --version))"

# --- 2. log-level figures --------------------------------------------------------
log "append latency (R1, R3) and replica apply of $RECORDS records"
"$B/bench/replicated_bench" --log="$LOG_URL" --records="$RECORDS" \
  --work_dir="$WORK" | tee -a "$RESULTS" >&2

# --- 3. bulk ingest throughput ------------------------------------------------------
start_ingest() {  # name flags... -> sets ADDR, appends PIDS
  local name=$1; shift
  ADDR=127.0.0.1:$(free_port)
  "$B/ingest_svc/claims-ingest" --listen="$ADDR" --metrics_listen= \
    --data_dir="$WORK/$name" "$@" 2>"$WORK/$name.log" &
  PIDS+=($!)
  LAST_PID=$!
  for _ in $(seq 1 600); do
    "$B/cli/claimctl" --ingest="$ADDR" analyze examples/eu-china-trade-talks.txt >/dev/null 2>&1 && return
    sleep 0.1
  done
  log "$name did not start; see $WORK/$name.log"; exit 1
}
load() {  # label address first count
  "$B/bench/claims_corpus" --ingest="$2" --first="$3" --count="$4" \
    --seed="$SEED" --streams=2 --progress_seconds=600 | sed "s/^/$1_/" >>"$RESULTS"
}

log "single-machine mode: $N articles through one ingest server (sync writes)"
start_ingest single --sync_writes=true
load single "$ADDR" 0 "$N"
kill -TERM "$LAST_PID"

log "replicated: $N articles through one ingest server"
start_ingest repl-a --log="$LOG_URL"
A=$ADDR
load repl1 "$A" 0 "$N"

log "replicated: $N more articles through two ingest servers at once"
start_ingest repl-b --log="$LOG_URL"
t0=$(date +%s.%N)
load repl2a "$A" "$N" $((N / 2)) &
p1=$!
load repl2b "$ADDR" $((N + N / 2)) $((N / 2)) &
p2=$!
wait $p1 $p2
t1=$(date +%s.%N)
put repl2_articles_per_s "$(awk -v n="$N" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", n/(b-a)}')"

# --- 4. a new replica catches up ------------------------------------------------------
log "a fresh query replica catches up with $((2 * N)) articles"
Q=127.0.0.1:$(free_port)
QM=127.0.0.1:$(free_port)
t0=$(date +%s.%N)
"$B/query_svc/claims-query" --listen="$Q" --metrics_listen="$QM" \
  --data_dir="$WORK/replica" --log="$LOG_URL" 2>"$WORK/replica.log" &
PIDS+=($!)
for _ in $(seq 1 3000); do
  applied=$(curl -sf "http://$QM/metrics" 2>/dev/null | awk '$1=="claims_log_applied_position" {print $2}' || true)
  [ "${applied:-0}" = "$((2 * N + 1))" ] && break
  sleep 0.1
done
t1=$(date +%s.%N)
put replica_articles "$((2 * N))"
put replica_catch_up_seconds_with_start "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b-a}')"

echo "--- replicated-mode figures (N=$N, RECORDS=$RECORDS, nats-server $("$NATS" --version | awk '{print $NF}'))"
grep -E 'append_|replica_|log_load|single_load_articles_per_s|repl1_load_articles_per_s|repl2|_seconds ' "$RESULTS" | sort -u
