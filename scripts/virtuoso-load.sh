#!/bin/bash
# Bulk-loads RDF files (N-Quads, N-Triples, Turtle, RDF/XML; .gz too) into the
# Virtuoso started by scripts/virtuoso-start.sh DIR, with Virtuoso's bulk loader
# (ld_dir + rdf_loader_run): the fast way for files of millions of triples.
#
#   scripts/virtuoso-load.sh DIR GRAPH_IRI FILE...
#
# N-Quads keep their own graphs; GRAPH_IRI is the graph for triples without one.
# The files are hard-linked (or copied) into DIR/load, the one place Virtuoso may read.
# Bulk loading appends: to replace a graph, clear it first (`kg push` replaces per graph).
set -eu
dir=${1:?usage: virtuoso-load.sh DIR GRAPH_IRI FILE...}
graph=${2:?usage: virtuoso-load.sh DIR GRAPH_IRI FILE...}
shift 2
[ $# -gt 0 ] || { echo "virtuoso-load: no files given" >&2; exit 2; }
dir=$(cd "$dir" && pwd)
[ -f "$dir/ports" ] || { echo "virtuoso-load: $dir has no running Virtuoso (run virtuoso-start.sh)" >&2; exit 1; }
read -r _ sql_port < "$dir/ports"
batch="$dir/load/batch-$$"
mkdir -p "$batch"
for f in "$@"; do
  [ -f "$f" ] || { echo "virtuoso-load: no file $f" >&2; rm -rf "$batch"; exit 1; }
  ln "$f" "$batch/" 2>/dev/null || cp "$f" "$batch/"
done
user=${KG_VIRTUOSO_USER:-dba}
password=${KG_VIRTUOSO_PASSWORD:-dba}
isql-vt "127.0.0.1:$sql_port" "$user" "$password" <<SQL
ld_dir('$batch', '*', '$graph');
rdf_loader_run();
checkpoint;
SELECT ll_file, ll_state, ll_error FROM DB.DBA.load_list WHERE ll_file LIKE '$batch/%';
SQL
errors=$(isql-vt "127.0.0.1:$sql_port" "$user" "$password" \
  exec="SELECT COUNT(*) FROM DB.DBA.load_list WHERE ll_file LIKE '$batch/%' AND ll_error IS NOT NULL;" \
  | awk '/^[0-9]+$/ {print; exit}')
rm -rf "$batch"
if [ "${errors:-0}" != "0" ]; then
  echo "virtuoso-load: $errors file(s) failed to load; see the ll_error column above" >&2
  exit 1
fi
