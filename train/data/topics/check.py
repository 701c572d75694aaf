#!/usr/bin/env python3
"""Checks topic training files: schema, known topic ids, no ancestor of a
given id beside it, and coverage of the topics of the writer's subtrees.

  python3 train/data/topics/check.py train/data/topics/w1.jsonl [--roots economy,labour]
  python3 train/data/topics/check.py train/data/topics     # every *.jsonl there
  python3 train/data/topics/check.py train/data/topics --against eval/sets/topics*.jsonl

With --against, also an error: a training article with a sentence close to
a sentence of an evaluation file (more than half... see NEAR), that is, an
article on an event an evaluation article covers. Writers who chose events
from memory tend to choose the same famous ones; such articles are left out
of training so that no figure is measured on what was trained on.
"""
import argparse, collections, json, os, re, sys

# Jaccard similarity of two sentences' word sets (sentences of more than
# MIN_WORDS words) above which they tell of the same event.
NEAR = 0.4
MIN_WORDS = 5

HERE = os.path.dirname(os.path.abspath(__file__))
TAXONOMY = os.path.join(HERE, '..', '..', '..', 'knowledge', 'taxonomy', 'topics.jsonl')


def load_ids():
    ids = {}
    for line in open(TAXONOMY, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        e = json.loads(line)
        ids[e['id']] = e
    return ids


def words(text):
    return set(re.findall(r'[a-z0-9]+', text.lower()))


def evaluation_sentences(paths):
    """(evaluation article id, word set) of every long enough sentence."""
    out = []
    for path in paths:
        for line in open(path, encoding='utf-8'):
            if not line.strip():
                continue
            d = json.loads(line)
            for s in d.get('sentences', []):
                text = s.get('text')
                if text is None and 'start' in s:
                    text = d.get('text', d.get('body', ''))[s['start']:s['end']]
                w = words(text or '')
                if len(w) > MIN_WORDS:
                    out.append((d.get('id'), w))
    return out


def near_evaluation(article, evaluation):
    for s in article.get('sentences', []):
        w = words(s.get('text') or '')
        if len(w) <= MIN_WORDS:
            continue
        for eid, e in evaluation:
            if len(w & e) / len(w | e) > NEAR:
                return eid
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('files', nargs='+')
    ap.add_argument('--roots', default='')
    ap.add_argument('--against', nargs='*', default=[],
                    help='evaluation files (JSONL with "sentences" of {"text"}, or "text" '
                         'and "sentences" spans)')
    args = ap.parse_args()
    evaluation = evaluation_sentences(args.against)
    ids = load_ids()
    errors = 0
    count = collections.Counter()
    articles = sentences = neutral = 0
    seen_ids = set()
    paths = []
    for f in args.files:
        if os.path.isdir(f):
            paths += sorted(os.path.join(f, n) for n in os.listdir(f) if n.endswith('.jsonl'))
        else:
            paths.append(f)
    for path in paths:
        for n, line in enumerate(open(path, encoding='utf-8'), 1):
            if not line.strip():
                continue
            where = f'{path}:{n}'
            try:
                a = json.loads(line)
            except json.JSONDecodeError as e:
                print(f'{where}: bad JSON: {e}'); errors += 1; continue
            for key in ('id', 'subject', 'published', 'dateline', 'title', 'topics', 'sentences'):
                if key not in a:
                    print(f'{where}: missing "{key}"'); errors += 1
            if a.get('id') in seen_ids:
                print(f'{where}: duplicate id {a.get("id")}'); errors += 1
            seen_ids.add(a.get('id'))
            articles += 1
            lists = [('article', a.get('topics', []))]
            near = near_evaluation(a, evaluation)
            if near:
                print(f'{where}: {a.get("id")} tells of an event of evaluation article {near}')
                errors += 1
            for i, s in enumerate(a.get('sentences', [])):
                sentences += 1
                if not isinstance(s.get('text'), str) or not s['text'].strip():
                    print(f'{where}: sentence {i} without text'); errors += 1
                if s.get('neutral'):
                    neutral += 1
                lists.append((f'sentence {i}', s.get('topics', [])))
                for t in s.get('topics', []):
                    count[t] += 1
            for what, topics in lists:
                if not topics or len(topics) > 3:
                    print(f'{where}: {what}: needs 1-3 topics, has {len(topics)}'); errors += 1
                for t in topics:
                    if t not in ids:
                        print(f'{where}: {what}: unknown topic id "{t}"'); errors += 1
                    for u in topics:
                        if u != t and t.startswith(u + '/'):
                            print(f'{where}: {what}: "{u}" is an ancestor of "{t}"'); errors += 1
    print(f'{articles} articles, {sentences} sentences ({neutral} neutral), {errors} errors')
    if args.roots:
        roots = args.roots.split(',')
        mine = [i for i in ids if i.split('/')[0] in roots]
        leaves = [i for i in mine if not any(j.startswith(i + '/') for j in mine)]
        few = [(i, count[i]) for i in mine if count[i] < (4 if i in leaves else 2)]
        print(f'{len(mine)} topics under {",".join(roots)}; below target (leaf 4, inner 2):')
        for i, c in few:
            print(f'  {i}: {c}')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
