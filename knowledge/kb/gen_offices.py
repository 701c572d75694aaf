#!/usr/bin/env python3
"""Generates the office holders of knowledge/kb from the succession lists in
knowledge/offices/*.txt.

    python3 knowledge/kb/gen_offices.py           # rewrite the files
    python3 knowledge/kb/gen_offices.py --check   # exit 1 if they are stale

A succession list names one office (title id and owner) and its holders in
order; each holder holds it until the next one starts, so a list cannot
overlap itself:

    @ prime-minister GBR              title id, owner
    @ finance-minister GBR +chancellor   also recorded under a second title
    1990-11-28 John Major             start (YYYY-MM-DD), name
    1995-01-23 Jacques Santer <LUX>   the person's country, for an
                                      organisation's office (owner "nato")
    1997-05-02 Tony Blair | Anthony Blair; Blair    aliases after "|"
    2016-07-13 Theresa May {theresa-may}            explicit person id
    2019-01-01 -                      vacancy (or an interregnum)
    2020-01-01 END                    the office ends (no current holder)

The last holder of a list without END is in office today (end "").
Owners are ISO 3166-1 alpha-3 codes (countries, plus the historic codes of
historic.jsonl), ISO 3166-2 codes for subdivisions ("GB-SCT", "US-CA") and
UN/LOCODEs without the space for cities ("GBLON").

People already in people.jsonl keep their line, id and fields; the lists
replace their offices of the listed (title, owner) pairs and add the rest,
and add aliases. people.jsonl stays hand-edited: an alias or office removed
from a list must also be removed there by hand.
A new person is written to people-<list>.jsonl for the first list that
names them, with country = the owner's country and role "government".
"""
import argparse
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "..", "offices")
# Lists are read in this order; a person's file is the first list naming them.
ORDER = ["europe", "middle-east", "asia", "americas", "africa", "oceania",
         "subnational", "international"]

FIELD_ORDER = ["id", "name", "type", "kind", "country", "role", "aliases",
               "demonyms", "group_names", "capitals", "iso_alpha2", "offices"]

# Historic owners; a person who also held an office of a current country
# gets that country.
HISTORIC = {"SUN", "YUG", "CSK", "DDR", "SCG"}

# Letters NFKD does not decompose.
FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d",
                      "Đ": "D", "æ": "ae", "Æ": "AE", "ß": "ss", "ı": "i",
                      "ð": "d", "þ": "th", "œ": "oe", "ħ": "h", "ŀ": "l"})


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s.translate(FOLD))
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(name):
    s = ascii_fold(name).lower().replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def fail(where, msg):
    sys.exit(f"{where}: {msg}")


def parse(path):
    """Yields (where, title, owner, extra_titles, holders) per list; a holder
    is (start, end, name, aliases, explicit_id)."""
    section = None
    holders = []
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.split("#", 1)[0].strip()
        where = f"{path}:{n}"
        if not line:
            continue
        if line.startswith("@"):
            if section:
                yield section + (holders,)
            parts = line[1:].split()
            if len(parts) < 2:
                fail(where, "a list needs '@ title owner'")
            extra = [p[1:] for p in parts[2:] if p.startswith("+")]
            section = (where, parts[0], parts[1], extra)
            holders = []
            continue
        if section is None:
            fail(where, "holder before any '@ title owner'")
        m = re.match(r"(\d{4}-\d\d-\d\d)\s+(.*)$", line)
        if not m:
            fail(where, "expected 'YYYY-MM-DD name'")
        start, rest = m.group(1), m.group(2)
        country = None
        cm = re.search(r"<([A-Z]{3})>", rest)
        if cm:
            country = cm.group(1)
            rest = (rest[:cm.start()] + rest[cm.end():]).strip()
        explicit = None
        em = re.search(r"\{([a-z0-9-]+)\}", rest)
        if em:
            explicit = em.group(1)
            rest = (rest[:em.start()] + rest[em.end():]).strip()
        aliases = []
        if "|" in rest:
            rest, al = rest.split("|", 1)
            aliases = [a.strip() for a in al.split(";") if a.strip()]
        holders.append((where, start, rest.strip(), aliases, explicit, country))
    if section:
        yield section + (holders,)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    alpha2 = {}
    for line in open(os.path.join(HERE, "countries.jsonl"), encoding="utf-8"):
        e = json.loads(line)
        if e.get("iso_alpha2"):
            alpha2[e["iso_alpha2"]] = e["id"]

    def owner_country(owner):
        if not owner.isupper():
            return owner  # an organisation: the holder's country needs <XXX>
        if "-" in owner:
            return alpha2[owner.split("-")[0]]
        if len(owner) == 5 and owner.isupper():
            return alpha2[owner[:2]]
        return owner

    base_path = os.path.join(HERE, "people.jsonl")
    base = [json.loads(l) for l in open(base_path, encoding="utf-8") if l.strip()]
    people = {}          # id -> entry
    file_of = {}         # id -> output name ("" = people.jsonl)
    by_name = {}         # folded lower-case name or alias -> id
    for e in base:
        people[e["id"]] = e
        file_of[e["id"]] = ""
        for n in [e["name"]] + e.get("aliases", []):
            by_name.setdefault(ascii_fold(n).lower(), e["id"])
    listed = {}          # id -> set of (title, owner) given by the lists
    order = {name: [] for name in ORDER}

    sources = [os.path.join(SOURCES, f"{r}.txt") for r in ORDER]
    for s in glob.glob(os.path.join(SOURCES, "*.txt")):
        if os.path.abspath(s) not in map(os.path.abspath, sources):
            sys.exit(f"{s}: not in ORDER of {__file__}")
    for region, path in zip(ORDER, sources):
        if not os.path.exists(path):
            continue
        for where, title, owner, extra, holders in parse(path):
            country = owner_country(owner)
            for i, (hw, start, name, aliases, explicit, own) in enumerate(holders):
                end = ""
                if i + 1 < len(holders):
                    end = holders[i + 1][1]
                    if end <= start:
                        fail(hw, f"{name}: next start {end} is not after {start}")
                if name in ("-", "END"):
                    if name == "END" and i + 1 < len(holders):
                        fail(hw, "END must be the last line of a list")
                    continue
                pid = explicit or by_name.get(ascii_fold(name).lower()) or slug(name)
                e = people.get(pid)
                if e is None:
                    if explicit and explicit != slug(name):
                        pass  # a disambiguated id, e.g. "-can" suffix
                    e = {"id": pid, "name": name, "type": "PERSON",
                         "kind": "person", "country": own or country,
                         "role": "government" if owner.isupper()
                                 else "international-organisation",
                         "aliases": [], "offices": []}
                    people[pid] = e
                    file_of[pid] = region
                    order[region].append(pid)
                    by_name.setdefault(ascii_fold(name).lower(), pid)
                elif e["country"] in HISTORIC and country not in HISTORIC \
                        and country in alpha2.values():
                    e["country"] = country  # a person's country is a current one
                elif e["country"] != country and not explicit and not own \
                        and country in alpha2.values():
                    print(f"{hw}: note: {name} -> existing {pid} ({e['country']}) "
                          f"for {title} {owner}", file=sys.stderr)
                known = {a.lower() for a in [e["name"]] + e.get("aliases", [])}
                for a in aliases + [ascii_fold(name), name]:
                    if a.lower() not in known:
                        e.setdefault("aliases", []).append(a)
                        known.add(a.lower())
                        by_name.setdefault(ascii_fold(a).lower(), pid)
                done = listed.setdefault(pid, set())
                for t in [title] + extra:
                    if (t, owner) not in done:
                        # The lists replace what people.jsonl had for this office.
                        e["offices"] = [o for o in e.get("offices", [])
                                        if (o["title"], o["country"]) != (t, owner)]
                        done.add((t, owner))
                    e["offices"].append({"title": t, "country": owner,
                                         "start": start, "end": end})

    def render(e):
        # Keys in the order of kb_entry.proto.
        e = {k: e[k] for k in FIELD_ORDER if k in e}
        if not e.get("aliases"):
            e.pop("aliases", None)
        if "offices" in e:
            e["offices"] = [
                {"title": o["title"], "country": o["country"],
                 "start": o["start"], "end": o.get("end", "")}
                for o in sorted(e["offices"], key=lambda o: (o["start"], o["title"]))]
            if not e["offices"]:
                e.pop("offices")
        return json.dumps(e, ensure_ascii=False) + "\n"

    outputs = {base_path: "".join(render(people[e["id"]]) for e in base)}
    for region in ORDER:
        if order[region]:
            p = os.path.join(HERE, f"people-{region}.jsonl")
            outputs[p] = "".join(render(people[i]) for i in order[region])
    stale = []
    for p, text in outputs.items():
        old = open(p, encoding="utf-8").read() if os.path.exists(p) else None
        if old != text:
            stale.append(p)
            if not args.check:
                with open(p, "w", encoding="utf-8") as f:
                    f.write(text)
    if args.check and stale:
        sys.exit("stale (run knowledge/kb/gen_offices.py): " + ", ".join(stale))


if __name__ == "__main__":
    main()
