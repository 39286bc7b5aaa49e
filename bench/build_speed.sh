#!/usr/bin/env bash
# Throughput of `kg build` (read -> language pipeline -> mentions, coreference, relation rules
# -> graph -> Turtle + N-Quads) on news text, with --jobs 1 and --jobs 2, beside the language
# core alone (`kg parse`, CoNLL-U out) on the same text.
#
#   bench/build_speed.sh [KG_BINARY] [SHARED_DATA_DIR] [REPEAT]
#
# The corpus is the RAMS dev news windows (924 articles, ~120k words), written as JSON Lines
# to a temporary directory; nothing is kept. Prints words/s for each run and the ratios.
set -euo pipefail
kg=${1:-build/cli/kg}
data=${2:-../shared/data}
repeat=${3:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$data/rams_dev/dev.jsonlines" "$tmp" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
words = 0
with open(f"{out}/news.jsonl", "w") as j, open(f"{out}/news.txt", "w") as t:
    for n, line in enumerate(open(src)):
        ex = json.loads(line)
        text = " ".join(" ".join(s) for s in ex["sentences"])
        words += len(text.split())
        j.write(json.dumps({"id": f"rams-{n}", "date": "2016-11-01", "title": "", "text": text}) + "\n")
        t.write(text + "\n\n")
open(f"{out}/words", "w").write(str(words))
PY
words=$(cat "$tmp/words")
echo "corpus: $(wc -l < "$tmp/news.jsonl") articles, $words words (whitespace-separated)"

# Best of $repeat runs: wall seconds and CPU seconds (user+sys). On a shared machine the CPU
# time is the fair single-core figure; the wall time shows the --jobs scaling.
best() {
  local bw="" bc=""
  for _ in $(seq "$repeat"); do
    /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@" > /dev/null 2>&1
    read -r w u s < "$tmp/time"
    local c
    c=$(echo "$u + $s" | bc -l)
    if [[ -z $bw ]] || (( $(echo "$w < $bw" | bc -l) )); then bw=$w; fi
    if [[ -z $bc ]] || (( $(echo "$c < $bc" | bc -l) )); then bc=$c; fi
  done
  echo "$bw $bc"
}

read -r w_parse c_parse <<< "$(best "$kg" parse "$tmp/news.txt")"
read -r w_b1 c_b1 <<< "$(best "$kg" build "$tmp/news.jsonl" -o "$tmp/out1" --format ttl,nq -q --jobs 1)"
read -r w_b2 c_b2 <<< "$(best "$kg" build "$tmp/news.jsonl" -o "$tmp/out2" --format ttl,nq -q --jobs 2)"
cmp -s "$tmp/out1/graph.ttl" "$tmp/out2/graph.ttl" && same=yes || same=NO
rate() { echo "scale=0; $words / $1" | bc -l; }
printf '%-36s %7s %9s %12s %12s\n' "run" "wall s" "cpu s" "words/s wall" "words/s cpu"
printf '%-36s %7.2f %9.2f %12s %12s\n' "kg parse (language core)" "$w_parse" "$c_parse" \
  "$(rate "$w_parse")" "$(rate "$c_parse")"
printf '%-36s %7.2f %9.2f %12s %12s\n' "kg build --jobs 1 (ttl+nq)" "$w_b1" "$c_b1" \
  "$(rate "$w_b1")" "$(rate "$c_b1")"
printf '%-36s %7.2f %9.2f %12s %12s\n' "kg build --jobs 2 (ttl+nq)" "$w_b2" "$c_b2" \
  "$(rate "$w_b2")" "$(rate "$c_b2")"
printf 'build/parse CPU ratio %.2f; --jobs 2 wall speed-up %.2fx; same Turtle for 1 and 2 jobs: %s\n' \
  "$(echo "$c_b1 / $c_parse" | bc -l)" "$(echo "$w_b1 / $w_b2" | bc -l)" "$same"
