#!/usr/bin/env python3
"""Consistency of the office data in knowledge/kb (CTest: kb_offices_consistency).

    python3 knowledge/tests/check_offices.py [--kb knowledge/kb]

Checks every *.jsonl of the folder the way the loader reads it, plus what the
loader does not check:
  * actor ids are unique across files, title ids are unique;
  * every person has a lower-case slug id, type PERSON, kind person, a role
    and a valid country;
  * every office names a title of titles.jsonl, has YYYY-MM-DD dates with
    start < end (when end is given) and a valid owner: an ISO 3166-1 alpha-3
    country (countries.jsonl, historic.jsonl), an organisation id, an
    ISO 3166-2 subdivision or a UN/LOCODE city (see knowledge/README.md);
  * no two holders of one (title, owner) overlap in time, except the shared
    offices listed with a reason in knowledge/tests/office_overlaps.tsv;
  * the generated people files are what knowledge/kb/gen_offices.py makes.
Prints one line per problem ("file:line: reason") and exits 1 if any.
"""
import argparse
import datetime
import glob
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ISO_3166_2 = "/usr/share/iso-codes/json/iso_3166-2.json"


def valid_date(s):
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", s):
        return False
    try:
        datetime.date.fromisoformat(s)
    except ValueError:
        return False
    return True


def load_overlaps(path):
    """(title, owner) -> how many holders may serve at once."""
    allowed = {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 4 or not parts[2].isdigit() or not parts[3].strip():
            sys.exit(f"{path}:{n}: expected 'title<TAB>owner<TAB>max holders<TAB>reason'")
        allowed[(parts[0], parts[1])] = int(parts[2])
    return allowed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", default=os.path.join(HERE, "..", "kb"))
    ap.add_argument("--overlaps", default=os.path.join(HERE, "office_overlaps.tsv"))
    args = ap.parse_args()
    problems = []

    entries = []  # (where, entry)
    for path in sorted(glob.glob(os.path.join(args.kb, "*.jsonl"))):
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = f"{os.path.relpath(path)}:{n}"
            try:
                entries.append((where, json.loads(line)))
            except json.JSONDecodeError as err:
                problems.append(f"{where}: not JSON: {err}")

    titles, actors = {}, {}
    for where, e in entries:
        table = titles if e.get("kind") == "title" else actors
        if e.get("id") in table:
            problems.append(f"{where}: duplicate id {e.get('id')!r} "
                            f"(first at {table[e['id']][0]})")
        else:
            table[e.get("id")] = (where, e)

    countries = {i for i, (_, e) in actors.items() if e.get("kind") == "country"
                 and re.fullmatch(r"[A-Z]{3}", i)}
    alpha2 = {e["iso_alpha2"] for _, e in actors.values() if e.get("iso_alpha2")}
    organisations = {i for i, (_, e) in actors.items()
                     if e.get("type") in ("ORGANIZATION", "ORGANISATION")}
    if os.path.exists(ISO_3166_2):
        subdivisions = {s["code"] for s in
                        json.load(open(ISO_3166_2, encoding="utf-8"))["3166-2"]}
    else:  # iso-codes not installed: the shape only
        subdivisions = None

    def valid_owner(o):
        if o in countries or o in organisations:
            return True
        if "-" in o and o.isupper():
            if subdivisions is not None:
                return o in subdivisions
            return re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", o) is not None
        # UN/LOCODE without its space: country alpha-2 + three characters.
        return re.fullmatch(r"[A-Z]{2}[A-Z2-9]{3}", o) is not None and o[:2] in alpha2

    holders = defaultdict(list)  # (title, owner) -> [(start, end, id, where)]
    for aid, (where, e) in actors.items():
        if e.get("type") == "PERSON" or e.get("kind") == "person":
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", aid or ""):
                problems.append(f"{where}: {aid!r}: a person's id is a lower-case slug")
            if e.get("type") != "PERSON" or e.get("kind") != "person":
                problems.append(f"{where}: {aid}: a person needs type PERSON and kind person")
            if not e.get("role"):
                problems.append(f"{where}: {aid}: no role")
            if e.get("country") not in countries:
                problems.append(f"{where}: {aid}: country {e.get('country')!r} "
                                "is not an ISO alpha-3 country of the knowledge base")
        for o in e.get("offices", []):
            start, end = o.get("start", ""), o.get("end", "")
            what = f"{where}: {aid}: {o.get('title')}@{o.get('country')} {start}..{end}"
            if o.get("title") not in titles:
                problems.append(f"{what}: title not in titles.jsonl")
            if not valid_owner(o.get("country", "")):
                problems.append(f"{what}: owner is not a country, organisation, "
                                "ISO 3166-2 code or UN/LOCODE")
            if not valid_date(start) or (end and not valid_date(end)):
                problems.append(f"{what}: dates must be YYYY-MM-DD")
                continue
            if end and not start < end:
                problems.append(f"{what}: start is not before end")
                continue
            holders[(o["title"], o["country"])].append((start, end or "9999-99-99", aid, where))

    allowed = load_overlaps(args.overlaps)
    for key, spans in sorted(holders.items()):
        # Sweep: count holders in office at every start.
        limit = allowed.get(key, 1)
        spans.sort()
        for i, (start, end, aid, where) in enumerate(spans):
            serving = [s for s in spans[:i] if s[1] > start]
            if len(serving) + 1 > limit:
                others = ", ".join(f"{s[2]} {s[0]}..{s[1]}" for s in serving)
                problems.append(f"{where}: {aid} {key[0]}@{key[1]} from {start} "
                                f"overlaps {others}")

    gen = os.path.join(args.kb, "gen_offices.py")
    if os.path.exists(gen) and os.path.abspath(args.kb) == os.path.abspath(
            os.path.join(HERE, "..", "kb")):
        r = subprocess.run([sys.executable, gen, "--check"], capture_output=True, text=True)
        if r.returncode != 0:
            problems.append(r.stderr.strip() or r.stdout.strip())

    for p in problems:
        print(p)
    people = sum(1 for _, e in actors.values() if e.get("type") == "PERSON")
    offices = sum(len(v) for v in holders.values())
    print(f"{len(problems)} problem(s); {people} people, {offices} offices, "
          f"{len(holders)} (title, owner) pairs, {len(titles)} titles")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
