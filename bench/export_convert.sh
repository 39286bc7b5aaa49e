#!/usr/bin/env bash
# Times, in one run on one synthetic graph (bench/export_rdf_bench.cpp):
#   N-Triples -> Turtle and N-Triples -> N-Triples with kg, serdi and rapper;
#   loading the N-Triples into a KnowledgeGraph and into Oxigraph's in-memory
#   store (time and peak RSS from /usr/bin/time).
# Prints a table with the ratios the targets are stated in.
#
# Usage: bench/export_convert.sh [BUILD_DIR] [ENTITIES] [RELATIONS]
#   BUILD_DIR must hold bench/export_rdf_bench, bench/kg_bench_convert and cli/kg
#   (cmake --build BUILD_DIR --target export_rdf_bench kg_bench_convert kg).
#   The kg rows run `kg convert` (BUILD_DIR/cli/kg, or KG=path/to/kg; KG=driver
#   uses the bench driver, the same library call without the CLI's start-up).
#   N-Triples input is streamed (see `kg convert --help`); MODEL=1 adds rows for
#   `kg convert --model` (read into a KnowledgeGraph, then written).
#   REPEAT=n keeps the fastest of n runs.
#   Oxigraph: (cd bench && npm install) once.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
entities=${2:-100000}
relations=${3:-1000000}
repeat=${REPEAT:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/kg-convert-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

gen="$build/bench/export_rdf_bench"
driver="$build/bench/kg_bench_convert"
for tool in "$gen" "$driver"; do
  [[ -x $tool ]] || { echo "missing $tool; build the export_rdf_bench and kg_bench_convert targets" >&2; exit 2; }
done
KG=${KG:-$build/cli/kg}
if [[ $KG != driver && -x $KG ]]; then
  kg_convert() { "$KG" convert "$@"; }
  kg_name="kg convert ($KG)"
else
  kg_convert() { "$driver" "$@" 2>/dev/null; }
  kg_name="kg_bench_convert"
fi

"$gen" "$work/graph.nt" "$entities" "$relations"
triples=$(wc -l <"$work/graph.nt")
size=$(du -h "$work/graph.nt" | cut -f1)

# run NAME CMD...: fastest wall time (s) and its peak RSS (MB) over $repeat runs.
declare -A wall rss
run() {
  local name=$1
  shift
  local best="" best_rss=""
  for ((i = 0; i < repeat; i++)); do
    /usr/bin/time -f "%e %M" -o "$work/time" bash -c "$*" >/dev/null
    read -r w r <"$work/time"
    if [[ -z $best ]] || awk -v a="$w" -v b="$best" 'BEGIN{exit !(a<b)}'; then
      best=$w
      best_rss=$r
    fi
  done
  wall[$name]=$best
  rss[$name]=$(awk -v k="$best_rss" 'BEGIN{printf "%.0f", k/1024}')
}

export -f kg_convert 2>/dev/null || true
export KG driver
run kg_ttl "$(declare -f kg_convert); kg_convert '$work/graph.nt' '$work/kg.ttl'"
run serdi_ttl "serdi -i ntriples -o turtle '$work/graph.nt' >'$work/serdi.ttl'"
run rapper_ttl "rapper -q -i ntriples -o turtle '$work/graph.nt' >'$work/rapper.ttl'"
run kg_nt "$(declare -f kg_convert); kg_convert '$work/graph.nt' '$work/kg.nt'"
run serdi_nt "serdi -i ntriples -o ntriples '$work/graph.nt' >'$work/serdi.nt'"
run rapper_nt "rapper -q -i ntriples -o ntriples '$work/graph.nt' >'$work/rapper.nt'"
if [[ -n ${MODEL:-} ]]; then
  run kg_ttl_model "$(declare -f kg_convert); kg_convert --model '$work/graph.nt' '$work/kg-model.ttl'"
  run kg_nt_model "$(declare -f kg_convert); kg_convert --model '$work/graph.nt' '$work/kg-model.nt'"
fi
run kg_load "'$driver' --load '$work/graph.nt' 2>/dev/null"
if [[ -d $here/node_modules/oxigraph ]]; then
  run oxigraph_load "node '$here/oxigraph_load.mjs' '$work/graph.nt'"
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "n/a" }'; }
echo "input: $triples triples ($entities entities, $relations relations), $size; fastest of $repeat runs"
echo "kg rows: $kg_name"
printf "%-34s %9s %9s\n" "task" "wall (s)" "RSS (MB)"
for k in kg_ttl serdi_ttl rapper_ttl kg_nt serdi_nt rapper_nt kg_ttl_model kg_nt_model kg_load oxigraph_load; do
  [[ -n ${wall[$k]:-} ]] && printf "%-34s %9s %9s\n" "$k" "${wall[$k]}" "${rss[$k]}"
done
echo "N-Triples -> Turtle: kg/serdi = $(ratio "${wall[kg_ttl]}" "${wall[serdi_ttl]}") (target <= 1.0), kg/rapper = $(ratio "${wall[kg_ttl]}" "${wall[rapper_ttl]}") (target <= 0.2)"
if [[ -n ${wall[kg_ttl_model]:-} ]]; then
  echo "N-Triples -> Turtle through the model: kg/serdi = $(ratio "${wall[kg_ttl_model]}" "${wall[serdi_ttl]}"), kg/rapper = $(ratio "${wall[kg_ttl_model]}" "${wall[rapper_ttl]}")"
fi
echo "N-Triples -> N-Triples: kg/serdi = $(ratio "${wall[kg_nt]}" "${wall[serdi_nt]}"), kg/rapper = $(ratio "${wall[kg_nt]}" "${wall[rapper_nt]}")"
if [[ -n ${wall[oxigraph_load]:-} ]]; then
  echo "load: kg/oxigraph time = $(ratio "${wall[kg_load]}" "${wall[oxigraph_load]}") (target <= 0.3), peak RSS = $(ratio "${rss[kg_load]}" "${rss[oxigraph_load]}") (target <= 0.5)"
fi
