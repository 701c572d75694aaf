#!/usr/bin/env python3
"""Fits the claim-confidence calibration table on annotated development
sentences and writes knowledge/extract/confidence.tsv.

    python3 eval/calibrate_confidence.py --extract_eval build/eval/extract_eval \
        --shared ../shared [--write]

Development data only: the seed's hand annotation (../shared/eval/
seed-gold.jsonl) and the project's reported-speech development set
(eval/sets/reported_speech_dev.jsonl). The held-out sets in eval/sets are
never used here.

A claim counts as right when
  * seed: every subject it names is an annotated subject of its sentence
    (names through aliases), it names one if the sentence has one, and its
    modality is the sentence's;
  * reported-speech set: its predicate's first word is the annotated
    content's (or claim's, or statement's), its modality is the sentence's
    and, when REPORTED, its source is the annotated one.
The raw scores (extract_eval --raw_confidence=true) are fitted with
isotonic regression (pool adjacent violators), so the table maps a raw
score to the share of right claims at that score. Printed: the reliability
of the raw and of the calibrated scores (bins, mean confidence, accuracy).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import score_reported  # noqa: E402


def norm(s):
    return score_reported.norm(s)


def run(extract_eval, gold_docs, raw):
    with tempfile.TemporaryDirectory() as tmp:
        gold = os.path.join(tmp, "gold.jsonl")
        with open(gold, "w") as f:
            for d in gold_docs:
                f.write(json.dumps(d) + "\n")
        an = os.path.join(tmp, "an.jsonl")
        subprocess.run([extract_eval, "--gold=" + gold, "--out=/dev/null",
                        "--analysis=" + an, "--raw_confidence=" + ("true" if raw else "false")],
                       check=True, capture_output=True)
        return [json.loads(line) for line in open(an)]


def overlapping(an, start, end):
    bmap = score_reported.code_points(an["article"]["article"]["body"])
    return [c for c in an.get("claims", [])
            if bmap.get(c.get("start", 0), 0) < end and start < bmap.get(c.get("end", 0), 0)]


def seed_labels(shared, extract_eval, raw):
    gold = [json.loads(line) for line in open(os.path.join(shared, "eval", "seed-gold.jsonl"))]
    out = []
    for g, an in zip(gold, run(extract_eval, gold, raw)):
        names = score_reported.actor_names(an)
        for s in g.get("sentences", []):
            subjects = [{norm(a["name"])} | {norm(x) for x in a.get("aliases", [])}
                        for a in s["actors"] if a.get("role") == "subject"]
            for c in overlapping(an, s["start"], s["end"]):
                ids = [r["id"] for r in c.get("subjects", [])]
                ok_subjects = all(any(names.get(i, {norm(i)}) & n for n in subjects) for i in ids)
                if subjects and not ids:
                    ok_subjects = False
                ok = ok_subjects and c.get("modality", "ASSERTED").lower() == s.get("modality")
                out.append((c.get("confidence", 0.0), ok))
    return out


def reported_labels(path, extract_eval, raw):
    arts = [json.loads(line) for line in open(path)]
    docs = [{"id": a["id"], "text": a["body"], "published": a.get("published")} for a in arts]
    out = []
    for a, an in zip(arts, run(extract_eval, docs, raw)):
        names = score_reported.actor_names(an)
        for s in a["sentences"]:
            want = (s.get("content") or s.get("claim") or s.get("statement") or {}).get("predicate")
            for c in overlapping(an, s["start"], s["end"]):
                ok = (score_reported.first_word(c.get("predicate")) ==
                      score_reported.first_word(want) and
                      c.get("modality", "ASSERTED").lower() == s.get("modality"))
                if ok and c.get("modality") == "REPORTED":
                    ok = score_reported.source_right(c, s.get("source"), names, True)
                out.append((c.get("confidence", 0.0), ok))
    return out


def isotonic(points):
    """Pool adjacent violators over (raw, right) points: [(raw, value)]."""
    by_raw = {}
    for raw, ok in points:
        r = round(raw, 4)
        n, k = by_raw.get(r, (0, 0))
        by_raw[r] = (n + 1, k + ok)
    blocks = [[r, r, n, k] for r, (n, k) in sorted(by_raw.items())]
    merged = []
    for b in blocks:
        merged.append(b)
        while len(merged) > 1 and merged[-2][3] / merged[-2][2] > merged[-1][3] / merged[-1][2]:
            lo, hi = merged[-2], merged.pop()
            lo[1], lo[2], lo[3] = hi[1], lo[2] + hi[2], lo[3] + hi[3]
    knots = []
    for lo, hi, n, k in merged:
        for r in sorted({lo, hi}):
            knots.append((r, k / n))
    return knots


def reliability(points, title):
    print(title)
    print("  %-12s %6s %10s %9s" % ("confidence", "claims", "mean conf", "right"))
    for lo in (0.0, 0.2, 0.4, 0.6, 0.8):
        hi = lo + 0.2
        sel = [(c, ok) for c, ok in points if lo <= c < hi or (hi >= 1.0 and c == 1.0)]
        if not sel:
            continue
        mean = sum(c for c, _ in sel) / len(sel)
        acc = sum(ok for _, ok in sel) / len(sel)
        print("  %.1f-%.1f      %6d %10.3f %9.3f" % (lo, hi, len(sel), mean, acc))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--extract_eval", required=True)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--dev_reported", default=os.path.join(HERE, "sets", "reported_speech_dev.jsonl"))
    ap.add_argument("--out", default=os.path.join(HERE, "..", "knowledge", "extract", "confidence.tsv"))
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    raw = seed_labels(args.shared, args.extract_eval, True) + \
        reported_labels(args.dev_reported, args.extract_eval, True)
    reliability(raw, "raw scores (%d claims, %d right)" % (len(raw), sum(ok for _, ok in raw)))
    knots = isotonic(raw)
    # Knots must ascend strictly in raw; equal raws keep the last value.
    table = []
    for r, v in knots:
        if table and table[-1][0] == r:
            table[-1] = (r, v)
        else:
            table.append((r, v))
    if args.write:
        with open(args.out, "w") as f:
            f.write("# raw <TAB> calibrated: written by eval/calibrate_confidence.py from the\n"
                    "# seed annotation and eval/sets/reported_speech_dev.jsonl (%d claims)\n"
                    % len(raw))
            for r, v in table:
                f.write("%.4f\t%.4f\n" % (r, v))
        cal = seed_labels(args.shared, args.extract_eval, False) + \
            reported_labels(args.dev_reported, args.extract_eval, False)
        reliability(cal, "calibrated (the table just written)")
    else:
        for r, v in table:
            print("  knot %.4f -> %.4f" % (r, v))


if __name__ == "__main__":
    main()
