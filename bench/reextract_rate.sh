#!/usr/bin/env bash
# Re-extraction rate, end to end through the real servers and claimctl:
#
#   N=2000 bench/reextract_rate.sh
#
# Loads N articles (the project's example articles, each made distinct by
# id and a numbered sentence) with `claimctl ingest`, then restarts the
# ingest server with one operator knowledge-base entry added (a new KB
# version) and times `claimctl reextract`, which re-extracts every article
# made with the old version; then `claimctl reextract --all` once more while
# single articles are ingested alongside (their latency is printed).
# Prints claimctl's summary lines (articles/s). Uses the binaries in
# BUILD_DIR (default build) and a temp dir it removes.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-2000}
BUILD_DIR=${BUILD_DIR:-build}
WORK=$(mktemp -d)
trap 'kill $INGEST_PID $QUERY_PID 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
INGEST=127.0.0.1:$(free_port)
QUERY=127.0.0.1:$(free_port)
C="$BUILD_DIR/cli/claimctl --ingest=$INGEST --query=$QUERY --timeout_seconds=600"

wait_ingest() {
  for _ in $(seq 100); do
    printf 'Readiness check.\n' > "$WORK/ready.txt"
    $C analyze "$WORK/ready.txt" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "ingest server did not start" >&2; exit 1
}

python3 - "$N" "$WORK/corpus" <<'PY'
import glob, json, os, sys
n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out)
texts = [open(p).read() for p in sorted(glob.glob("examples/*.txt"))]
for i in range(n):
    body = texts[i % len(texts)].rstrip("\n") + "\nThis is copy number %d of the example.\n" % i
    with open(os.path.join(out, "a%06d.json" % i), "w") as f:
        json.dump({"id": "rate-%06d" % i, "body": body}, f)
PY

"$BUILD_DIR/ingest_svc/claims-ingest" --data_dir="$WORK/data" --listen="$INGEST" \
  --metrics_listen= >>"$WORK/ingest.log" 2>&1 &
INGEST_PID=$!
wait_ingest
"$BUILD_DIR/query_svc/claims-query" --data_dir="$WORK/data" --listen="$QUERY" \
  --metrics_listen= >>"$WORK/query.log" 2>&1 &
QUERY_PID=$!

start=$(date +%s.%N)
$C ingest "$WORK/corpus" 2>"$WORK/ingest-progress.log"
end=$(date +%s.%N)
tail -n1 "$WORK/ingest-progress.log"
python3 -c "print('ingest: %.1f articles/s' % ($N / ($end - $start)))"

# A new knowledge-base version: every stored article is now outdated.
echo '{"id": "rate-bench-actor", "name": "Rate Bench Person", "type": "PERSON", "kind": "person", "country": "DEU", "aliases": ["Rate Bench"]}' > "$WORK/extra.jsonl"
kill "$INGEST_PID"; wait "$INGEST_PID" || true
"$BUILD_DIR/ingest_svc/claims-ingest" --data_dir="$WORK/data" --listen="$INGEST" \
  --metrics_listen= --kb_extra_file="$WORK/extra.jsonl" >>"$WORK/ingest.log" 2>&1 &
INGEST_PID=$!
wait_ingest
echo -n "reextract (outdated articles): "
$C reextract 2>/dev/null
# Single-article ingests, idle and then alongside `reextract --all`: their
# latency shows that re-extraction does not hold normal ingest up.
single_ingests() {
  python3 - "$WORK" "$1" "$C" <<'PY'
import os, statistics, subprocess, sys, time
work, label, c = sys.argv[1], sys.argv[2], sys.argv[3].split()
times = []
for i in range(20):
    path = os.path.join(work, "%s-%02d.txt" % (label, i))
    with open(path, "w") as f:
        f.write("Chancellor Olaf Scholz met President Emmanuel Macron in Paris on May %d, 2024, "
                "officials said (%s note %d).\n" % (i % 28 + 1, label, i))
    start = time.time()
    subprocess.run(c + ["ingest", path], check=True, capture_output=True)
    times.append((time.time() - start) * 1000)
print("single ingests, %s: p50 %.0f ms, max %.0f ms (claimctl process included)"
      % (label, statistics.median(times), max(times)))
PY
}
single_ingests idle
$C reextract --all >"$WORK/all.txt" 2>/dev/null &
REEXTRACT_PID=$!
sleep 1
single_ingests during-reextract
wait "$REEXTRACT_PID"
echo -n "reextract --all:               "
cat "$WORK/all.txt"
echo -n "reextract (nothing outdated):  "
$C reextract 2>/dev/null
