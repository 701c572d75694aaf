#!/usr/bin/env bash
# Prints, one per line and sorted, the Debian packages that provide the shared
# libraries the given ELF binaries load (per ldd). Used by deploy/Dockerfile
# so the runtime stage installs exactly what the binaries link against, even
# as the C++ code adds or drops a library.
#
# Fails (exit 1) when a library is unresolved ("not found") or is not owned
# by any Debian package (e.g. built from source in the build stage): such a
# library would be missing from the runtime image.
#
# Usage: list-runtime-packages.sh BINARY...
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 BINARY..." >&2
  exit 2
fi

# dpkg records some files under /lib and some under /usr/lib (merged /usr):
# try the path as ldd prints it, its canonical form and the /usr twin.
owner_of() {
  local lib="$1" candidate real out
  real="$(realpath -e "$lib")"
  for candidate in "$lib" "$real" "${lib#/usr}" "/usr${lib}" "${real#/usr}" "/usr${real}"; do
    if out="$(dpkg-query -S "$candidate" 2>/dev/null)"; then
      # "libfoo1:amd64: /path" or "libfoo1: /path"; skip diversion lines.
      printf '%s\n' "$out" | grep -v '^diversion' | head -n1 | cut -d: -f1
      return 0
    fi
  done
  return 1
}

status=0
libs="$(mktemp)"
trap 'rm -f "$libs"' EXIT
for bin in "$@"; do
  if [ ! -f "$bin" ]; then
    echo "list-runtime-packages: no such file: $bin" >&2
    exit 1
  fi
  if ! out="$(ldd "$bin" 2>&1)"; then
    # A static executable needs no shared libraries.
    if grep -qE 'not a dynamic executable|statically linked' <<<"$out"; then
      continue
    fi
    echo "list-runtime-packages: ldd failed on $bin: $out" >&2
    exit 1
  fi
  if grep -q 'not found' <<<"$out"; then
    echo "list-runtime-packages: unresolved libraries in $bin:" >&2
    grep 'not found' <<<"$out" >&2
    status=1
  fi
  # "libx.so.1 => /path/libx.so.1 (0x...)" and "/lib64/ld-linux-x86-64.so.2 (0x...)"
  awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' <<<"$out" >>"$libs"
done

pkgs=()
while read -r lib; do
  if pkg="$(owner_of "$lib")"; then
    pkgs+=("$pkg")
  else
    echo "list-runtime-packages: $lib belongs to no Debian package" >&2
    status=1
  fi
done < <(sort -u "$libs")

[ "$status" -eq 0 ] || exit "$status"
printf '%s\n' "${pkgs[@]}" | sort -u
