#!/usr/bin/env python3
"""Sentence-level topic scoring against articles with annotated sentences.

    python3 eval/score_topics.py --extract_eval build/eval/extract_eval \
        [--set eval/sets/topics_dev.jsonl] [--misses] [--json]

The set holds one article per line: {"id", "body", "published", optional
"subject", "title", "topics": [ranked article topics], "sentences": [{"text",
"topics": [...], optional "neutral": bool, "start", "end"}]} with start/end
in code points of body. The project's own extractor (extract_eval) analyses
every body; a sentence's predicted topics are the union of the topics of the
claims whose span overlaps it, together with the topics the extractor gives
the analysed sentences overlapping it (AnalyzeResponse.sentences[].topics,
which also covers a sentence no claim was taken from); --claims_only scores
the claims' topics alone.

Reports, micro-averaged over sentences:
  * topic P/R/F1 on exact ids (old ids are mapped to the topic they are
    aliases of, on both sides, through the taxonomy);
  * the same on top-level topics ("conflict" for "conflict/ceasefire");
  * the share of claims with no topic at all, and of gold sentences that no
    claim covers (their gold topics count as misses);
  * for articles with gold "topics": whether the extractor's first article
    topic is among them (exact and top level).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load_aliases(path):
    canon = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        d = json.loads(line)
        canon[d["id"]] = d["id"]
        for a in d.get("aliases", []):
            canon[a] = d["id"]
    return canon


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--extract_eval", required=True)
    ap.add_argument("--set", default=os.path.join(HERE, "sets", "topics_dev.jsonl"))
    ap.add_argument("--taxonomy", default=os.path.join(ROOT, "knowledge", "taxonomy", "topics.jsonl"))
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--claims_only", action="store_true")
    args = ap.parse_args()
    canon = load_aliases(args.taxonomy)

    def c(t):
        return canon.get(t, t)

    def top(t):
        return c(t).split("/")[0]

    articles = [json.loads(l) for l in open(args.set, encoding="utf-8") if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        gold = os.path.join(tmp, "gold.jsonl")
        with open(gold, "w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps({"id": a["id"], "text": a["body"],
                                    "published": a.get("published")}) + "\n")
        analysis = os.path.join(tmp, "analysis.jsonl")
        subprocess.run([args.extract_eval, "--gold=" + gold, "--out=" + os.path.join(tmp, "p"),
                        "--analysis=" + analysis], check=True, capture_output=True)
        results = [json.loads(l) for l in open(analysis, encoding="utf-8")]

    tp = fp = fn = 0
    ttp = tfp = tfn = 0
    claims_total = claims_no_topic = 0
    sentences = uncovered = 0
    art_total = art_exact = art_top = 0
    misses = []
    for a, r in zip(articles, results):
        body = a["body"]
        byte_at = [0]
        for ch in body:
            byte_at.append(byte_at[-1] + len(ch.encode("utf-8")))
        claims = r.get("claims", [])
        for cl in claims:
            claims_total += 1
            claims_no_topic += not cl.get("topics")
        predicted_article = [c(t) for t in r.get("article", {}).get("topics", [])]
        if a.get("topics"):
            art_total += 1
            gold_art = {c(t) for t in a["topics"]}
            if predicted_article and predicted_article[0] in gold_art:
                art_exact += 1
            if predicted_article and top(predicted_article[0]) in {top(t) for t in gold_art}:
                art_top += 1
        for s in a["sentences"]:
            sentences += 1
            bs, be = byte_at[s["start"]], byte_at[s["end"]]
            pred = set()
            covered = False
            cues = set()
            for cl in claims:
                if cl.get("start", 0) < be and bs < cl.get("end", 0):
                    covered = True
                    cues.update(e["cue"] for e in cl.get("evidence", []) if e.get("field") == "topics")
                    pred.update(c(t) for t in cl.get("topics", []))
            uncovered += not covered
            if not args.claims_only:
                for sent in r.get("sentences", []):
                    if sent.get("start", 0) < be and bs < sent.get("end", 0):
                        pred.update(c(t) for t in sent.get("topics", []))
            g = {c(t) for t in s.get("topics", [])}
            tp += len(pred & g)
            fp += len(pred - g)
            fn += len(g - pred)
            pt, gt = {top(t) for t in pred}, {top(t) for t in g}
            ttp += len(pt & gt)
            tfp += len(pt - gt)
            tfn += len(gt - pt)
            if pred != g:
                misses.append((a["id"], s["text"][:90], sorted(g), sorted(pred), covered, sorted(cues)))
    p, rr, f = prf(tp, fp, fn)
    tp_, tr_, tf_ = prf(ttp, tfp, tfn)
    figures = {
        "sentences": sentences,
        "topic_precision": p, "topic_recall": rr, "topic_f1": f,
        "top_level_precision": tp_, "top_level_recall": tr_, "top_level_f1": tf_,
        "claims": claims_total,
        "claims_without_topic": claims_no_topic / claims_total if claims_total else 0.0,
        "sentences_without_claim": uncovered / sentences if sentences else 0.0,
    }
    if art_total:
        figures["article_first_topic_exact"] = art_exact / art_total
        figures["article_first_topic_top_level"] = art_top / art_total
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{len(articles)} articles, {sentences} sentences "
              f"({uncovered} covered by no claim)")
        print(f"topic F1 exact ids: P {p:.3f} R {rr:.3f} F1 {f:.3f} (tp {tp} fp {fp} fn {fn})")
        print(f"topic F1 top level: P {tp_:.3f} R {tr_:.3f} F1 {tf_:.3f} "
              f"(tp {ttp} fp {tfp} fn {tfn})")
        print(f"claims with no topic: {claims_no_topic} of {claims_total} = "
              f"{figures['claims_without_topic']:.3f}")
        if art_total:
            print(f"article first topic among gold: exact {art_exact}/{art_total}, "
                  f"top level {art_top}/{art_total}")
    if args.misses:
        for aid, text, g, pr, covered, cues in misses:
            print(f"  {aid}: {text!r}\n      gold {g}\n      got  {pr}"
                  + ("" if covered else "  (no claim)") + "\n      cues " + "; ".join(cues))
    return 0


if __name__ == "__main__":
    sys.exit(main())
