#!/usr/bin/env bash
# Resource bounds: runs kg's main commands on the same kind of input at 1x, 10x and
# 100x its size and prints wall time and peak RSS (from /usr/bin/time) with their
# ratios to the 1x run, and the cost per input size above the fixed cost of loading
# models and ontology (the same command on a one-line input): linear growth keeps
# "ms/MiB>base" and "B/B>base" (resident bytes per input byte) flat from 1x to 100x.
#
# Usage: bench/reliability_scaling.sh [KG_BINARY] [SCALE]
#   KG_BINARY default build/cli/kg; SCALE multiplies the 1x sizes (default 1):
#   1x = 200 sentences for parse/ner, 2,000 entities (about 6,000 triples) for
#   convert/validate/query.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kg=${1:-$here/../build/cli/kg}
scale=${2:-1}
[[ -x $kg ]] || { echo "no kg binary at $kg (build the kg target)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 2; }
export KG_ONTOLOGY_DIR=${KG_ONTOLOGY_DIR:-$here/../ontology/data}
work=$(mktemp -d "${TMPDIR:-/tmp}/kg-scaling.XXXXXX")
trap 'rm -rf "$work"' EXIT

# An article of N sentences, like the reliability tests' long article.
article() {
  python3 - "$1" <<'PY'
import sys
n = int(sys.argv[1])
s = ["Donald Trump", "Vladimir Putin", "Rex Tillerson", "Sergey Lavrov", "Angela Merkel", "Shinzo Abe"]
v = ["met", "criticized", "backed", "called", "praised"]
p = ["Hamburg", "Moscow", "Washington", "Amman", "Tokyo"]
out = ["date 2017-07-07 Leaders meet at the G20 summit in Hamburg\n"]
for i in range(n):
    out.append(f"{s[i % 6]} {v[(i // 6) % 5]} {s[(i + 1 + i // 30) % 6]} in {p[(i // 7) % 5]} on day {i + 1}.")
    out.append("\n\n" if i % 8 == 7 else " ")
sys.stdout.write("".join(out))
PY
}

# A graph of N people in a chain of relations, as N-Triples.
graph() {
  python3 - "$1" <<'PY'
import sys
n = int(sys.argv[1])
kgo = "<https://kg.example.org/ontology#"
w = sys.stdout.write
for i in range(n):
    s = f"<https://kg.example.org/entity/p{i}>"
    w(f"{s} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> {kgo}Person> .\n")
    w(f"{s} <http://www.w3.org/2000/01/rdf-schema#label> \"Person {i}\"@en .\n")
    if i:
        w(f"<https://kg.example.org/entity/p{i-1}> {kgo}met> {s} .\n")
PY
}

measure() {  # prints "seconds kib"
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
    echo "failed: $*" >&2; cat "$work/err" >&2; exit 1; }
  cat "$work/time"
}

printf '%-9s %5s %10s %8s %7s %12s %8s %7s %12s\n' command size input_KiB time_s time_x "ms/MiB>base" RSS_MiB RSS_x "B/B>base"
row() {  # name size input base_s base_kib t1 r1 -- command...
  local name=$1 size=$2 input=$3 base_t=$4 base=$5 t1=$6 r1=$7
  shift 7
  read -r t r < <(measure "$@")
  local bytes; bytes=$(stat -c %s "$input")
  # ms/MiB>base and B/B>base: time and resident memory above the run on a one-line
  # input (model and ontology loading), per MiB / per byte of input. Linear growth
  # keeps them constant from 1x to 100x.
  awk -v n="$name" -v s="$size" -v by="$bytes" -v t="$t" -v r="$r" -v t1="$t1" -v r1="$r1" \
      -v bt="$base_t" -v b="$base" 'BEGIN {
    if (t1 == 0) { t1 = t; r1 = r }  # the 1x row is its own reference
    tx = (t1 > 0) ? t / t1 : 0; rx = r / r1;
    mt = (t - bt) * 1000 / (by / 1048576); mb = (r - b) * 1024 / by;
    printf "%-9s %5s %10d %8.2f %7.1f %12.0f %8.1f %7.2f %12.1f\n", n, s, by / 1024, t, tx, mt, r / 1024, rx, mb }'
  echo "$t $r" > "$work/last"
}

for cmd in parse ner; do
  printf 'date 2017-07-07 x\nTrump met Putin.\n' > "$work/base.txt"
  read -r base_t base < <(measure "$kg" "$cmd" "$work/base.txt")
  t1=0; r1=1
  for mult in 1 10 100; do
    n=$((200 * scale * mult))
    article "$n" > "$work/a$mult.txt"
    row "$cmd" "${mult}x" "$work/a$mult.txt" "$base_t" "$base" "$t1" "$r1" "$kg" "$cmd" "$work/a$mult.txt"
    if [[ $mult == 1 ]]; then read -r t1 r1 < "$work/last"; fi
  done
done

graph 2 > "$work/base.nt"
for cmd in convert validate; do
  case $cmd in
    convert) args=("$work/out.ttl") ;;
    validate) args=() ;;
  esac
  read -r base_t base < <(measure "$kg" "$cmd" "$work/base.nt" "${args[@]}")
  t1=0; r1=1
  for mult in 1 10 100; do
    n=$((2000 * scale * mult))
    [[ -f $work/g$mult.nt ]] || graph "$n" > "$work/g$mult.nt"
    row "$cmd" "${mult}x" "$work/g$mult.nt" "$base_t" "$base" "$t1" "$r1" "$kg" "$cmd" "$work/g$mult.nt" "${args[@]}"
    if [[ $mult == 1 ]]; then read -r t1 r1 < "$work/last"; fi
  done
done
