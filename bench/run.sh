#!/usr/bin/env bash
# The issue-4 benchmark suite, end to end, in one command:
#
#   bench/run.sh                 # N=100000 articles (about 1M claims)
#   N=2000 bench/run.sh          # a quick pass
#
# 1. installs what is missing (postgresql, libpq-dev, cmake toolchain bits),
# 2. builds the servers and the bench targets in build-bench/ (Release),
# 3. starts claims-ingest (--sync_writes=true) and claims-query on free
#    loopback ports with a temp data dir,
# 4. loads N synthetic articles through the real extractor (claims_corpus),
# 5. runs query latency and export (query_bench), the bare gRPC ceiling
#    (grpc_ceiling), the same claims and queries in PostgreSQL 15 started
#    here on a loopback port with a temp data dir (pg_compare), and
#    read-your-writes lag under a steady 1,000 articles/min ingest,
# 6. prints a summary with the targets side by side, stops everything and
#    removes the temp dirs.
#
# Environment: N (articles, default 100000), SEED (42), JOBS (build
# parallelism, 2), RUNS (timed queries per kind, 500), RYW_SECONDS (60),
# KEEP_WORK=1 keeps the temp dir (logs, results.txt, queries.tsv),
# BUILD_DIR (build-bench), KIND_BUDGET (seconds per query kind and system,
# 90), QUERY_TIMEOUT_MS (10000), REUSE_DATA=<data dir of an earlier
# KEEP_WORK run> skips the load and measures that database (left in place).
# Every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# log, cleanup, free_port, put/get, rss_of, start_servers
source bench/lib.sh

N=${N:-100000}
SEED=${SEED:-42}
JOBS=${JOBS:-2}
RUNS=${RUNS:-500}
RYW_SECONDS=${RYW_SECONDS:-60}
BUILD_DIR=${BUILD_DIR:-build-bench}
KIND_BUDGET=${KIND_BUDGET:-90}
QUERY_TIMEOUT_MS=${QUERY_TIMEOUT_MS:-10000}
REUSE_DATA=${REUSE_DATA:-}
PG_BIN=/usr/lib/postgresql/15/bin
PG_USER=claimsbench

# --- 1. packages ------------------------------------------------------------
need=()
for pkg in postgresql-15 libpq-dev libbenchmark-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi

# --- 2. build -----------------------------------------------------------------
log "building in $BUILD_DIR (Release, -j$JOBS)"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DCLAIMS_BUILD_TESTS=OFF \
  -DCLAIMS_BUILD_BENCH=ON >/dev/null
cmake --build "$BUILD_DIR" -j"$JOBS" --target claims-ingest claims-query \
  claimctl claims_corpus query_bench grpc_ceiling pg_compare >/dev/null

# --- 3. servers ---------------------------------------------------------------
start_servers

# --- 4. load ------------------------------------------------------------------
if [ -z "$REUSE_DATA" ]; then
  put loadavg_load "$(cut -d' ' -f1 /proc/loadavg)"
  log "loading $N articles (seed $SEED) through IngestArticles, sync writes"
  put n_articles "$N"
  "$B/bench/claims_corpus" --ingest="$INGEST" --count="$N" --seed="$SEED" \
    --streams=2 --progress_seconds=60 >>"$RESULTS"
  log "loaded $(get load_claims) claims in $(get load_seconds) s ($(get load_articles_per_s) articles/s)"
else
  log "reusing the database in $REUSE_DATA (no load)"
fi

# The follower catches up continuously; wait (bounded) until the topic
# counts stop moving.
prev=
for _ in $(seq 1 120); do
  cur=$("$B/cli/claimctl" --query="$QUERY" topics 2>/dev/null | md5sum)
  [ "$cur" = "$prev" ] && break
  prev=$cur
  sleep 1
done
rss_of "$INGEST_PID" ingest_after_load
rss_of "$QUERY_PID" query_after_load
du -sm "$DATA/db" | awk '{print "db_mib", $1}' >>"$RESULTS"
# Let the writer's background compactions finish before anything is timed
# (PostgreSQL, too, is timed only after its index build): wait until
# claims-ingest uses less than 1% of a core over 2 s, at most 10 minutes.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
log "waiting for compactions to settle"
prev=$(cpu_ticks "$INGEST_PID")
for _ in $(seq 1 300); do
  sleep 2
  cur=$(cpu_ticks "$INGEST_PID")
  [ $((cur - prev)) -le 2 ] && break
  prev=$cur
done

# --- 5. measurements ----------------------------------------------------------
put loadavg_queries "$(cut -d' ' -f1 /proc/loadavg)"
log "query latency ($RUNS per kind) and a 100,000-claim export"
"$B/bench/query_bench" --query="$QUERY" --ingest="$INGEST" --phases=queries,export \
  --workload="$WORK/queries.tsv" --runs_per_kind="$RUNS" --seed="$SEED" \
  --kind_budget_seconds="$KIND_BUDGET" --query_timeout_ms="$QUERY_TIMEOUT_MS" \
  --sample_out="$WORK/sample.bin" --results="$RESULTS" >/dev/null
rss_of "$QUERY_PID" query_after_queries

log "bare gRPC stream ceiling"
"$B/bench/grpc_ceiling" --message_bytes="$(get cs_export_avg_message_bytes | cut -d. -f1)" \
  --messages=100000 --latency_runs="$RUNS" --sample="$WORK/sample.bin" \
  --results="$RESULTS" >/dev/null

put loadavg_pg "$(cut -d' ' -f1 /proc/loadavg)"
log "PostgreSQL 15: same claims, same queries"
id -u "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
PG_DATA=$WORK/pg
PG_PORT=$(free_port)
mkdir -p "$PG_DATA" "$WORK/pgsock"
chown "$PG_USER" "$PG_DATA" "$WORK/pgsock"
runuser -u "$PG_USER" -- "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust \
  -E UTF8 --locale=C >"$WORK/pg-init.log" 2>&1
# A benchmark instance: durability off for the bulk load (reads are
# unaffected), caches sized like a small dedicated server.
runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pgsock/pg.log" -w -t 60 \
  -o "-p $PG_PORT -k $WORK/pgsock -c listen_addresses=127.0.0.1 \
      -c shared_buffers=256MB -c effective_cache_size=2GB -c work_mem=32MB \
      -c maintenance_work_mem=512MB -c fsync=off -c synchronous_commit=off \
      -c full_page_writes=off -c max_wal_size=4GB -c jit=off" start >/dev/null
PG_CONN="host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres"
"$B/bench/pg_compare" --query="$QUERY" --pg="$PG_CONN" --workload="$WORK/queries.tsv" \
  --runs_per_kind="$RUNS" --kind_budget_seconds="$KIND_BUDGET" \
  --query_timeout_ms="$QUERY_TIMEOUT_MS" --results="$RESULTS" >/dev/null
runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null

put loadavg_ryw "$(cut -d' ' -f1 /proc/loadavg)"
log "read-your-writes lag under 1,000 articles/min for ${RYW_SECONDS}s"
"$B/bench/query_bench" --query="$QUERY" --ingest="$INGEST" --phases=ryw \
  --ryw_seconds="$RYW_SECONDS" --ryw_per_minute=1000 --seed="$SEED" \
  --results="$RESULTS" >/dev/null
rss_of "$INGEST_PID" ingest_after_all
rss_of "$QUERY_PID" query_after_all

# --- 6. summary -----------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b != "") printf "%.2f", b / a; else print "-" }'; }
verdict() { [ "$1" = 1 ] && echo "MET" || echo "MISSED"; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { print (a != "" && a <= b) ? 1 : 0 }'; }

{
echo
if [ -n "$REUSE_DATA" ]; then
  echo "Claimstore benchmark: the database in $REUSE_DATA ($(get pg_claims) claims; not loaded in this run; $(nproc) cores)"
  echo "db $(get db_mib) MiB"
else
  echo "Claimstore benchmark: $(get load_articles) articles, $(get load_claims) claims (seed $SEED, $(nproc) cores)"
  echo "load (sync writes, 2 streams): $(get load_seconds) s = $(get load_articles_per_s) articles/s, $(get load_claims_per_s) claims/s; db $(get db_mib) MiB"
fi
echo
printf '%-10s %-7s %10s %10s %10s %10s %8s %8s %9s  %s\n' kind claim cs_p50_ms cs_p99_ms pg_p50_ms pg_p99_ms "pg/cs50" "pg/cs99" "n cs/pg" "target"
all_faster=1
for kind in actor topic date combined; do
  for which in first nth; do
    cs50=$(get cs_${kind}_${which}_p50); cs99=$(get cs_${kind}_${which}_p99)
    pg50=$(get pg_${kind}_${which}_p50); pg99=$(get pg_${kind}_${which}_p99)
    label=$which; [ "$which" = nth ] && label=100th
    target=""
    if [ "$which" = nth ] && [ "$kind" != combined ]; then
      target="p99<=5ms: $(verdict "$(le "$cs99" 5)")"
    fi
    faster=$(awk -v c="$cs50" -v p="$pg50" -v c9="$cs99" -v p9="$pg99" 'BEGIN {print (c < p && c9 < p9) ? 1 : 0}')
    [ "$faster" = 1 ] || all_faster=0
    printf '%-10s %-7s %10s %10s %10s %10s %8s %8s %9s  %s\n' "$kind" "$label" "$cs50" "$cs99" "$pg50" "$pg99" \
      "$(ratio "$cs50" "$pg50")" "$(ratio "$cs99" "$pg99")" "$(get cs_${kind}_${which}_n)/$(get pg_${kind}_${which}_n)" "$target"
  done
done
echo "(1-minute load average before: load $(get loadavg_load), queries $(get loadavg_queries), pg $(get loadavg_pg), ryw $(get loadavg_ryw) on $(nproc) cores)"
echo "(timeouts at ${QUERY_TIMEOUT_MS} ms, counted at the deadline: claimstore actor $(get cs_actor_timeouts) topic $(get cs_topic_timeouts) date $(get cs_date_timeouts) combined $(get cs_combined_timeouts); postgres $(get pg_actor_timeouts)/$(get pg_topic_timeouts)/$(get pg_date_timeouts)/$(get pg_combined_timeouts); sampling per kind stops after ${KIND_BUDGET} s)"
echo "(combined queries reaching 100 claims: $(get cs_combined_reached_n_pct)%; same ids in both systems: $(( $(get pg_checked_queries) - $(get pg_mismatched_queries) ))/$(get pg_checked_queries) queries)"
echo "every query kind faster than PostgreSQL (p50 and p99, first and 100th): $(verdict $all_faster)"
echo "(floor: a bare gRPC stream of 100 messages with no storage behind it: first p50 $(get ceiling_latency_first_p50) p99 $(get ceiling_latency_first_p99) ms, 100th p50 $(get ceiling_latency_nth_p50) p99 $(get ceiling_latency_nth_p99) ms; corked like claims-query: 100th p50 $(get ceiling_latency_corked_nth_p50) p99 $(get ceiling_latency_corked_nth_p99) ms; real claims corked: 100th p50 $(get ceiling_latency_real_corked_nth_p50) p99 $(get ceiling_latency_real_corked_nth_p99) ms)"
echo "PostgreSQL load (export + COPY + indexes): $(get pg_load_seconds) s, $(get pg_database_mib) MiB"
echo
exp=$(get cs_export_claims_per_s); bare=$(get ceiling_bare_messages_per_s)
raw=$(get cs_export_raw_claims_per_s); bare_raw=$(get ceiling_bare_raw_messages_per_s)
echo "export of $(get cs_export_claims) claims: $exp claims/s decoded by the client, $raw claims/s read raw; $(get cs_export_mb_per_s) MB/s (avg $(get cs_export_avg_message_bytes) B/message)"
echo "bare gRPC stream, same size: $bare msgs/s ($bare_raw read raw), $(get ceiling_bare_mb_per_s) MB/s; real claim messages, no storage: $(get ceiling_real_messages_per_s) msgs/s ($(get ceiling_real_raw_messages_per_s) read raw)"
corked_raw=$(get ceiling_bare_corked_raw_messages_per_s)
echo "bare stream corked like claims-query: $(get ceiling_bare_corked_messages_per_s) msgs/s ($corked_raw read raw)"
echo "export / bare ceiling, typed clients: $(ratio "$bare" "$exp")   raw clients: $(ratio "$bare_raw" "$raw")   target >= 0.80 (raw): $(verdict "$(awk -v e="$raw" -v b="$bare_raw" 'BEGIN {print (b > 0 && e >= 0.8 * b) ? 1 : 0}')")"
echo "export / corked bare ceiling (stricter), raw clients: $(ratio "$corked_raw" "$raw")"
echo
echo "read-your-writes at $(get ryw_articles_per_min) articles/min ($(get ryw_articles) articles): min_sequence query p50 $(get ryw_min_sequence_p50) ms, p99 $(get ryw_min_sequence_p99) ms; polling p50 $(get ryw_poll_p50) ms, p99 $(get ryw_poll_p99) ms; ingest ack p50 $(get ryw_ack_p50) ms, p99 $(get ryw_ack_p99) ms"
echo "RYW p99 <= 100 ms: $(verdict "$(le "$(get ryw_min_sequence_p99)" 100)")"
echo
echo "RSS MiB (current/peak): ingest after load $(get ingest_after_load_rss_mib)/$(get ingest_after_load_hwm_mib), after all $(get ingest_after_all_rss_mib)/$(get ingest_after_all_hwm_mib); query after load $(get query_after_load_rss_mib)/$(get query_after_load_hwm_mib), after queries $(get query_after_queries_rss_mib)/$(get query_after_queries_hwm_mib), after all $(get query_after_all_rss_mib)/$(get query_after_all_hwm_mib)"
echo "each server <= 256 MiB: ingest $(verdict "$(le "$(get ingest_after_all_hwm_mib)" 256)"), query $(verdict "$(le "$(get query_after_all_hwm_mib)" 256)") (peak)"
} | tee "$WORK/summary.txt"
if [ -n "${SUMMARY_OUT:-}" ]; then cp "$WORK/summary.txt" "$SUMMARY_OUT"; cp "$RESULTS" "${SUMMARY_OUT%.txt}.results.txt"; fi
