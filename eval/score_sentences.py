#!/usr/bin/env python3
"""Sentence-level actor scoring of claims against hand-annotated gold.

    extract_eval --gold=GOLD.jsonl --out=/dev/null --analysis=AN.jsonl
    python3 eval/score_sentences.py GOLD.jsonl AN.jsonl

For each gold sentence (FORMAT.md "sentences"), the predicted actors are the
subjects, objects, participants (except role "location") and sources of the
claims whose span overlaps it. A gold actor is found when one of its name/aliases equals the
predicted actor's name, id or one of its aliases (case-insensitive).
Precision counts predicted actors that match some gold actor of the
sentence. Also reports:
  * topic F1: per sentence, the union of the overlapping claims' topics
    against the gold topics, exact ids (micro-averaged); a lenient count
    of sentences sharing a branch is printed too. The seed was annotated
    with the 26 ids of the former taxonomy (SEED_TOPIC_IDS), which are now
    topics or aliases of the IPTC taxonomy: both sides are mapped through
    the taxonomy's aliases, and a predicted topic finer than that
    vocabulary counts as its nearest ancestor in it (conflict/armed-
    conflict/casualties as conflict/armed-conflict);
  * modality accuracy: the modality of the sentence's first claim against
    the gold modality, over sentences that have a claim;
  * event dates: gold event dates found among the claims' event dates;
  * subjects: recall of the gold actors with role "subject" among the
    overlapping claims' subjects (a reported claim's source counts for a
    gold subject who is the speaker), precision of those predicted subjects
    against the sentence's gold subjects, the share of all claims that
    have no actor subject, and of those with neither an actor subject nor a
    `subject_text`.
With --json the figures are printed as one JSON object; with -v the missed
gold actors, the false positives (predicted actors matching no gold actor of
the sentence), the missed and false-positive subjects and the sentences whose topics or first modality
differ from gold are listed.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TAXONOMY = os.path.join(ROOT, "knowledge", "taxonomy", "topics.jsonl")
# The ids the seed's gold topics were annotated with (the former taxonomy).
SEED_TOPIC_IDS = [
    "conflict", "conflict/armed-conflict", "conflict/ceasefire", "conflict/hostages",
    "conflict/terrorism", "diplomacy", "diplomacy/negotiation", "diplomacy/visit",
    "diplomacy/alliance", "security", "security/nuclear", "politics", "politics/domestic",
    "politics/elections", "economy", "economy/trade", "economy/labour", "law",
    "law/corruption", "society", "society/public-opinion", "humanitarian", "education",
    "sport", "health", "disaster"]


def topic_mapper():
    """(gold id -> canonical id, predicted id -> id at the seed's granularity)."""
    canon = {}
    if os.path.isfile(TAXONOMY):
        for line in open(TAXONOMY, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            d = json.loads(line)
            canon[d["id"]] = d["id"]
            for a in d.get("aliases", []):
                canon[a] = d["id"]
    vocabulary = {canon.get(t, t) for t in SEED_TOPIC_IDS}

    def gold(t):
        return canon.get(t, t)

    def predicted(t):
        t = canon.get(t, t)
        parts = t.split("/")
        for n in range(len(parts), 0, -1):
            if "/".join(parts[:n]) in vocabulary:
                return "/".join(parts[:n])
        return t
    return gold, predicted


def norm(s):
    return " ".join(s.replace("\u2019", "'").lower().split())


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    gold_topic, predicted_topic = topic_mapper()
    gold = [json.loads(l) for l in open(args[0])]
    analyses = [json.loads(l) for l in open(args[1])]
    tp = fn = fp = 0
    tp_explicit = fn_explicit = 0
    topic_hit = topic_total = 0
    mod_ok = mod_total = 0
    mod_any_ok = 0
    topic_tp = topic_fp = topic_fn = 0
    date_ok = date_total = 0
    subj_tp = subj_fn = subj_fp = 0
    claims_total = claims_no_subject = claims_no_subject_text = 0
    misses = []
    false_positives = []
    subject_misses = []
    subject_false_positives = []
    topic_misses = []
    modality_misses = []
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
            claims_total += 1
            claims_no_subject += not c.get("subjects")
            claims_no_subject_text += not c.get("subjects") and not c.get("subjectText")
        for gs in g.get("sentences", []):
            pred_ids = set()
            subject_ids = set()
            topics, mods, dates = set(), set(), set()
            first_modality = None
            for s, e, ids, c in claims:
                if s < gs["end"] and gs["start"] < e:
                    pred_ids |= ids
                    subject_ids.update(r["id"] for r in c.get("subjects", []))
                    if "modalitySource" in c:
                        subject_ids.add(c["modalitySource"]["id"])
                    topics.update(predicted_topic(t) for t in c.get("topics", []))
                    mods.add(c.get("modality", "ASSERTED").lower())
                    if first_modality is None:
                        first_modality = c.get("modality", "ASSERTED").lower()
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
            for pid in sorted(pred_ids - matched):
                false_positives.append((pid, g["text"][gs["start"]:gs["start"] + 60]))
            subject_matched = set()
            gold_subjects = [ga for ga in gs["actors"] if ga.get("role") == "subject"]
            for ga in gold_subjects:
                names = {norm(ga["name"])} | {norm(x) for x in ga.get("aliases", [])}
                hit = [pid for pid in subject_ids if aliases.get(pid, {norm(pid)}) & names]
                if hit:
                    subj_tp += 1
                    subject_matched.update(hit)
                else:
                    subj_fn += 1
                    subject_misses.append((ga["name"], g["text"][gs["start"]:gs["start"] + 70]))
            subj_fp += len(subject_ids - subject_matched)
            for pid in sorted(subject_ids - subject_matched):
                subject_false_positives.append((pid, g["text"][gs["start"]:gs["start"] + 70]))
            gold_set = {gold_topic(t) for t in gs.get("topics", [])}
            topic_tp += len(topics & gold_set)
            topic_fp += len(topics - gold_set)
            topic_fn += len(gold_set - topics)
            if topics != gold_set:
                topic_misses.append((sorted(gold_set), sorted(topics),
                                     g["text"][gs["start"]:gs["start"] + 70]))
            if gs.get("topics"):
                topic_total += 1
                gold_topics = gold_set
                if any(t == gt or t.startswith(gt + "/") or gt.startswith(t + "/")
                       for t in topics for gt in gold_topics):
                    topic_hit += 1
            if mods:
                mod_total += 1
                mod_ok += gs.get("modality", "asserted") == first_modality
                if gs.get("modality", "asserted") != first_modality:
                    modality_misses.append((gs.get("modality", "asserted"), first_modality,
                                            g["text"][gs["start"]:gs["start"] + 90]))
                mod_any_ok += gs.get("modality", "asserted") in mods
            if gs.get("event_date"):
                date_total += 1
                date_ok += gs["event_date"]["value"] in dates
    def ratio(a, b):
        return a / b if b else 0.0

    def f1(p_, r_):
        return 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0

    p = ratio(tp, tp + fp)
    r = ratio(tp, tp + fn)
    tp_ = ratio(topic_tp, topic_tp + topic_fp)
    tr_ = ratio(topic_tp, topic_tp + topic_fn)
    figures = {
        "actor_precision": p,
        "actor_recall": r,
        "actor_f1": f1(p, r),
        "explicit_actor_recall": ratio(tp_explicit, tp_explicit + fn_explicit),
        "topic_precision": tp_,
        "topic_recall": tr_,
        "topic_f1": f1(tp_, tr_),
        "topic_branch_sentences": ratio(topic_hit, topic_total),
        "modality_accuracy": ratio(mod_ok, mod_total),
        "event_dates_found": ratio(date_ok, date_total),
        "subject_recall": ratio(subj_tp, subj_tp + subj_fn),
        "subject_precision": ratio(subj_tp, subj_tp + subj_fp),
        "claims_without_subject": ratio(claims_no_subject, claims_total),
        "claims_without_subject_text": ratio(claims_no_subject_text, claims_total),
    }
    if "--json" in sys.argv:
        print(json.dumps(figures))
        return
    print("sentence actors: P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)" %
          (p, r, f1(p, r), tp, fp, fn))
    print("recall of explicit actors: %.3f" % figures["explicit_actor_recall"])
    print("topics: P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d); "
          "sentences sharing a branch with gold: %d/%d" %
          (tp_, tr_, figures["topic_f1"], topic_tp, topic_fp, topic_fn,
           topic_hit, topic_total))
    print("modality accuracy (first claim): %d/%d = %.3f; among any claim: %d/%d" %
          (mod_ok, mod_total, figures["modality_accuracy"], mod_any_ok, mod_total))
    print("gold event dates found: %d/%d" % (date_ok, date_total))
    print("subjects: R %.3f  P %.3f  (tp %d fp %d fn %d); claims without a subject: "
          "%d/%d = %.3f" % (figures["subject_recall"], figures["subject_precision"],
                            subj_tp, subj_fp, subj_fn, claims_no_subject, claims_total,
                            figures["claims_without_subject"]))
    print("claims without any subject (neither an actor nor subject_text): %d/%d = %.3f" %
          (claims_no_subject_text, claims_total, figures["claims_without_subject_text"]))
    if "-v" in sys.argv:
        for m in misses:
            print("  miss:", m[1], "|", m[2])
        for pid, text in false_positives:
            print("  false positive:", pid, "|", text)
        for name, text in subject_misses:
            print("  subject miss:", name, "|", text)
        for pid, text in subject_false_positives:
            print("  subject false positive:", pid, "|", text)
        for gold, got, text in topic_misses:
            print("  topics:", text, "| gold", gold, "| got", got)
        for gold, got, text in modality_misses:
            print("  modality:", text, "| gold", gold, "| got", got)

if __name__ == "__main__":
    main()
