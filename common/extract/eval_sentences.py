#!/usr/bin/env python3
"""Sentence-level actor scoring of claims against hand-annotated gold.

    extract_eval --gold=GOLD.jsonl --out=/dev/null --analysis=AN.jsonl
    python3 common/extract/eval_sentences.py GOLD.jsonl AN.jsonl

For each gold sentence (FORMAT.md "sentences"), the predicted actors are the
subjects, objects, participants (except role "location") and sources of the
claims whose span overlaps it. A gold actor is found when one of its name/aliases equals the
predicted actor's name, id or one of its aliases (case-insensitive).
Precision counts predicted actors that match some gold actor of the
sentence. Also reports topic overlap, modality and event date agreement.
"""
import json
import sys


def norm(s):
    return " ".join(s.replace("\u2019", "'").lower().split())


def main():
    gold = [json.loads(l) for l in open(sys.argv[1])]
    analyses = [json.loads(l) for l in open(sys.argv[2])]
    tp = fn = fp = 0
    tp_explicit = fn_explicit = 0
    topic_hit = topic_total = 0
    mod_ok = mod_total = 0
    date_ok = date_total = 0
    misses = []
    for g, a in zip(gold, analyses):
        body = a["article"]["article"]["body"]
        # byte offsets -> code points
        bmap = {}
        cp = 0
        bpos = 0
        for ch in body:
            bmap[bpos] = cp
            bpos += len(ch.encode("utf-8"))
            cp += 1
        bmap[bpos] = cp
        aliases = {}
        for act in a.get("actors", []):
            names = {norm(act["id"]), norm(act["name"])}
            names.update(norm(x) for x in act.get("aliases", []))
            aliases[act["id"]] = names
        claims = []
        for c in a.get("claims", []):
            s, e = bmap.get(c.get("start", 0), 0), bmap.get(c.get("end", 0), 0)
            ids = set()
            for f in ("subjects", "objects", "participants"):
                # Places where something happens are not its actors.
                ids.update(r["id"] for r in c.get(f, []) if r.get("role") != "location")
            if "modalitySource" in c:
                ids.add(c["modalitySource"]["id"])
            claims.append((s, e, ids, c))
        for gs in g.get("sentences", []):
            pred_ids = set()
            topics, mods, dates = set(), set(), set()
            for s, e, ids, c in claims:
                if s < gs["end"] and gs["start"] < e:
                    pred_ids |= ids
                    topics.update(c.get("topics", []))
                    mods.add(c.get("modality", "ASSERTED").lower())
                    if c.get("eventDate"):
                        dates.add(c["eventDate"])
            matched = set()
            for ga in gs["actors"]:
                names = {norm(ga["name"])} | {norm(x) for x in ga.get("aliases", [])}
                hit = [pid for pid in pred_ids if aliases.get(pid, {norm(pid)}) & names]
                if hit:
                    tp += 1
                    matched.update(hit)
                    if not ga.get("implicit"):
                        tp_explicit += 1
                else:
                    fn += 1
                    if not ga.get("implicit"):
                        fn_explicit += 1
                    misses.append((body.encode("utf-8")[0:0] or "", ga["name"],
                                   g["text"][gs["start"]:gs["start"] + 60]))
            fp += len(pred_ids - matched)
            if gs.get("topics"):
                topic_total += 1
                gold_topics = set(gs["topics"])
                if any(t == gt or t.startswith(gt + "/") or gt.startswith(t + "/")
                       for t in topics for gt in gold_topics):
                    topic_hit += 1
            if mods:
                mod_total += 1
                mod_ok += gs.get("modality", "asserted") in mods
            if gs.get("event_date"):
                date_total += 1
                date_ok += gs["event_date"]["value"] in dates
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    print("sentence actors: P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)" %
          (p, r, 2 * p * r / (p + r) if p + r else 0, tp, fp, fn))
    re_ = tp_explicit / (tp_explicit + fn_explicit) if tp_explicit + fn_explicit else 0
    print("recall of explicit actors: %.3f" % re_)
    print("sentences with a gold topic matched (same branch): %d/%d" % (topic_hit, topic_total))
    print("sentences whose modality is among the claims': %d/%d" % (mod_ok, mod_total))
    print("gold event dates found: %d/%d" % (date_ok, date_total))
    if "-v" in sys.argv:
        for m in misses:
            print("  miss:", m[1], "|", m[2])


if __name__ == "__main__":
    main()
