#!/usr/bin/env python3
"""Writes the topic stage's lexical cues (topic_cues_wordnet.jsonl) from
WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet) and the hand-written
anchors of wordnet_anchors.tsv.

A noun or verb whose usual sense lies below an anchor synset (through
hypernyms, instance-of, or WordNet's topic domain) cues the anchor's topic
with weight 0.5: a weak cue, which needs a second cue or the article's main
topics (common/extract/topics.h). "goalkeeper" reaches soccer_player.n.01,
"chemotherapy" medical_care.n.01, "referendum" vote.n.02: words no
hand-written cue lists still say what a sentence is about.

  gen_wordnet_cues.py [--wordnet /usr/share/wordnet] > topic_cues_wordnet.jsonl
  gen_wordnet_cues.py --show goalkeeper      # its senses, glosses, paths
  gen_wordnet_cues.py --check FILE           # FILE is what this writes
                                             # (exit 77 without WordNet)

Which sense is usual: WordNet's sense-tagged counts (the numbers in
index.*). A word gets a topic only when the senses reaching that topic hold
at least kShare of its counts (each sense counting half a tag more, so an
untagged word with one sense qualifies and an untagged word with several
needs them to agree). The nearest anchor wins; a tie between topics drops
the word. Words the hand-written cues or the taxonomy's keywords already
cover, proper nouns and multi-word entries with capitals are skipped: the
hand cues carry their own licences, names are the knowledge base's.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARE = 0.6
MAX_DEPTH = 12
POS = {"n": ("noun", "NOUN"), "v": ("verb", "VERB")}


def read_data(wordnet, pos):
    """offset -> (words, pointers [(symbol, offset, pos)], gloss)."""
    synsets = {}
    with open(os.path.join(wordnet, "data." + POS[pos][0]), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head, _, gloss = line.partition(" | ")
            p = head.split()
            n = int(p[3], 16)
            words = [p[4 + 2 * i] for i in range(n)]
            i = 4 + 2 * n
            count = int(p[i])
            i += 1
            ptrs = []
            for _ in range(count):
                ptrs.append((p[i], p[i + 1], p[i + 2]))
                i += 4
            synsets[p[0]] = (words, ptrs, gloss.strip())
    return synsets


def read_index(wordnet, pos):
    """lemma -> [offset of sense 1, sense 2, ...]."""
    index = {}
    with open(os.path.join(wordnet, "index." + POS[pos][0]), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            p = line.split()
            senses = int(p[2])
            pointers = int(p[3])
            index[p[0]] = p[4 + pointers + 2:4 + pointers + 2 + senses]
    return index


def read_counts(wordnet):
    """(lemma, pos, sense number) -> sense-tagged count, from cntlist.rev."""
    counts = {}
    path = os.path.join(wordnet, "cntlist.rev")
    with open(path, encoding="latin-1") as f:
        for line in f:
            key, sense, count = line.split()
            lemma, _, rest = key.partition("%")
            pos = {"1": "n", "2": "v"}.get(rest[:1])
            if pos:
                counts[(lemma, pos, int(sense))] = int(count)
    return counts


class WordNet:
    def __init__(self, path):
        self.data = {pos: read_data(path, pos) for pos in POS}
        self.index = {pos: read_index(path, pos) for pos in POS}
        self.counts = read_counts(path)

    def synset(self, name):
        """'soccer_player.n.01' -> (pos, offset)."""
        lemma, pos, sense = name.rsplit(".", 2)
        offsets = self.index[pos].get(lemma.lower())
        if not offsets or int(sense) > len(offsets):
            raise KeyError(name)
        return pos, offsets[int(sense) - 1]

    def ancestors(self, pos, offset):
        """(pos, offset) -> depth for the synset, its hypernyms (and
        instance-of) and the synset's own topic domains. A hypernym's
        domain is not followed: "organism" is biology's, a shrub is not
        news about science."""
        seen = {(pos, offset): 0}
        frontier = [(pos, offset)]
        for depth in range(1, MAX_DEPTH + 1):
            nxt = []
            for p, o in frontier:
                for symbol, target, tpos in self.data[p][o][1]:
                    if symbol not in ("@", "@i") and not (symbol == ";c" and depth == 1):
                        continue
                    key = (tpos if tpos in POS else p, target)
                    if key[0] not in POS or key in seen:
                        continue
                    seen[key] = depth
                    nxt.append(key)
            frontier = nxt
        return seen


def read_anchors(wn):
    anchors = {}
    with open(os.path.join(HERE, "wordnet_anchors.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            topic, name = line.split("\t")[:2]
            try:
                anchors[wn.synset(name)] = topic
            except KeyError:
                sys.exit(f"wordnet_anchors.tsv:{n}: no synset {name}")
    return anchors


def covered_words():
    """Words the hand-written cues and the taxonomy's keywords already cue."""
    words = set()
    for name, fields in (("topic_cues.jsonl", ("words",)), ("topics.jsonl", ("keywords",))):
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                entry = json.loads(line)
                for field in fields:
                    words.update(w.lower() for w in entry.get(field, []))
    return words


def topic_of_sense(wn, anchors, pos, offset):
    """The nearest anchor's topic and the path to it, or (None, None)."""
    best = {}
    for key, depth in wn.ancestors(pos, offset).items():
        if key in anchors:
            topic = anchors[key]
            if topic not in best or depth < best[topic][0]:
                best[topic] = (depth, key)
    if not best:
        return None, None
    nearest = min(d for d, _ in best.values())
    topics = [t for t, (d, _) in best.items() if d == nearest]
    if len(topics) > 1:
        return None, None
    key = best[topics[0]][1]
    return topics[0], wn.data[key[0]][key[1]][0][0]


def cue_for(wn, anchors, lemma, pos):
    offsets = wn.index[pos][lemma]
    mass = {}
    via = {}
    total = 0.0
    for sense, offset in enumerate(offsets, 1):
        weight = wn.counts.get((lemma, pos, sense), 0) + 0.5
        total += weight
        topic, anchor = topic_of_sense(wn, anchors, pos, offset)
        if topic:
            mass[topic] = mass.get(topic, 0) + weight
            via.setdefault(topic, anchor)
    if not mass:
        return None
    topic = max(mass, key=mass.get)
    if mass[topic] / total < SHARE:
        return None
    return topic, via[topic], mass[topic] / total


def show(wn, anchors, word):
    for pos in POS:
        for sense, offset in enumerate(wn.index[pos].get(word, []), 1):
            words, _, gloss = wn.data[pos][offset]
            count = wn.counts.get((word, pos, sense), 0)
            topic, anchor = topic_of_sense(wn, anchors, pos, offset)
            print(f"{word}.{pos}.{sense:02d} ({count}) {words[:4]} -> {topic} via {anchor}\n"
                  f"    {gloss[:150]}")


def generate(wn, anchors):
    """The file's lines."""
    covered = covered_words()
    yield "# Lexical topic cues generated by gen_wordnet_cues.py from WordNet 3.0"
    yield "# (Princeton University, WordNet 3.0 licence; Debian package wordnet-base)"
    yield "# and the anchors of wordnet_anchors.tsv. Do not edit: change the anchors"
    yield "# and run `python3 knowledge/taxonomy/gen_wordnet_cues.py >"
    yield "# knowledge/taxonomy/topic_cues_wordnet.jsonl`. Weight 0.5: a weak cue."
    for pos in POS:
        for lemma in sorted(wn.index[pos]):
            if not lemma.isascii() or not lemma.replace("_", "").replace("-", "").isalpha():
                continue
            word = lemma.replace("_", " ")
            if word in covered or len(word) < 3:
                continue
            # Proper nouns: a sense whose entry is capitalised.
            first = wn.data[pos][wn.index[pos][lemma][0]][0]
            if any(w.lower() == lemma and w != w.lower() for w in first):
                continue
            found = cue_for(wn, anchors, lemma, pos)
            if not found:
                continue
            topic, anchor, share = found
            cue = {"topic": topic, "words": [word], "upos": [POS[pos][1]], "weight": 0.5,
                   "note": f"wordnet {pos}: {anchor} ({share:.2f})"}
            yield json.dumps(cue, ensure_ascii=False)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--wordnet", default="/usr/share/wordnet")
    p.add_argument("--show", nargs="*")
    p.add_argument("--check")
    args = p.parse_args()
    if args.check and not os.path.exists(os.path.join(args.wordnet, "data.noun")):
        print(f"skipped: no WordNet in {args.wordnet} (Debian package wordnet-base)")
        return 77
    wn = WordNet(args.wordnet)
    anchors = read_anchors(wn)
    if args.show:
        for word in args.show:
            show(wn, anchors, word)
        return 0
    lines = list(generate(wn, anchors))
    if args.check:
        with open(args.check, encoding="utf-8") as f:
            shipped = f.read().splitlines()
        if shipped != lines:
            diff = [l for l in set(lines) ^ set(shipped)][:5]
            print(f"{args.check} is not what gen_wordnet_cues.py writes now "
                  f"({len(shipped)} lines against {len(lines)}; e.g. {diff}); regenerate it")
            return 1
        print(f"{args.check}: {len(lines)} lines, as generated")
        return 0
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
