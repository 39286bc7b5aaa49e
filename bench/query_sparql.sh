#!/usr/bin/env bash
# Times the same SPARQL SELECT queries, in one run on the same synthetic graph
# (bench/export_rdf_bench.cpp), with kg (Rasqal over kg's own indexes), roqet
# (Rasqal's CLI over its default Raptor-loaded triples) and Oxigraph (npm):
#   lookup : every triple of one entity
#   twohop : an anchored two-hop join (entity -> ?x -> ?y)
#   count  : triples per predicate (GROUP BY over the whole graph)
# Query times exclude loading ("once loaded"); roqet can only be timed with its
# load, so its row shows load+query, and it is skipped (marked) past ROQET_TIMEOUT.
#
# Usage: bench/query_sparql.sh [BUILD_DIR] [SIZES]
#   SIZES: space-separated "entities:relations" pairs; default
#   "10000:77000 100000:767000" (about 100k and 1M triples).
#   BUILD_DIR must hold bench/export_rdf_bench and bench/query_sparql_driver.
#   REPEAT=n (default 5) keeps the fastest of n runs; Oxigraph: (cd bench && npm install).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
sizes=${2:-"10000:77000 100000:767000"}
repeat=${REPEAT:-5}
roqet_timeout=${ROQET_TIMEOUT:-120}
work=$(mktemp -d "${TMPDIR:-/tmp}/kg-sparql-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export KG_ONTOLOGY_DIR=${KG_ONTOLOGY_DIR:-$here/../ontology/data}

gen="$build/bench/export_rdf_bench"
driver="$build/bench/query_sparql_driver"
for tool in "$gen" "$driver"; do
  [[ -x $tool ]] || { echo "missing $tool; build export_rdf_bench and query_sparql_driver" >&2; exit 2; }
done

kgo='https://kg.example.org/ontology#'
cat >"$work/lookup.rq" <<Q
SELECT ?p ?o WHERE { <https://kg.example.org/entity/E42> ?p ?o }
Q
cat >"$work/twohop.rq" <<Q
SELECT ?x ?y WHERE { <https://kg.example.org/entity/E42> ?p ?x . ?x ?q ?y }
Q
cat >"$work/count.rq" <<Q
SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p
Q
queries=(lookup twohop count)
args=()
for q in "${queries[@]}"; do args+=("$q=$work/$q.rq"); done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "n/a" }'; }
ms() { awk -v s="$1" 'BEGIN{ printf "%.2f", s*1000 }'; }

for size in $sizes; do
  entities=${size%%:*}
  relations=${size##*:}
  "$gen" "$work/graph.nt" "$entities" "$relations"
  triples=$(wc -l <"$work/graph.nt")
  echo "== $triples triples ($entities entities, $relations relations), fastest of $repeat"

  "$driver" "$work/graph.nt" "$repeat" "${args[@]}" >"$work/kg.txt"
  declare -A kg_t kg_n ox_t ox_n rq_t rq_n
  while read -r name t n; do kg_t[$name]=$t; kg_n[$name]=$n; done <"$work/kg.txt"

  have_ox=0
  if [[ -d $here/node_modules/oxigraph ]]; then
    node "$here/query_oxigraph.mjs" "$work/graph.nt" "$repeat" "${args[@]}" >"$work/ox.txt"
    while read -r name t n; do ox_t[$name]=$t; ox_n[$name]=$n; done <"$work/ox.txt"
    have_ox=1
  fi

  for q in "${queries[@]}"; do
    # roqet parses the data on every run: time it once, with a timeout.
    start=$(date +%s.%N)
    # roqet exits 2 when it only printed warnings (e.g. a variable bound but unused).
    rc=0
    out=$(timeout "$roqet_timeout" roqet -q -r csv -D "$work/graph.nt" -i sparql11-query "$work/$q.rq" 2>/dev/null) || rc=$?
    if [[ $rc == 0 || $rc == 2 ]]; then
      rq_t[$q]=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.6f", b-a}')
      rq_n[$q]=$(( $(printf '%s\n' "$out" | wc -l) - 1 ))
    elif [[ $rc == 124 ]]; then
      rq_t[$q]=">$roqet_timeout"
      rq_n[$q]="-"
    else
      rq_t[$q]="failed($rc)"
      rq_n[$q]="-"
    fi
  done

  printf "%-8s %12s %12s %10s %8s %22s %8s\n" query "kg ms" "oxigraph ms" "kg/oxi" rows "roqet s (load+query)" rows
  for q in "${queries[@]}"; do
    ox="${ox_t[$q]:-0}"
    printf "%-8s %12s %12s %10s %8s %22s %8s\n" "$q" "$(ms "${kg_t[$q]}")" \
      "$( ((have_ox)) && ms "$ox" || echo n/a)" "$( ((have_ox)) && ratio "${kg_t[$q]}" "$ox" || echo n/a)" \
      "${kg_n[$q]}$( ((have_ox)) && [[ ${ox_n[$q]} != "${kg_n[$q]}" ]] && echo "!=${ox_n[$q]}" || true)" \
      "${rq_t[$q]}" "${rq_n[$q]}"
  done
  grep -E '^(load|index) ' "$work/kg.txt" | awk '{printf "kg %s %.3f s\n", $1, $2}'
  ((have_ox)) && grep -E '^load ' "$work/ox.txt" | awk '{printf "oxigraph load %.3f s\n", $2}'
  unset kg_t kg_n ox_t ox_n rq_t rq_n
done
