#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build, and run the main job on the
# seed article: `kg build` reads the text and writes its knowledge graph under out/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DKG_BUILD_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)" --target kg
build/cli/kg build examples/g20_hamburg/article.txt -o out --name g20_hamburg \
  --format ttl,nt,nq,rdf,dot,svg,jsonl --rules
