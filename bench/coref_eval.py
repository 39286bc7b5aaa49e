#!/usr/bin/env python3
"""Pronoun resolution of `kg build` scored against GUM's coreference annotation.

    python3 bench/coref_eval.py [KG_BINARY] [SHARED_DATA_DIR] [--errors]

Every GUM document (train and dev; nothing is trained on them) is written as one JSON Lines
article, built with `kg build`, and each pronoun the builder binds to an entity is checked:
it is right when GUM puts the pronoun in the same coreference chain (Entity= in MISC) as one
of that entity's name mentions in the document. Prints, per pronoun, how many were bound
and the precision; "they"/"them"/"their" bind to the members of a group, which GUM chains as
the group, so their figures are not comparable.
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

ENTITY = re.compile(r"\((\d+)[^()]*(\))?|(\d+)\)")


def read_doc(path):
    """The document's text, and per token its character span and the chains it is in."""
    parts, tokens, open_ids, pos = [], [], [], 0
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            parts.append("\n")
            pos += 1
            continue
        if line.startswith("#"):
            continue
        f = line.split("\t")
        if "-" in f[0] or "." in f[0]:
            continue
        form, misc = f[1], f[9]
        m = re.search(r"Entity=([^|]*)", misc)
        closing = []
        if m:
            for o in ENTITY.finditer(m.group(1)):
                if o.group(1):
                    open_ids.append(o.group(1))
                    if o.group(2):
                        closing.append(o.group(1))
                else:
                    closing.append(o.group(3))
        tokens.append((pos, pos + len(form), set(open_ids)))
        for c in closing:
            if c in open_ids:
                open_ids.remove(c)
        parts.append(form)
        pos += len(form)
        if "SpaceAfter=No" not in misc:
            parts.append(" ")
            pos += 1
    return "".join(parts), tokens


def main():
    show_errors = "--errors" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--errors"]
    kg = args[0] if args else "build/cli/kg"
    data = args[1] if len(args) > 1 else "../shared/data"
    gum = os.path.join(data, "ud_english_gum")
    files = sorted(os.path.join(gum, d, x) for d in ("train", "dev")
                   for x in os.listdir(os.path.join(gum, d)) if x.endswith(".conllu"))
    docs = {}
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "gum.jsonl"), "w", encoding="utf-8") as out:
            for path in files:
                name = os.path.basename(path)[:-len(".conllu")]
                text, tokens = read_doc(path)
                docs[name] = (text, tokens)
                out.write(json.dumps({"id": name, "date": "2020-01-01", "title": "",
                                      "text": text}) + "\n")
        subprocess.run([kg, "build", os.path.join(tmp, "gum.jsonl"), "-o", tmp, "-f", "jsonl",
                        "-q"], check=True)
        mentions = collections.defaultdict(list)
        for line in open(os.path.join(tmp, "graph.jsonl"), encoding="utf-8"):
            d = json.loads(line)
            if d.get("type") == "mention":
                mentions[d["doc"].rsplit("/", 1)[-1]].append(d)
    counts = collections.Counter()
    for name, ms in mentions.items():
        text, tokens = docs[name]

        def chains(start, end):
            out = set()
            for b, e, ids in tokens:
                if b < end and start < e:
                    out |= ids
            return out

        named = collections.defaultdict(set)
        for m in ms:
            if m["kind"] == "name":
                named[m["entity"]] |= chains(m["start"], m["end"])
        for m in ms:
            if m["kind"] == "pronoun":
                right = bool(chains(m["start"], m["end"]) & named.get(m["entity"], set()))
                if show_errors and not right:
                    context = text[max(0, m["start"] - 160):m["start"]].replace("\n", " ")
                    print(f"{name}: ...{context}[[{m['text']}]] -> {m['entity'].rsplit('/', 1)[-1]}")
                for key in (m["text"].lower(), "all"):
                    counts[(key, right)] += 1
    print(f"GUM train+dev: {len(files)} documents")
    for p in sorted({k for k, _ in counts}):
        right, wrong = counts[(p, True)], counts[(p, False)]
        print(f"  {p:10s} bound {right + wrong:5d}  right {right:5d}  "
              f"precision {100.0 * right / max(1, right + wrong):5.1f}")


main()
