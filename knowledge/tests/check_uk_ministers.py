#!/usr/bin/env python3
"""UK office holders in knowledge/kb against the Institute for Government
ministers database (CTest: kb_offices_uk_ifg).

    python3 knowledge/tests/check_uk_ministers.py [--shared DIR] [--tolerance DAYS]

The reference is read at test time from DIR/train/reference/uk-ministers-ifg
(DIR = --shared, else $CLAIMS_SHARED_DIR, else ../shared beside the
repository) and never copied into the repository. For the Prime Minister,
the Chancellor of the Exchequer and the Foreign, Home and Defence
Secretaries since 1990-01-01, every tenure in the knowledge base must match
a reference tenure of the same person (by name) whose start and end are
within --tolerance days, and every reference tenure must be in the
knowledge base. Exits 77 (CTest: skipped) when the reference is absent.

Disagreements the knowledge base keeps on purpose (e.g. a change after what
its authors know of, which is not copied from the reference) are listed with
a reason in uk_ifg_known_differences.tsv; they are reported, not failed.
"""
import argparse
import csv
import datetime
import glob
import json
import os
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SINCE = "1990-01-01"
SKIP = 77

# Knowledge-base title id -> IfG post names.
POSTS = {
    "prime-minister": {"Prime Minister"},
    "finance-minister": {"Chancellor of the Exchequer"},
    "foreign-minister": {
        "Secretary of State for Foreign and Commonwealth Affairs",
        "Secretary of State for Foreign, Commonwealth and Development Affairs",
    },
    "interior-minister": {"Secretary of State for the Home Department"},
    "defence-minister": {"Secretary of State for Defence"},
}
# Honorifics the reference puts in names ("Sir Keir Starmer").
PREFIXES = ("sir ", "dame ", "dr ", "rt hon ")


def fold(name):
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().strip()
    for p in PREFIXES:
        if s.startswith(p):
            s = s[len(p):]
    return " ".join(s.replace(".", " ").split())


def day(s):
    return datetime.date.fromisoformat(s) if s else None


def load_reference(ref_dir):
    names = defaultdict(set)
    for row in csv.DictReader(open(os.path.join(ref_dir, "person.csv"), encoding="utf-8")):
        for key in ("name", "display_name", "normalized_name"):
            if row.get(key):
                names[row["id"]].add(fold(row[key]))
    posts = {}
    for row in csv.DictReader(open(os.path.join(ref_dir, "post.csv"), encoding="utf-8")):
        for title, wanted in POSTS.items():
            if row["name"] in wanted:
                posts[row["id"]] = title
    tenures = defaultdict(list)  # title -> [[person, start, end]]
    for row in csv.DictReader(open(os.path.join(ref_dir, "appointment.csv"), encoding="utf-8")):
        title = posts.get(row["post_id"])
        if title is None:
            continue
        end = row["end_date"] or ""
        if end and end < SINCE:
            continue
        tenures[title].append([row["person_id"], row["start_date"], end])
    # One tenure across a renamed post or back-to-back appointments.
    for title, rows in tenures.items():
        rows.sort(key=lambda r: r[1])
        merged = []
        for r in rows:
            if merged and merged[-1][0] == r[0] and merged[-1][2] and \
                    abs((day(r[1]) - day(merged[-1][2])).days) <= 1:
                merged[-1][2] = r[2]
            else:
                merged.append(r)
        tenures[title] = merged
    return names, tenures


def load_kb(kb_dir):
    tenures = defaultdict(list)  # title -> [(id, names, start, end)]
    for path in sorted(glob.glob(os.path.join(kb_dir, "*.jsonl"))):
        for line in open(path, encoding="utf-8"):
            if not line.strip() or line.lstrip().startswith("#"):
                continue  # the loader's comment lines
            e = json.loads(line)
            known = {fold(n) for n in [e.get("name", "")] + e.get("aliases", [])}
            for o in e.get("offices", []):
                if o["country"] == "GBR" and o["title"] in POSTS and \
                        (not o.get("end") or o["end"] > SINCE):
                    tenures[o["title"]].append((e["id"], known, o["start"], o.get("end", "")))
    return tenures


def e_name(pid, known):
    """The person's name as the known-differences file writes it."""
    return pid.replace("-", " ") if fold(pid.replace("-", " ")) in known else sorted(known)[0]


def close(a, b, tolerance):
    if not a or not b:
        return not a and not b
    return abs((day(a) - day(b)).days) <= tolerance


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("CLAIMS_SHARED_DIR",
                                                       os.path.join(HERE, "..", "..", "..", "shared")))
    ap.add_argument("--kb", default=os.path.join(HERE, "..", "kb"))
    ap.add_argument("--tolerance", type=int, default=7)
    ap.add_argument("--known", default=os.path.join(HERE, "uk_ifg_known_differences.tsv"))
    args = ap.parse_args()
    known_differences = []  # (title, folded name)
    if os.path.exists(args.known):
        for n, line in enumerate(open(args.known, encoding="utf-8"), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or not parts[2].strip():
                sys.exit(f"{args.known}:{n}: expected 'title<TAB>name<TAB>reason'")
            known_differences.append((parts[0], fold(parts[1])))
    ref_dir = os.path.join(args.shared, "train", "reference", "uk-ministers-ifg")
    if not os.path.exists(os.path.join(ref_dir, "appointment.csv")):
        print(f"SKIP: the IfG ministers database is not at {ref_dir}")
        return SKIP

    names, ref = load_reference(ref_dir)
    kb = load_kb(args.kb)
    problems = []
    for title in POSTS:
        ours = kb.get(title, [])
        theirs = ref.get(title, [])
        used = set()
        for pid, known, start, end in ours:
            match = None
            for i, (person, rstart, rend) in enumerate(theirs):
                if known & names[person]:
                    if (start < SINCE or close(start, rstart, args.tolerance)) and \
                            close(end, rend, args.tolerance):
                        match = i
                        break
            if match is None and (title, fold(e_name(pid, known))) in known_differences:
                print(f"known difference: {title} GBR: {pid} {start}..{end}")
                continue
            if match is None:
                same = [f"{s}..{e}" for p, s, e in theirs if known & names[p]]
                problems.append(f"{title} GBR: {pid} {start}..{end} not in the reference"
                                + (f" (reference has {', '.join(same)})" if same
                                   else " (no tenure of this person)"))
            else:
                used.add(match)
        for i, (person, rstart, rend) in enumerate(theirs):
            if i not in used:
                who = sorted(names[person])[0] if names[person] else person
                if any(t == title and n in names[person] for t, n in known_differences):
                    print(f"known difference: {title} GBR: reference {who} {rstart}..{rend}")
                    continue
                problems.append(f"{title} GBR: reference tenure {who} {rstart}..{rend} "
                                "missing from the knowledge base")
    for p in problems:
        print(p)
    total = sum(len(v) for v in kb.values())
    print(f"{len(problems)} disagreement(s) over {total} UK tenures "
          f"(tolerance {args.tolerance} days)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
