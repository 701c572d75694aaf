#!/usr/bin/env python3
"""Cross-article identity on eval/sets/identity.jsonl (held out: written and
annotated by hand before any system output was seen; never tune on it).

    python3 eval/score_identity.py --identity_eval build/eval/identity_eval \
        [--set eval/sets/identity.jsonl] [--misses]

All articles go into one fresh store in date order (build/eval/identity_eval);
each annotated mention (its n-th occurrence in the body) gets the actor id
of the system mention covering its first character, or none. Per label
(one real-world entity of a group): the share of its mentions carrying the
label's majority id (a mention with no id counts against it); for a label
with a kb_id, the share carrying that id. A wrong merge is two labels of one
group sharing an id. Targets (issue #9): >= 0.95 of mentions under one id,
no wrong merges.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run(binary, set_path):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "ids.jsonl")
        subprocess.run([binary, "--set=" + set_path, "--out=" + out], check=True,
                       capture_output=True)
        return {r["id"]: r for r in (json.loads(l) for l in open(out, encoding="utf-8"))}


def predicted(article, result, mention, align):
    body = article["body"]
    pos = -1
    for _ in range(mention["occurrence"]):
        pos = body.find(mention["text"], pos + 1)
    start = len(body[:pos].encode("utf-8"))
    end = start + len(mention["text"].encode("utf-8"))
    best, best_overlap = None, 0
    for m in result.get("mentions", []):
        if not m.get("actor_id") or m.get("evidence", "").startswith("coref:"):
            continue
        if align == "first":
            if m["start"] <= start < m["end"]:
                return m["actor_id"]
            continue
        overlap = min(end, m["end"]) - max(start, m["start"])
        if overlap > best_overlap:
            best, best_overlap = m["actor_id"], overlap
    return best


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--identity_eval", required=True)
    p.add_argument("--set", default=os.path.join(HERE, "sets", "identity.jsonl"))
    p.add_argument("--misses", action="store_true")
    p.add_argument("--align", choices=["overlap", "first"], default="overlap")
    args = p.parse_args()
    articles = [json.loads(l) for l in open(args.set, encoding="utf-8") if l.strip()]
    results = run(args.identity_eval, args.set)
    got = collections.defaultdict(list)  # (group, label) -> [(article, text, id)]
    entities = {}
    for a in articles:
        for m in a["mentions"]:
            key = (a["group"], m["entity"])
            got[key].append((a["id"], m["text"], predicted(a, results.get(a["id"], {}), m, args.align)))
            entities[key] = a["entities"][m["entity"]]
    total = under_majority = kb_total = kb_right = 0
    misses = []
    ids_by_group = collections.defaultdict(dict)  # group -> id -> labels
    for key, items in sorted(got.items()):
        ids = [i for _, _, i in items]
        counts = collections.Counter(i for i in ids if i)
        majority = counts.most_common(1)[0][0] if counts else None
        total += len(items)
        under_majority += sum(1 for i in ids if i and i == majority)
        kb = entities[key].get("kb_id")
        if kb:
            kb_total += len(items)
            kb_right += sum(1 for i in ids if i == kb)
        for art, text, i in items:
            if i != majority or (kb and i != kb):
                misses.append(f"{key[0]} {key[1]} ({entities[key]['name']}): {art} "
                              f"\"{text}\" -> {i} (majority {majority}, kb {kb})")
            if i:
                ids_by_group[key[0]].setdefault(i, set()).add(key[1])
    wrong_merges = [(g, i, sorted(labels)) for g, by_id in sorted(ids_by_group.items())
                    for i, labels in by_id.items() if len(labels) > 1]
    print(f"mentions under their label's majority id: {under_majority} of {total} = "
          f"{under_majority / max(total, 1):.3f}")
    print(f"mentions of known actors under their KB id: {kb_right} of {kb_total} = "
          f"{kb_right / max(kb_total, 1):.3f}")
    print(f"labels: {len(got)}; wrong merges: {len(wrong_merges)}")
    for g, i, labels in wrong_merges:
        print(f"  wrong merge {g}: {i} carries {', '.join(labels)}")
    if args.misses:
        for m in misses:
            print("  " + m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
