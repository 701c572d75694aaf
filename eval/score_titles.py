#!/usr/bin/env python3
"""Bare-title resolution on eval/sets/bare_titles.jsonl (held out: written
and annotated by hand before any system output was seen; never tune on it).

    python3 eval/score_titles.py --extract_eval build/eval/extract_eval \
        [--set eval/sets/bare_titles.jsonl] [--misses]

For each annotated title (its n-th occurrence in the body), the predicted
actor is that of the extractor's mention covering the title's first word.
Prints accuracy over titles whose holder is in the knowledge base (and how
many titles got no mention at all); --misses lists the errors.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--extract_eval", required=True)
    p.add_argument("--set", default=os.path.join(HERE, "sets", "bare_titles.jsonl"))
    p.add_argument("--misses", action="store_true")
    args = p.parse_args()
    articles = [json.loads(l) for l in open(args.set, encoding="utf-8") if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        gold = os.path.join(tmp, "gold.jsonl")
        with open(gold, "w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps({"id": a["id"], "text": a["body"],
                                    "published": a["published"], "title": a.get("title")}) + "\n")
        analysis = os.path.join(tmp, "analysis.jsonl")
        subprocess.run([args.extract_eval, "--gold=" + gold, "--out=" + os.path.join(tmp, "p"),
                        "--analysis=" + analysis], check=True, capture_output=True)
        results = [json.loads(l) for l in open(analysis, encoding="utf-8")]
    right = wrong = none = unknown = 0
    misses = []
    for a, r in zip(articles, results):
        r = r.get("analysis", r)
        body = a["body"]
        byte_at = [0]
        for ch in body:
            byte_at.append(byte_at[-1] + len(ch.encode("utf-8")))
        for t in a["titles"]:
            pos = -1
            for _ in range(t["occurrence"]):
                pos = body.find(t["text"], pos + 1)
            if pos < 0:
                continue
            start = byte_at[pos]
            got = None
            for m in r.get("mentions", []):
                if m.get("start", 0) <= start < m.get("end", 0):
                    got = m.get("actorId")
                    break
            if t["actor_id"] is None:
                unknown += 1
                continue
            if got == t["actor_id"]:
                right += 1
            else:
                wrong += 1
                none += got is None
                misses.append(f'{a["id"]} "{t["text"]}" #{t["occurrence"]}: '
                              f'{got} instead of {t["actor_id"]}')
    total = right + wrong
    print(f"bare titles resolved right: {right} of {total} = {right / max(total, 1):.3f} "
          f"({none} with no mention; {unknown} titles whose holder the knowledge base lacks "
          f"not counted)")
    if args.misses:
        for m in misses:
            print("  " + m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
