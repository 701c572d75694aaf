#!/usr/bin/env python3
"""Measures extraction quality on the development data and compares it with
the figures recorded in eval/baseline.json.

    python3 eval/check_quality.py --extract_eval build/eval/extract_eval \
        --shared ../shared --baseline eval/baseline.json [--record]

For each gold file in <shared>/eval it runs extract_eval (the extractor over
every document, predictions with code-point offsets), scores the predictions
with <shared>/eval/score.py and, for the seed's sentence-level annotation,
with eval/score_sentences.py. A figure more than --tolerance (default 0.02,
two points) below its recorded value fails the check; --record writes the
current figures as the new baseline instead.

Exit status: 0 when every figure holds, 1 when one dropped, 77 when the
shared evaluation data is absent (CTest reports the test as skipped).
"""

import argparse
import json
import re
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# figure -> (description, issue target or None)
FIGURES = {
    "seed.sentence_actor_recall": ("seed: sentence-level actor recall", 0.95),
    "seed.sentence_actor_precision": ("seed: sentence-level actor precision", 0.90),
    "seed.topic_f1": ("seed: sentence topic F1", 0.80),
    "seed.modality_accuracy": ("seed: modality accuracy", 0.95),
    "seed.subject_recall": ("seed: subject recall", 0.85),
    "seed.subject_precision": ("seed: subject precision", 0.90),
    "seed.claims_with_subject": ("seed: share of claims with a subject", 0.90),
    "seed.dates_right": ("seed: gold dates with the right value (of 2)", 2),
    "conll.untyped_overlap_f1": ("CoNLL-2003 dev: untyped overlap F1", 0.90),
    "conll.typed_exact_f1": ("CoNLL-2003 dev: typed exact F1", 0.78),
    "tempeval.value_f1": ("TempEval-3 train: DATE/TIME value F1", 0.80),
    "gum.pronoun_precision": ("GUM dev: pronoun link precision (coref_gum)", None),
    "gum.pronoun_f1": ("GUM dev: pronoun link F1 (coref_gum)", None),
    "gum.description_precision": ("GUM dev: description link precision", None),
    "topics_dev.exact_f1": ("topics_dev: sentence topic F1, exact ids", 0.70),
    "topics_dev.top_level_f1": ("topics_dev: sentence topic F1, top level", 0.85),
    "topics_dev2.exact_f1": ("topics_dev2 (blind): topic F1, exact ids", 0.70),
    "topics_dev2.top_level_f1": ("topics_dev2 (blind): topic F1, top level", 0.85),
    "topics_dev3.exact_f1": ("topics_dev3 (blind): topic F1, exact ids", 0.70),
    "topics_dev3.top_level_f1": ("topics_dev3 (blind): topic F1, top level", 0.85),
    "topics_dev4.exact_f1": ("topics_dev4 (blind): topic F1, exact ids", 0.70),
    "topics_dev4.top_level_f1": ("topics_dev4 (blind): topic F1, top level", 0.85),
}


def run(cmd):
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit("failed: " + " ".join(cmd))
    return result.stdout


def score(shared, gold, pred):
    out = run([sys.executable, os.path.join(shared, "eval", "score.py"),
               "--json", "--quiet", gold, pred])
    return json.loads(out)


def measure(args, workdir):
    gold_dir = os.path.join(args.shared, "eval")
    figures = {}

    def predict(name, analysis=False):
        gold = os.path.join(gold_dir, name)
        pred = os.path.join(workdir, name + ".pred")
        cmd = [args.extract_eval, "--gold=" + gold, "--out=" + pred]
        an = None
        if analysis:
            an = os.path.join(workdir, name + ".analysis")
            cmd.append("--analysis=" + an)
        run(cmd)
        return gold, pred, an

    gum = os.path.join(args.shared, "train", "ud-english", "en_gum-ud-dev.conllu")
    if args.coref_gum and os.path.isfile(gum):
        out = run([args.coref_gum, "--conllu=" + gum])
        for line in out.splitlines():
            m = re.match(r"(pronouns|descriptions)\s.*precision ([0-9.]+) .*F1 ([0-9.]+)", line)
            if m:
                kind = "pronoun" if m.group(1) == "pronouns" else "description"
                figures["gum.%s_precision" % kind] = float(m.group(2))
                if kind == "pronoun":
                    figures["gum.pronoun_f1"] = float(m.group(3))

    # The project's own topic development sets (eval/sets; no ../shared).
    for name in ("topics_dev", "topics_dev2", "topics_dev3", "topics_dev4"):
        topics = json.loads(run([sys.executable, os.path.join(HERE, "score_topics.py"),
                                 "--extract_eval", args.extract_eval, "--json",
                                 "--set", os.path.join(HERE, "sets", name + ".jsonl")]))
        figures[name + ".exact_f1"] = topics["topic_f1"]
        figures[name + ".top_level_f1"] = topics["top_level_f1"]

    gold, pred, an = predict("seed-gold.jsonl", analysis=True)
    seed = score(args.shared, gold, pred)
    sentences = json.loads(run([sys.executable,
                                os.path.join(HERE, "score_sentences.py"),
                                gold, an, "--json"]))
    figures["seed.sentence_actor_recall"] = sentences["explicit_actor_recall"]
    figures["seed.sentence_actor_precision"] = sentences["actor_precision"]
    figures["seed.topic_f1"] = sentences["topic_f1"]
    figures["seed.modality_accuracy"] = sentences["modality_accuracy"]
    figures["seed.subject_recall"] = sentences["subject_recall"]
    figures["seed.subject_precision"] = sentences["subject_precision"]
    figures["seed.claims_with_subject"] = 1 - sentences["claims_without_subject"]
    figures["seed.dates_right"] = seed["timexes"]["value"]["tp"]

    gold, pred, _ = predict("conll2003-dev.jsonl")
    conll = score(args.shared, gold, pred)["entities"]
    figures["conll.untyped_overlap_f1"] = conll["untyped"]["overlap"]["f1"]
    figures["conll.typed_exact_f1"] = conll["typed"]["exact"]["f1"]

    gold, pred, _ = predict("tempeval3-train.jsonl")
    tempeval = score(args.shared, gold, pred)["timexes"]
    figures["tempeval.value_f1"] = tempeval["value"]["f1"]
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--extract_eval", required=True)
    parser.add_argument("--shared", required=True)
    parser.add_argument("--coref_gum", default="",
                        help="build/eval/coref_gum: adds the GUM dev coreference figures")
    parser.add_argument("--baseline", default=os.path.join(HERE, "baseline.json"))
    parser.add_argument("--tolerance", type=float, default=0.02)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()

    if not os.path.isfile(os.path.join(args.shared, "eval", "score.py")):
        print("extraction quality: %s/eval is absent; nothing to measure" % args.shared)
        return 77

    with tempfile.TemporaryDirectory(prefix="claims-eval-") as workdir:
        figures = measure(args, workdir)

    if args.record:
        with open(args.baseline, "w") as out:
            json.dump({k: round(v, 4) for k, v in figures.items()}, out, indent=2,
                      sort_keys=True)
            out.write("\n")
        print("recorded %d figures in %s" % (len(figures), args.baseline))
        return 0

    with open(args.baseline) as f:
        baseline = json.load(f)
    passed = failed = 0
    print("%-48s %9s %9s %9s  %s" % ("figure", "now", "recorded", "target", "result"))
    for key, (label, target) in FIGURES.items():
        if key not in figures:
            continue  # not measured (no --coref_gum or no GUM file)
        now = figures[key]
        recorded = baseline.get(key)
        # Counts (dates right) may not drop at all; ratios by the tolerance.
        slack = 0 if isinstance(target, int) and target > 1 else args.tolerance
        ok = recorded is None or now >= recorded - slack
        passed += ok
        failed += not ok
        print("%-48s %9.4g %9s %9s  %s" % (
            label, now, "-" if recorded is None else "%.4g" % recorded,
            "-" if target is None else target, "ok" if ok else "DROPPED"))
    print("quality: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
