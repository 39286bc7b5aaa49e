#!/usr/bin/env python3
"""Derives extract/models/entities.tsv, the entity lexicon `kg build` reads at run time, from
the two gazetteers in ../shared/data (see extract/models/ENTITIES.md for attribution):

  gazetteer_countries_mledoze/countries.json         (mledoze/countries, ODbL 1.0)
  gazetteer_politicians_wikidata/politicians_*.csv   (Wikidata via CaptainFact, CC0 1.0)

Usage: make_entity_lexicon.py SHARED_DATA_DIR OUT.tsv

Output: one surface form per line, tab-separated, sorted, deterministic:
  kind  surface  canonical  class  wikidata  country
kind is country | capital | demonym | person. `country` is the canonical country name the
entry belongs to (a capital's country, a demonym's country, a politician's citizenship).
"""
import csv
import json
import os
import re
import sys
import unicodedata


def latin_name(name):
    """True for a plausible personal name in Latin script (no mojibake, two words or more)."""
    words = name.split()
    if len(words) < 2 or len(words) > 5:
        return False
    non_ascii = sum(1 for c in name if ord(c) > 127)
    if non_ascii * 4 > len(name):
        return False
    for c in name:
        if not (c.isalpha() or c in " .-'"):
            return False
        if ord(c) > 0x24F:  # beyond Latin Extended-B
            return False
    return all(w[0].isupper() for w in words if w not in ("de", "van", "von", "al", "bin", "da", "der", "di", "du", "la", "le"))


def ascii_folded(name):
    """The name without diacritics, as English news often writes it ("Francois Hollande",
    "Mevlut Cavusoglu"), or empty when that changes nothing or leaves a letter outside ASCII
    ("Đorđe")."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return folded if folded != name and folded.isascii() else ""


# "Republic of Turkey" -> "Turkey": the short name inside a formal one, which news uses when
# the gazetteer's common name is another ("Türkiye").
FORMAL_NAME = re.compile(
    r"^(?:[A-Z][\w'’-]* )*(?:Republic|Kingdom|State|Commonwealth|Principality|Federation|"
    r"Sultanate|Emirate|Union|Grand Duchy|Confederation) of (?:the )?(.+)$")


# Two-letter dotted country abbreviations in news use.
NEWS_TWO_LETTER = {"U.S.", "U.K.", "N.Z."}


def initials(name):
    """First letters of the capitalised words of a name: "United States of America" -> "USA"."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper() and w[:1].isascii())


def dotted(letters):
    return "".join(ch + "." for ch in letters)


def main():
    data_dir, out_path = sys.argv[1], sys.argv[2]
    rows = set()
    countries = json.load(open(os.path.join(data_dir, "gazetteer_countries_mledoze", "countries.json"), encoding="utf-8"))
    by_code = {}
    for c in countries:
        common = c["name"]["common"]
        by_code[c["cca2"]] = common
        forms = {common, c["name"]["official"]}
        for alt in c.get("altSpellings", []):
            ascii_ok = all(ord(ch) < 128 for ch in alt)
            # Two-letter ISO codes collide with words in headlines ("IT", "IN"); keep only
            # other abbreviations ("UK", "DRC") and names. Inverted forms ("Congo, the ...") skipped.
            if not ascii_ok or "," in alt or alt == c["cca2"] or len(alt) < 2:
                continue
            forms.add(alt)
        # Dotted initials as news writes them (U.S., U.K., U.A.E.): only for a name of two
        # capitalised words or more whose initials are one of the country's codes or
        # abbreviations. Dotting every two-letter code made "L.A." Laos, "M.D." Moldova and
        # "S.C." (South Carolina) the Seychelles; of the two-letter forms the rule finds, only
        # those news uses for the country are kept ("S.A." and "S.L." are company suffixes,
        # "N.C." is North Carolina).
        abbreviations = {c["cca2"], c.get("cca3", "")}
        abbreviations |= {a for a in c.get("altSpellings", []) if a.isascii() and a.isalpha() and a.isupper()}
        common_initials = initials(common)
        if common_initials in abbreviations and (len(common_initials) >= 3 or dotted(common_initials) in NEWS_TWO_LETTER):
            forms.add(dotted(common_initials))
            official_initials = initials(c["name"]["official"])
            if official_initials.startswith(common_initials) and official_initials in abbreviations:
                forms.add(dotted(official_initials))  # U.S.A.
        for f in sorted(forms):
            rows.add(("country", f, common, "Country", "", common))
        for cap in c.get("capital", []):
            if not all(ord(ch) < 0x250 for ch in cap):
                continue
            rows.add(("capital", cap, cap, "City", "", common))
            short = cap.replace(" D.C.", "").replace(", D.C.", "")
            if short != cap:
                rows.add(("capital", short, cap, "City", "", common))
        dem = c.get("demonyms", {}).get("eng", {})
        for g in ("m", "f"):
            d = dem.get(g, "")
            if d and all(ord(ch) < 128 for ch in d):
                rows.add(("demonym", d, common, "Country", "", common))
    # Short names inside formal ones, where they name one country only and no country has
    # them as a name already ("Korea" would be both Koreas); and the first part of a sovereign
    # state named "X and Y", as news shortens it ("Bosnia", "Trinidad").
    known = {row[1] for row in rows if row[0] == "country"}
    short = {}
    for c in countries:
        for formal in [c["name"]["official"]] + c.get("altSpellings", []):
            m = FORMAL_NAME.match(formal)
            if m and m.group(1).isascii() and "," not in m.group(1):
                short.setdefault(m.group(1), set()).add(c["name"]["common"])
        common = c["name"]["common"]
        if c.get("independent") is True and " and " in common:
            first = common.split(" and ")[0]
            if first.isascii():
                short.setdefault(first, set()).add(common)
    for name, owners in short.items():
        if len(owners) == 1 and name not in known:
            common = next(iter(owners))
            rows.add(("country", name, common, "Country", "", common))
    people = {}
    names = {}
    with open(os.path.join(data_dir, "gazetteer_politicians_wikidata",
                           "politicians_born_after_1945_having_a_picture.csv"), encoding="utf-8", errors="replace") as f:
        for r in csv.DictReader(f):
            qid = r["politician"].rsplit("/", 1)[-1]
            name = (r.get("name_in_native_language") or "").strip()
            if not qid.startswith("Q") or not latin_name(name):
                continue
            country = by_code.get((r.get("country") or "").strip(), "")
            people.setdefault(qid, (name, country))
            names.setdefault(name, set()).add(qid)
    # The spelling without diacritics is another surface form of the same politician, unless
    # it is another politician's name or the folded name of two.
    folded_of = {qid: ascii_folded(name) for qid, (name, _) in people.items()}
    folded_names = {}
    for qid, folded in folded_of.items():
        if folded:
            folded_names.setdefault(folded, set()).add(qid)
    for qid, (name, country) in people.items():
        if len(names[name]) != 1:
            continue  # two politicians share the name: the lexicon cannot tell them apart
        rows.add(("person", name, name, "Person", qid, country))
        folded = folded_of[qid]
        if folded and len(folded_names[folded]) == 1 and folded not in names:
            rows.add(("person", folded, name, "Person", qid, country))
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Derived by extract/tools/make_entity_lexicon.py from mledoze/countries (ODbL 1.0)\n")
        out.write("# and Wikidata politicians via CaptainFact (CC0 1.0); see ENTITIES.md. Do not edit.\n")
        for row in sorted(rows):
            out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
