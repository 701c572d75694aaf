#!/usr/bin/env bash
# The main job, end to end, on the embedded defaults: installs what is
# missing, builds, starts claims-ingest and claims-query on ./data, ingests
# the example article(s) and runs a few queries. Set KEEP_RUNNING=1 to leave
# both servers running afterwards (stop them with: kill $(cat run/*.pid)).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh --target claims-ingest claims-query claimctl

BIN=${BUILD_DIR:-build}
mkdir -p run data
"$BIN/ingest_svc/claims-ingest" --data_dir=./data 2>run/ingest.log &
echo $! > run/ingest.pid
"$BIN/query_svc/claims-query" --data_dir=./data 2>run/query.log &
echo $! > run/query.pid
stop() {
  if [ "${KEEP_RUNNING:-0}" != 1 ]; then
    kill -TERM "$(cat run/ingest.pid)" "$(cat run/query.pid)" 2>/dev/null || true
    wait 2>/dev/null || true
  fi
}
trap stop EXIT

claimctl() { "$BIN/cli/claimctl" "$@"; }
# Wait until both servers answer.
for _ in $(seq 1 100); do
  claimctl topics >/dev/null 2>&1 && break
  sleep 0.1
done

step() { printf '\n\033[1m$ claimctl %s\033[0m\n' "$*"; }
step ingest examples/
claimctl ingest examples/
if [ -f ../shared/eval/seed-article.txt ]; then
  step ingest ../shared/eval/seed-article.txt
  claimctl ingest ../shared/eval/seed-article.txt
fi
sleep 0.2  # the query side follows the writer continuously
step query --actor=Dombrovskis
claimctl query --actor=Dombrovskis
step query --topic=economy --limit=5 --order=newest
claimctl query --topic=economy --limit=5 --order=newest
step query --actor=\"mr netanyahu\" --from=2025-04-07 --to=2025-04-08
claimctl query --actor="mr netanyahu" --from=2025-04-07 --to=2025-04-08
step actors --limit=10
claimctl actors --limit=10
step topics
claimctl topics
step articles
claimctl articles
echo
if [ "${KEEP_RUNNING:-0}" = 1 ]; then
  echo "Servers left running: ingest 127.0.0.1:50051, query 127.0.0.1:50052 (logs in run/)."
else
  echo "Done. KEEP_RUNNING=1 scripts/demo.sh leaves the servers running."
fi
