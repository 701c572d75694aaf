#!/usr/bin/env bash
# Extraction quality on the development data in ../shared/eval: runs the
# extractor over each gold file, scores it with ../shared/eval/score.py (and
# the seed's sentences with eval/score_sentences.py), and compares the
# figures with eval/baseline.json. `scripts/eval.sh --record` stores the
# current figures as the new baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh --target extract_eval >/dev/null
python3 eval/check_quality.py --extract_eval "${BUILD_DIR:-build}/eval/extract_eval" \
  --shared ../shared --baseline eval/baseline.json "$@"
