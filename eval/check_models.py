#!/usr/bin/env python3
"""Checks that the shipped models score on the development data exactly as
recorded in knowledge/models/scores.json (so the weights in the repository
are the ones the training commands produced), or records today's figures.

  check_models.py --train_syntax B --train_entities B --shared ../shared \
      --models knowledge/models [--record]

Exit 77 (CTest: skipped) when ../shared is absent.
"""
import argparse
import json
import os
import re
import subprocess
import sys

SYNTAX = re.compile(r"^(\w+) dev: UPOS ([\d.]+) XPOS ([\d.]+) lemma ([\d.]+) "
                    r"UAS ([\d.]+) LAS ([\d.]+) uLAS ([\d.]+)")
ENTITIES = re.compile(r"^dev: F1 ([\d.]+) \(PER/ORG/LOC ([\d.]+); PER ([\d.]+) "
                      r"ORG ([\d.]+) LOC ([\d.]+) MISC ([\d.]+)")


def run(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    sys.stdout.write(out)
    return out


def measure(args):
    figures = {}
    # The tag dictionary of the knowledge directory's lexicon, as the
    # extractor runs the models: its figures are printed last and kept.
    out = run([args.train_syntax, "--evaluate_only",
               "--ud_dir=" + os.path.join(args.shared, "train/ud-english"),
               "--out_dir=" + args.models,
               "--lexicon_dir=" + os.path.join(os.path.dirname(os.path.abspath(args.models)),
                                               "extract")])
    for line in out.splitlines():
        m = SYNTAX.match(line)
        if m:
            figures[m.group(1) + "_dev"] = dict(zip(
                ["upos", "xpos", "lemma", "uas", "las", "ulas"], map(float, m.groups()[1:])))
    out = run([args.train_entities, "--evaluate_only",
               "--conll_dir=" + os.path.join(args.shared, "train/conll2003"),
               "--models_dir=" + args.models, "--kb_dir=" + args.kb,
               "--out=" + os.path.join(args.models, "entities.clm")])
    for line in out.splitlines():
        m = ENTITIES.match(line)
        if m:
            figures["conll2003_dev"] = dict(zip(
                ["f1", "actor_f1", "per", "org", "loc", "misc"], map(float, m.groups())))
    return figures


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--train_syntax", required=True)
    p.add_argument("--train_entities", required=True)
    p.add_argument("--shared", required=True)
    p.add_argument("--models", required=True)
    p.add_argument("--kb", required=True)
    p.add_argument("--record", action="store_true")
    args = p.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "train")):
        print(f"skipped: {args.shared}/train is absent (the models' data is not here)")
        return 77
    figures = measure(args)
    path = os.path.join(args.models, "scores.json")
    if args.record:
        with open(path, "w") as f:
            json.dump(figures, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"recorded {path}")
        return 0
    with open(path) as f:
        recorded = json.load(f)
    bad = []
    for name, values in recorded.items():
        for key, want in values.items():
            got = figures.get(name, {}).get(key)
            if got is None or abs(got - want) > 0.0005:
                bad.append(f"{name}.{key}: recorded {want}, measured {got}")
    for b in bad:
        print("MISMATCH", b)
    if bad:
        print("the shipped models do not score as recorded: retrain them with "
              "scripts/train-syntax.sh and scripts/train-entities.sh, then "
              "record with eval/check_models.py --record")
        return 1
    print("models score as recorded")
    return 0


if __name__ == "__main__":
    sys.exit(main())
