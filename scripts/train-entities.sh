#!/usr/bin/env bash
# Trains the entity tagger on CoNLL-2003 English train
# (../shared/train/conll2003/eng.train) with the shipped part-of-speech
# tagger and the bundled knowledge base as gazetteer, prints its figures on
# the development set (eng.testa) after each pass, and writes
# knowledge/models/entities.clm: the average of three runs in different
# example orders (one run's tagger, and the identities built on it, vary
# with the order). Deterministic; under a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${CLAIMS_SHARED_DIR:-../shared}
scripts/build.sh --target train_entities >/dev/null
"${BUILD_DIR:-build}"/train/train_entities \
  --conll_dir="$SHARED/train/conll2003" --models_dir=knowledge/models \
  --kb_dir=knowledge/kb --out=knowledge/models/entities.clm \
  --epochs=10 --runs=3 --min_weight=0.01 --min_updates=2 "$@"
