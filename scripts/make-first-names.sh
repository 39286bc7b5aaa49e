#!/usr/bin/env bash
# Rebuilds extract/models/first_names.tsv (the gendered first names kg build uses to
# resolve "he" and "she") from the npm package compromise 14.17.0 (MIT).
#
#   bash scripts/make-first-names.sh [DEST]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest="${1:-$here/../extract/models/first_names.tsv}"
command -v npm >/dev/null || { echo "make-first-names: npm is needed (Debian package npm)" >&2; exit 1; }
command -v node >/dev/null || { echo "make-first-names: node is needed (Debian package nodejs)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null &&
  npm install --silent --no-audit --no-fund --ignore-scripts compromise@14.17.0 >/dev/null)
node "$here/first-names.js" "$tmp" >"$tmp/first_names.tsv"
mv "$tmp/first_names.tsv" "$dest.tmp.$$"
mv "$dest.tmp.$$" "$dest"
echo "make-first-names: wrote $dest ($(grep -vc '^#' "$dest") names)"
