#!/usr/bin/env bash
# Trains the topic model on the project's own labelled articles
# (train/data/topics, see its README) with the shipped syntax and entity
# models, knowledge base and topic cues, and writes
# knowledge/models/topics.clm. Needs nothing from ../shared. Deterministic;
# a few seconds. Retrain after the syntax or entity models, the knowledge
# base, the taxonomy or the cue files change (CTest topic_model_as_trained
# says when).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh --target train_topics >/dev/null
"${BUILD_DIR:-build}"/train/train_topics \
  --data_dir=train/data/topics --knowledge_dir=knowledge \
  --out=knowledge/models/topics.clm --epochs=10 --blend=0.15 \
  --min_weight=0.01 --min_updates=1 "$@"
