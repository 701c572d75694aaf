#!/usr/bin/env python3
"""Scores reported speech against an annotated set (eval/sets/README.md,
`reported_speech.jsonl` format), running the project's own extractor.

    python3 eval/score_reported.py --extract_eval build/eval/extract_eval \
        --set eval/sets/reported_speech.jsonl [--misses]

For every sentence whose gold modality is "reported" and that has a content
claim, the sentence counts as right when one claim overlapping it has
modality REPORTED, a predicate whose first word is the gold content
predicate's first word, and the right source:
  * strict: `modality_source` is the gold source's actor (knowledge-base id,
    or a name/alias of the actor equal to the gold name or source text);
  * lenient: strict, or the claim's modality_source evidence names the gold
    source text (a source the extractor could not link to an actor).
Also printed: the content negation (content_modality NEGATED exactly when
the gold content is negated) among the right ones, sentence modality
accuracy (the modality of the best-matching claim against gold "modality"),
STATEMENT claims of "say"-like predicates where the saying is not the news,
quotes with their speaker, and the share of all claims without an actor
subject, and without any subject (neither an actor nor `subject_text`).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def norm(s):
    return " ".join((s or "").replace("\u2019", "'").lower().split())


def analyse(extract_eval, articles):
    with tempfile.TemporaryDirectory() as tmp:
        gold = os.path.join(tmp, "gold.jsonl")
        with open(gold, "w") as f:
            for a in articles:
                f.write(json.dumps({"id": a["id"], "text": a["body"],
                                    "published": a.get("published")}) + "\n")
        an = os.path.join(tmp, "an.jsonl")
        subprocess.run([extract_eval, "--gold=" + gold, "--out=/dev/null",
                        "--analysis=" + an], check=True, capture_output=True)
        return [json.loads(line) for line in open(an)]


def code_points(body):
    bmap, cp, bp = {}, 0, 0
    for ch in body:
        bmap[bp] = cp
        bp += len(ch.encode("utf-8"))
        cp += 1
    bmap[bp] = cp
    return bmap


def actor_names(analysis):
    names = {}
    for act in analysis.get("actors", []):
        names[act["id"]] = ({norm(act["id"]), norm(act["name"])} |
                            {norm(x) for x in act.get("aliases", [])})
    return names


def source_right(claim, gold_source, names, lenient):
    if gold_source is None:
        return True
    src = claim.get("modalitySource")
    wanted = {norm(gold_source.get("name")), norm(gold_source.get("text"))}
    if src:
        if gold_source.get("kb_id") and src["id"] == gold_source["kb_id"]:
            return True
        if names.get(src["id"], {norm(src["id"])}) & wanted:
            return True
    if lenient:
        for e in claim.get("evidence", []):
            if e.get("field") == "modality_source":
                text = e.get("cue", "").rsplit(":", 1)[0]
                if norm(text) in wanted or norm(gold_source.get("text")) in norm(text):
                    return True
    return False


def first_word(s):
    return norm(s).split(" ")[0] if s else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--extract_eval", required=True)
    ap.add_argument("--set", required=True)
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    articles = [json.loads(line) for line in open(args.set)]
    analyses = analyse(args.extract_eval, articles)
    total = strict = lenient = negation_ok = 0
    mod_total = mod_ok = 0
    needless_statements = quotes = quotes_ok = 0
    misses = []
    for art, an in zip(articles, analyses):
        bmap = code_points(an["article"]["article"]["body"])
        names = actor_names(an)
        for s in art["sentences"]:
            claims = [c for c in an.get("claims", [])
                      if bmap.get(c.get("start", 0), 0) < s["end"] and
                      s["start"] < bmap.get(c.get("end", 0), 0)]
            content = s.get("content")
            gold_mod = s.get("modality", "asserted")
            if content and gold_mod == "reported":
                total += 1
                match = [c for c in claims if c.get("modality") == "REPORTED" and
                         first_word(c.get("predicate")) == first_word(content["predicate"])]
                ok_strict = [c for c in match if source_right(c, s.get("source"), names, False)]
                ok_lenient = [c for c in match if source_right(c, s.get("source"), names, True)]
                strict += bool(ok_strict)
                lenient += bool(ok_lenient)
                if ok_lenient:
                    negated = ok_lenient[0].get("contentModality") == "NEGATED"
                    negation_ok += negated == bool(s.get("content_negated"))
                else:
                    misses.append((s["text"], content["predicate"],
                                   (s.get("source") or {}).get("text"),
                                   [(c.get("predicate"), c.get("modality", "ASSERTED"),
                                     (c.get("modalitySource") or {}).get("id"))
                                    for c in claims]))
                if s.get("quote"):
                    quotes += 1
                    quotes_ok += any(c.get("quote", {}).get("text") and
                                     c["quote"].get("speaker") for c in ok_lenient)
            if claims:
                mod_total += 1
                want = (content or s.get("claim") or s.get("statement") or {}).get("predicate")
                best = [c for c in claims if first_word(c.get("predicate")) == first_word(want)]
                got = (best or claims)[0].get("modality", "ASSERTED").lower()
                mod_ok += got == gold_mod
            if not s.get("statement_is_news"):
                # A saying that is itself the reported content ("According
                # to the paper, officials told X that S") is no needless one.
                content_predicate = first_word((content or {}).get("predicate"))
                needless_statements += sum(
                    1 for c in claims
                    if c.get("type") == "STATEMENT" and c.get("predicate") in
                    ("say", "tell", "add", "state", "claim") and
                    not (c.get("modality") == "REPORTED" and
                         first_word(c.get("predicate")) == content_predicate))
    all_claims = [c for an in analyses for c in an.get("claims", [])]
    no_subject = sum(1 for c in all_claims if not c.get("subjects"))
    no_subject_at_all = sum(1 for c in all_claims
                            if not c.get("subjects") and not c.get("subjectText"))
    ratio = lambda a, b: a / b if b else 0.0
    figures = {
        "claims_without_subject": ratio(no_subject, len(all_claims)),
        "claims_without_subject_text": ratio(no_subject_at_all, len(all_claims)),
        "reported_sentences": total,
        "reported_right_strict": ratio(strict, total),
        "reported_right_lenient": ratio(lenient, total),
        "content_negation_right": ratio(negation_ok, lenient),
        "modality_accuracy": ratio(mod_ok, mod_total),
        "needless_statements": needless_statements,
        "quotes_with_speaker": ratio(quotes_ok, quotes),
    }
    if args.json:
        print(json.dumps(figures))
        return
    print("reported content claims, right source: strict %d/%d = %.3f, lenient %d/%d = %.3f"
          % (strict, total, figures["reported_right_strict"], lenient, total,
             figures["reported_right_lenient"]))
    print("content negation right among those: %.3f" % figures["content_negation_right"])
    print("sentence modality accuracy: %d/%d = %.3f" % (mod_ok, mod_total,
                                                        figures["modality_accuracy"]))
    print("STATEMENT claims of a saying that is not the news: %d" % needless_statements)
    print("quotes with text and speaker: %d/%d" % (quotes_ok, quotes))
    print("claims without an actor subject: %d/%d = %.3f; without any subject (actor or "
          "subject_text): %d/%d = %.3f" % (no_subject, len(all_claims),
                                           figures["claims_without_subject"], no_subject_at_all,
                                           len(all_claims), figures["claims_without_subject_text"]))
    if args.misses:
        for text, pred, src, got in misses:
            print("  miss: %s | want %s by %s | got %s" % (text[:90], pred, src, got))


if __name__ == "__main__":
    main()
