#!/usr/bin/env bash
# Offline check of deploy/: renders the kustomize base and every overlay with
# `kubectl kustomize` (no cluster needed) and validates every rendered object
# against the Kubernetes schemas (kubernetes-models validate()) and types
# (tsc --strict against kubernetes-types, which rejects unknown fields), plus
# policy checks, the ConfigMap data files and the Dockerfile. See
# deploy/tests/validate.mjs.
#
# Needs: kubectl (with its built-in kustomize), node >= 18 and npm. Runs
# `npm ci` into deploy/tests/node_modules when that is missing or older than
# package-lock.json (the npm registry is the only network access). Runs from
# any working directory:
#   bash deploy/tests/check_manifests.sh
# Exit status 0 when everything passed; the last line is
#   manifests: N passed, M failed
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEPLOY="$(cd "$HERE/.." && pwd)"
KUSTOMIZE_ROOT="$DEPLOY/kubernetes"

die() {
  echo "check_manifests: $*" >&2
  echo "manifests: 0 passed, 1 failed"
  exit 1
}

command -v kubectl >/dev/null 2>&1 || die "kubectl not found"
command -v node >/dev/null 2>&1 || die "node not found"
command -v npm >/dev/null 2>&1 || die "npm not found"

# Install the pinned validators once (and again when the lock file changes).
stamp="$HERE/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$HERE/package-lock.json" -nt "$stamp" ]; then
  echo "check_manifests: npm ci (deploy/tests)"
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error) >&2 || die "npm ci failed"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/claimstore-manifests.XXXXXX")"
keep_work=0
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() { [ "$keep_work" -eq 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT

# Base first, then every overlay directory that has a kustomization.
targets=("base:$KUSTOMIZE_ROOT/base")
for dir in "$KUSTOMIZE_ROOT"/overlays/*/; do
  dir="${dir%/}"
  if [ -f "$dir/kustomization.yaml" ] || [ -f "$dir/kustomization.yml" ] || [ -f "$dir/Kustomization" ]; then
    targets+=("$(basename "$dir"):$dir")
  fi
done

render_args=()
render_failed=0
for t in "${targets[@]}"; do
  name="${t%%:*}"
  dir="${t#*:}"
  out="$WORK/$name.yaml"
  if kubectl kustomize "$dir" >"$out" 2>"$WORK/$name.err"; then
    echo "rendered $name (${dir#"$DEPLOY"/}): $(grep -c '^kind:' "$out") objects"
    render_args+=("$name=$out")
  else
    echo "FAIL $name [kustomize]: $(cat "$WORK/$name.err")"
    render_failed=$((render_failed + 1))
  fi
done

status=0
if [ "${#render_args[@]}" -gt 0 ]; then
  node "$HERE/validate.mjs" "$WORK" "$DEPLOY" "${render_args[@]}" >"$WORK/validate.out" 2>&1 || status=$?
else
  echo "manifests: 0 passed, 0 failed" >"$WORK/validate.out"
  status=1
fi

if [ "$render_failed" -gt 0 ]; then
  # Fold kustomize failures into the closing summary line.
  summary="$(tail -n1 "$WORK/validate.out")"
  sed '$d' "$WORK/validate.out"
  if [[ "$summary" =~ ^manifests:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    echo "manifests: ${BASH_REMATCH[1]} passed, $((BASH_REMATCH[2] + render_failed)) failed"
  else
    echo "$summary"
    echo "manifests: 0 passed, $render_failed failed"
  fi
  exit 1
fi

cat "$WORK/validate.out"
if [ "$status" -ne 0 ]; then
  keep_work=1
  echo "check_manifests: rendered YAML and generated TypeScript kept in $WORK" >&2
fi
exit "$status"
