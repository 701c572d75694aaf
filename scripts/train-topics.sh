#!/usr/bin/env bash
# Trains the topic model on the project's own labelled articles
# (train/data/topics, see its README) with the shipped syntax and entity
# models, knowledge base and topic cues, and writes
# knowledge/models/topics.clm: the average of ten runs in different
# example orders (one run's figures vary by a few points with the order).
# Needs nothing from ../shared. Deterministic; under a minute. Retrain after the syntax or entity models, the knowledge
# base, the taxonomy or the cue files change (CTest topic_model_as_trained
# says when).
set -euo pipefail
cd "$(dirname "$0")/.."
# TRAIN_TOPICS names a built trainer to use instead of building one (the
# CTest topic_model_as_trained runs this script so).
TRAIN_TOPICS=${TRAIN_TOPICS:-}
if [ -z "$TRAIN_TOPICS" ]; then
  scripts/build.sh --target train_topics >/dev/null
  TRAIN_TOPICS="${BUILD_DIR:-build}"/train/train_topics
fi
"$TRAIN_TOPICS" \
  --data_dir=train/data/topics --knowledge_dir=knowledge \
  --out=knowledge/models/topics.clm --epochs=10 --blend=0.05 \
  --min_weight=0.01 --min_updates=1 --runs=10 "$@"
