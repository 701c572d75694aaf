#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test (CTest)
# except the partition suite (`ctest -L partition`: root, network
# namespaces, about a minute), which CI runs as a step of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh
cd "${BUILD_DIR:-build}"
ctest --output-on-failure -j"$(nproc)" --timeout 600 -LE partition
