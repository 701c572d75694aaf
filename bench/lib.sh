# Shared by bench/run.sh and bench/soak.sh (sourced, not run): logging, a
# temp work dir removed on exit with every started process, free ports,
# "key value" results, and the two servers started on loopback ports.
#
# Callers set BUILD_DIR and ROOT before calling start_servers; it sets WORK,
# RESULTS, B, INGEST, QUERY, DATA (REUSE_DATA if set), INGEST_PID, QUERY_PID
# and appends to PIDS. PG_DATA, if set, is a PostgreSQL cluster to stop too.

log() { printf '\033[1m[bench %(%H:%M:%S)T]\033[0m %s (load average %s)\n' -1 "$*" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2; }

PIDS=()
PG_DATA=

cleanup() {
  local code=$?
  set +e
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
  done
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1
  fi
  if [ "${KEEP_WORK:-0}" = 1 ]; then
    log "kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit $code
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
put() { echo "$1 $2" >>"$RESULTS"; }
get() { awk -v k="$1" '$1==k {v=$2} END {print v}' "$RESULTS"; }
rss_of() {  # pid label -> results: <label>_rss_mib, <label>_hwm_mib
  local kb
  kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status")
  put "${2}_rss_mib" "$(awk -v k="$kb" 'BEGIN {printf "%.0f", k/1024}')"
  kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$1/status")
  put "${2}_hwm_mib" "$(awk -v k="$kb" 'BEGIN {printf "%.0f", k/1024}')"
}

start_servers() {
  B=$ROOT/$BUILD_DIR
  WORK=$(mktemp -d /tmp/claims-bench.XXXXXX)
  chmod 755 "$WORK"
  RESULTS=$WORK/results.txt
  : >"$RESULTS"
  trap cleanup EXIT INT TERM
  INGEST=127.0.0.1:$(free_port)
  QUERY=127.0.0.1:$(free_port)
  DATA=${REUSE_DATA:-$WORK/data}
  mkdir -p "$DATA"
  log "starting claims-ingest on $INGEST and claims-query on $QUERY (data in $DATA)"
  "$B/ingest_svc/claims-ingest" --listen="$INGEST" --metrics_listen= \
    --data_dir="$DATA" --sync_writes=true 2>"$WORK/ingest.log" &
  INGEST_PID=$!
  PIDS+=("$INGEST_PID")
  # The query side opens the database as a secondary: start it once the
  # writer has created it.
  for _ in $(seq 1 300); do
    "$B/cli/claimctl" --ingest="$INGEST" --query="$QUERY" analyze /dev/null >/dev/null 2>&1 && break
    [ -d "$DATA/db" ] && break
    sleep 0.1
  done
  "$B/query_svc/claims-query" --listen="$QUERY" --metrics_listen= \
    --data_dir="$DATA" 2>"$WORK/query.log" &
  QUERY_PID=$!
  PIDS+=("$QUERY_PID")
  ready=0
  for _ in $(seq 1 300); do
    if "$B/cli/claimctl" --ingest="$INGEST" --query="$QUERY" topics >/dev/null 2>&1; then
      ready=1; break
    fi
    sleep 0.1
  done
  [ $ready = 1 ] || { log "servers did not become ready; see $WORK/*.log"; exit 1; }
}
