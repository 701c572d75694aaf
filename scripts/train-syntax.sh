#!/usr/bin/env bash
# Trains the part-of-speech tagger, lemmatizer and dependency parser on UD
# English EWT + GUM train (../shared/train/ud-english), prints their dev
# figures, and writes knowledge/models/{tagger,lemmatizer,parser-*}.clm.
# Deterministic: the same data gives the same files. About 10 minutes on
# two cores. Retrain the entity tagger afterwards (scripts/train-entities.sh):
# it reads the tagger's tags.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${CLAIMS_SHARED_DIR:-../shared}
scripts/build.sh --target train_syntax >/dev/null
"${BUILD_DIR:-build}"/train/train_syntax \
  --ud_dir="$SHARED/train/ud-english" --out_dir=knowledge/models \
  --tagger_epochs=8 --lemma_epochs=5 --parser_epochs=15 --folds=4 \
  --min_weight=0.01 --min_updates=2 "$@"
