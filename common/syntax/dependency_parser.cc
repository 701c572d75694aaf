#include "common/syntax/dependency_parser.h"

#include <algorithm>
#include <random>

#include "absl/strings/str_cat.h"
#include "common/learn/features.h"
#include "common/learn/perceptron.h"
#include "common/syntax/word_classes.h"
#include "common/syntax/word_features.h"

namespace claims::syntax {
namespace {

using learn::FeatureVector;
using learn::HashString;

enum Move : int { kShift = 0, kLeft = 1, kRight = 2, kNumMoves = 3 };
constexpr const char* kMoveNames[] = {"SHIFT", "LEFT", "RIGHT"};

constexpr uint64_t kNone = 0x5eed;   // no word at that position
constexpr uint64_t kRootW = 0x7007;  // the artificial root

// A parser configuration: stack, buffer front and the arcs made so far.
// Index n is the root, at the bottom of the stack.
struct State {
  explicit State(int n)
      : n(n), head(n + 1, -1), rel(n + 1, -1), left1(n + 1, -1),
        left2(n + 1, -1), right1(n + 1, -1), right2(n + 1, -1),
        nleft(n + 1, 0), nright(n + 1, 0), first_child(n + 1, -1),
        next_sibling(n + 1, -1), left_labels(n + 1, 0), right_labels(n + 1, 0) {
    stack.reserve(n + 1);
    stack.push_back(n);
  }
  int n;
  std::vector<int> stack;
  int b = 0;
  std::vector<int> head, rel, left1, left2, right1, right2, nleft, nright;
  // Every word's dependents so far, as linked lists.
  std::vector<int> first_child, next_sibling;
  // The set of relations of each word's left and right dependents, one bit
  // per relation (fewer than 64).
  std::vector<uint64_t> left_labels, right_labels;

  int S(int k) const {
    return k < static_cast<int>(stack.size()) ? stack[stack.size() - 1 - k] : -1;
  }
  int B(int k) const { return b + k < n ? b + k : -1; }
  bool Terminal() const { return b >= n && stack.size() == 1; }
  bool Valid(int move) const {
    switch (move) {
      case kShift: return b < n;
      case kLeft: return b < n && stack.size() > 1;
      case kRight:
        return stack.size() > 2 || (stack.size() == 2 && b >= n);
    }
    return false;
  }
  void AddArc(int h, int d) {
    head[d] = h;
    next_sibling[d] = first_child[h];
    first_child[h] = d;
    if (d < h) {
      left2[h] = left1[h];
      left1[h] = d;
      ++nleft[h];
    } else {
      right2[h] = right1[h];
      right1[h] = d;
      ++nright[h];
    }
  }
  void SetRel(int d, int r) {
    rel[d] = r;
    (d < head[d] ? left_labels : right_labels)[head[d]] |= uint64_t{1} << r;
  }
  // Applies `move`; returns the arc made as (head, dependent), or (-1, -1).
  std::pair<int, int> Apply(int move) {
    if (move == kShift) {
      stack.push_back(b++);
      return {-1, -1};
    }
    const int d = stack.back();
    stack.pop_back();
    const int h = move == kLeft ? b : stack.back();
    AddArc(h, d);
    return {h, d};
  }
};

struct Words {
  // Per word: lower-case form, xpos, upos, lemma, last three letters, and
  // the lemma's WordNet class (the upos where it has none).
  std::vector<uint64_t> w, t, u, lemma, suffix, cls;
  // punct[i]: punctuation marks among the first i words.
  std::vector<int> punct = {0};
  // Punctuation strictly between words a and b (either order), capped at 2:
  // a comma between tells a clause or list boundary.
  uint64_t PunctBetween(int a, int b, int n) const {
    if (a < 0 || b < 0 || a >= n || b >= n) return kNone;
    if (a > b) std::swap(a, b);
    return std::min(punct[b] - punct[a + 1], 2);
  }
  static uint64_t Get(const std::vector<uint64_t>& v, int i, int n) {
    return i < 0 ? kNone : i == n ? kRootW : v[i];
  }
  uint64_t W(int i, int n) const { return Get(w, i, n); }
  uint64_t T(int i, int n) const { return Get(t, i, n); }
  uint64_t U(int i, int n) const { return Get(u, i, n); }
  uint64_t Lm(int i, int n) const { return Get(lemma, i, n); }
  uint64_t Sf(int i, int n) const { return Get(suffix, i, n); }
  uint64_t C(int i, int n) const { return Get(cls, i, n); }
};

Words MakeWords(const SyntaxSentence& s, const WordClasses* classes) {
  Words words;
  for (const SyntaxWord& word : s) {
    const std::string lower = NormalizeWord(word.form);
    const std::string lemma = NormalizeWord(word.lemma);
    words.w.push_back(HashString(lower));
    words.t.push_back(HashString(word.xpos));
    words.u.push_back(static_cast<uint64_t>(word.upos));
    words.lemma.push_back(HashString(lemma));
    const uint8_t c = classes == nullptr ? 0 : classes->Of(lemma, word.upos);
    words.cls.push_back(c != 0 ? c : 256 + static_cast<uint64_t>(word.upos));
    words.suffix.push_back(HashString(LastChars(lower, 3)));
    words.punct.push_back(words.punct.back() + (word.upos == Upos::kPunct));
  }
  return words;
}

uint64_t Distance(int a, int b) {
  if (a < 0 || b < 0) return kNone;
  const int d = std::abs(a - b);
  return d < 5 ? d : d < 10 ? 5 : 6;
}

// Templates from id k + 1 on: the non-local ones of Zhang & Nivre (2011)
// the first set lacks (word-and-tag pairs, distance with both words,
// third-order children, the label sets of the dependents so far), the
// punctuation between the candidate pairs, the root choice and attachment
// triples. Together +0.4 UAS on EWT dev. DO NOT CHANGE without bumping
// kFeatureVersion.
void MoreMoveFeatures(const State& st, const Words& x, uint32_t k, FeatureVector* f) {
  const int n = st.n;
  const int s0 = st.S(0), s1 = st.S(1), b0 = st.B(0), b1 = st.B(1);
  auto W = [&](int i) { return x.W(i, n); };
  auto T = [&](int i) { return x.T(i, n); };
  auto child = [&](const std::vector<int>& v, int i) { return i < 0 || i == n ? -1 : v[i]; };
  auto labels = [&](const std::vector<uint64_t>& v, int i) { return i < 0 ? kNone : v[i]; };
  const uint64_t wt_s0 = learn::HashCombine(W(s0), T(s0));
  const uint64_t wt_s1 = learn::HashCombine(W(s1), T(s1));
  const uint64_t d = Distance(s0, b0);
  f->Add(++k, wt_s0, W(b0), T(b0));
  f->Add(++k, wt_s1, W(s0), T(s0));
  f->Add(++k, W(s0), W(b0), d);
  f->Add(++k, T(s0), T(b0), T(b1));
  f->Add(++k, W(s0), T(b0), T(b1));
  f->Add(++k, T(s0), T(child(st.left1, s0)), T(child(st.left2, s0)));
  f->Add(++k, T(s0), T(child(st.right1, s0)), T(child(st.right2, s0)));
  f->Add(++k, T(b0), T(child(st.left1, b0)), T(child(st.left2, b0)));
  f->Add(++k, T(s1), T(child(st.right1, s1)), T(child(st.right2, s1)));
  f->Add(++k, W(s0), labels(st.right_labels, s0));
  f->Add(++k, T(s0), labels(st.right_labels, s0));
  f->Add(++k, W(s0), labels(st.left_labels, s0));
  f->Add(++k, T(s0), labels(st.left_labels, s0));
  f->Add(++k, W(b0), labels(st.left_labels, b0));
  f->Add(++k, T(b0), labels(st.left_labels, b0));
  f->Add(++k, T(s1), labels(st.right_labels, s1));
  f->Add(++k, T(s1), labels(st.left_labels, s1));
  const uint64_t p0 = x.PunctBetween(s0, b0, n), p1 = x.PunctBetween(s1, s0, n);
  f->Add(++k, T(s0), T(b0), p0);
  f->Add(++k, T(s1), T(s0), p1);
  f->Add(++k, p0, p1, d);
  f->Add(++k, T(s0), p0, p1);
  // Root choice: the stack's bottom word is the root unless something
  // takes it as a dependent, and the words left to read tell whether a
  // new clause can still come.
  const uint64_t depth = std::min<int>(st.stack.size(), 3);
  const uint64_t left = b0 < 0 ? 0 : std::min(n - b0, 6);
  f->Add(++k, T(s0), T(b0), depth);
  f->Add(++k, W(s0), T(b0), depth);
  f->Add(++k, T(s0), labels(st.left_labels, s0), depth);
  f->Add(++k, T(s0), T(b0), left);
  f->Add(++k, T(s1), T(s0), left);
  // s1 and b0 compete for s0 (RIGHT against LEFT); with b0's first left
  // child, usually its preposition, these are the attachment triples.
  const int b0l = child(st.left1, b0);
  f->Add(++k, W(s1), T(s0), T(b0));
  f->Add(++k, T(s1), W(s0), T(b0));
  f->Add(++k, T(s1), T(s0), W(b0));
  f->Add(++k, W(s1), W(b0l), W(b0));
  f->Add(++k, W(s0), W(b0l), W(b0));
  f->Add(++k, T(s1), W(b0l), T(b0));
  f->Add(++k, T(s0), W(b0l), T(b0));
  f->Add(++k, W(s1), W(s0), W(b0l));
}

// Templates of word classes (arc-hybrid-5): the classes stand in for words
// too rare to have weights of their own, chiefly in attachment ("ate ...
// with a fork": s1, s0, b0 and b0's preposition) and the root choice.
// DO NOT CHANGE without bumping kFeatureVersion.
void ClassMoveFeatures(const State& st, const Words& x, FeatureVector* f) {
  const int n = st.n;
  const int s0 = st.S(0), s1 = st.S(1), b0 = st.B(0);
  const int b0l = b0 < 0 ? -1 : st.left1[b0];
  auto C = [&](int i) { return x.C(i, n); };
  auto W = [&](int i) { return x.W(i, n); };
  auto T = [&](int i) { return x.T(i, n); };
  uint32_t k = 300;
  f->Add(++k, C(s0));
  f->Add(++k, C(s1));
  f->Add(++k, C(b0));
  f->Add(++k, C(s0), C(b0));
  f->Add(++k, C(s1), C(s0));
  f->Add(++k, T(s0), C(b0));
  f->Add(++k, C(s0), T(b0));
  f->Add(++k, C(s1), W(b0l), C(b0));
  f->Add(++k, C(s0), W(b0l), C(b0));
  f->Add(++k, C(s1), C(s0), W(b0l));
  f->Add(++k, W(s1), C(s0));
  f->Add(++k, C(s0), W(b0));
}

// Move templates. DO NOT CHANGE without bumping kFeatureVersion.
void MoveFeatures(const State& st, const Words& x, FeatureVector* f) {
  f->clear();
  const int n = st.n;
  const int s0 = st.S(0), s1 = st.S(1), s2 = st.S(2);
  const int b0 = st.B(0), b1 = st.B(1), b2 = st.B(2);
  auto W = [&](int i) { return x.W(i, n); };
  auto T = [&](int i) { return x.T(i, n); };
  auto L = [&](int i) -> uint64_t { return i < 0 || i == n ? kNone : st.rel[i] + 1; };
  auto child = [&](const std::vector<int>& v, int i) { return i < 0 || i == n ? -1 : v[i]; };
  auto count = [&](const std::vector<int>& v, int i) -> uint64_t {
    return i < 0 || i == n ? kNone : std::min(v[i], 4);
  };
  const int s0l = child(st.left1, s0), s0l2 = child(st.left2, s0);
  const int s0r = child(st.right1, s0), s0r2 = child(st.right2, s0);
  const int s1l = child(st.left1, s1), s1r = child(st.right1, s1);
  const int b0l = child(st.left1, b0), b0l2 = child(st.left2, b0);
  const uint64_t d = Distance(s0, b0), d10 = Distance(s1, s0);
  uint32_t k = 0;
  // Single positions.
  for (int i : {s0, s1, s2, b0, b1, b2}) {
    f->Add(++k, W(i));
    f->Add(++k, T(i));
    f->Add(++k, W(i), T(i));
  }
  // Pairs of the two decision points (s1/s0 for RIGHT, s0/b0 for LEFT).
  f->Add(++k, W(s0), T(s0), W(b0));
  f->Add(++k, W(s0), T(b0), W(b0));
  f->Add(++k, W(s0), W(b0));
  f->Add(++k, T(s0), T(b0));
  f->Add(++k, W(s0), T(s0), T(b0));
  f->Add(++k, T(s0), W(b0), T(b0));
  f->Add(++k, W(s1), T(s1), W(s0));
  f->Add(++k, W(s1), W(s0), T(s0));
  f->Add(++k, W(s1), W(s0));
  f->Add(++k, T(s1), T(s0));
  f->Add(++k, T(b0), T(b1));
  // Tag trigrams.
  f->Add(++k, T(b0), T(b1), T(b2));
  f->Add(++k, T(s0), T(b0), T(b1));
  f->Add(++k, T(s1), T(s0), T(b0));
  f->Add(++k, T(s2), T(s1), T(s0));
  f->Add(++k, T(s0), T(s0l), T(b0));
  f->Add(++k, T(s0), T(s0r), T(b0));
  f->Add(++k, T(s0), T(b0), T(b0l));
  f->Add(++k, T(s1), T(s1r), T(s0));
  f->Add(++k, T(s1), T(s1l), T(s0));
  f->Add(++k, T(s1), T(s0), T(s0r));
  // Distances.
  f->Add(++k, W(s0), d);
  f->Add(++k, T(s0), d);
  f->Add(++k, W(b0), d);
  f->Add(++k, T(b0), d);
  f->Add(++k, T(s0), T(b0), d);
  f->Add(++k, T(s1), T(s0), d10);
  f->Add(++k, W(s1), W(s0), d10);
  // Valency.
  f->Add(++k, W(s0), count(st.nright, s0));
  f->Add(++k, T(s0), count(st.nright, s0));
  f->Add(++k, W(s0), count(st.nleft, s0));
  f->Add(++k, T(s0), count(st.nleft, s0));
  f->Add(++k, W(b0), count(st.nleft, b0));
  f->Add(++k, T(b0), count(st.nleft, b0));
  f->Add(++k, T(s1), count(st.nright, s1));
  // Children.
  for (int c : {s0l, s0r, s1l, s1r, b0l, s0l2, s0r2, b0l2}) {
    f->Add(++k, W(c));
    f->Add(++k, T(c));
    f->Add(++k, L(c));
  }
  f->Add(++k, T(s0), L(s0l), L(s0l2));
  f->Add(++k, T(s0), L(s0r), L(s0r2));
  f->Add(++k, T(b0), L(b0l), L(b0l2));
  f->Add(++k, T(s1), L(s1r), T(s0));
  f->Add(++k, W(s0), L(s0l));
  f->Add(++k, W(s0), L(s0r));
  f->Add(++k, W(b0), L(b0l));
  // Universal tags, lemmas and endings: less sparse than words.
  auto U = [&](int i) { return x.U(i, n); };
  auto Lm = [&](int i) { return x.Lm(i, n); };
  for (int i : {s0, s1, b0, b1}) f->Add(++k, U(i));
  f->Add(++k, U(s0), U(b0));
  f->Add(++k, U(s1), U(s0));
  f->Add(++k, U(s0), U(b0), U(b1));
  f->Add(++k, U(s1), U(s0), U(b0));
  for (int i : {s0, s1, b0}) f->Add(++k, Lm(i));
  f->Add(++k, Lm(s0), Lm(b0));
  f->Add(++k, Lm(s1), Lm(s0));
  f->Add(++k, Lm(s0), T(b0));
  f->Add(++k, T(s0), Lm(b0));
  f->Add(++k, x.Sf(s0, n));
  f->Add(++k, x.Sf(b0, n));
  // Buffer emptiness and stack depth, for the single-root rule.
  f->Add(++k, b0 < 0, std::min<int>(st.stack.size(), 4));
  MoreMoveFeatures(st, x, k, f);
  ClassMoveFeatures(st, x, f);
}

// Label templates, for the arc h -> d. DO NOT CHANGE without bumping
// kFeatureVersion.
void LabelFeatures(const State& st, const Words& x, int h, int d,
                   FeatureVector* f) {
  f->clear();
  const int n = st.n;
  auto W = [&](int i) { return x.W(i, n); };
  auto T = [&](int i) { return x.T(i, n); };
  auto L = [&](int i) -> uint64_t { return i < 0 || i == n ? kNone : st.rel[i] + 1; };
  const uint64_t dir = d < h ? 1 : 2;
  const uint64_t dist = Distance(h, d);
  const int dl = st.left1[d], dr = st.right1[d];
  const int hl = h == n ? -1 : st.left1[h];
  const int hr = h == n ? -1 : st.right1[h];
  const int dprev = d > 0 ? d - 1 : -1, dnext = d + 1 < n ? d + 1 : -1;
  uint32_t k = 0;
  f->Add(++k, 0);
  f->Add(++k, W(h));
  f->Add(++k, T(h));
  f->Add(++k, W(d));
  f->Add(++k, T(d));
  f->Add(++k, T(h), T(d));
  f->Add(++k, T(h), T(d), dir);
  f->Add(++k, W(h), T(d), dir);
  f->Add(++k, T(h), W(d), dir);
  f->Add(++k, W(h), W(d));
  f->Add(++k, T(h), T(d), dist);
  f->Add(++k, T(d), dir);
  f->Add(++k, W(d), dir);
  f->Add(++k, h == n);
  f->Add(++k, W(dl), T(dl), L(dl));
  f->Add(++k, T(d), W(dl));
  f->Add(++k, T(d), L(dl));
  f->Add(++k, T(d), W(dr), L(dr));
  f->Add(++k, T(d), T(dr));
  f->Add(++k, T(h), W(hl), L(hl));
  f->Add(++k, T(h), L(hl), dir);
  f->Add(++k, T(h), L(hr), dir);
  f->Add(++k, T(d), T(dprev));
  f->Add(++k, T(d), T(dnext));
  f->Add(++k, T(h), T(d), W(dl));
  f->Add(++k, std::min(st.nleft[d], 3), std::min(st.nright[d], 3), T(d));
  const uint64_t uh = x.U(h, n), ud = x.U(d, n);
  f->Add(++k, uh, ud, dir);
  f->Add(++k, x.Lm(h, n), ud, dir);
  f->Add(++k, uh, x.Lm(d, n), dir);
  f->Add(++k, ud, W(dl), dir);
  f->Add(++k, uh, ud, L(hl));
  // Every child of d (its subtree is complete) and the children h has so
  // far: function words and their relations tell most labels apart ("by"
  // for agents, "to" for xcomp, a relative pronoun for acl:relcl, aux:pass
  // for passive subjects).
  for (int c = st.first_child[d]; c >= 0; c = st.next_sibling[c]) {
    f->Add(200, L(c), ud, dir);
    f->Add(201, L(c), W(c), ud);
  }
  for (int c = st.first_child[h]; c >= 0; c = st.next_sibling[c]) {
    if (c == d) continue;
    f->Add(202, L(c), uh, dir);
    f->Add(203, L(c), W(c), ud);
    f->Add(204, L(c), c < d, ud);
  }
  f->Add(205, x.Lm(h, n), x.Lm(d, n));
  f->Add(206, x.Sf(d, n), ud);
  f->Add(207, uh, ud, dist);
  // What follows: the buffer front after a RIGHT arc (a second object makes
  // the first iobj; a particle after "pick it") or the head after a LEFT.
  const int b0 = st.B(0), b1 = st.B(1);
  f->Add(208, ud, x.U(b0, n), dir);
  f->Add(209, T(d), T(b0), T(b1));
  f->Add(210, W(d), T(b0));
  f->Add(211, T(h), T(d), x.PunctBetween(h, d, n));
  f->Add(212, W(h), W(d), dir);
  const uint64_t ch = x.C(h, n), cd = x.C(d, n);
  f->Add(213, ch, cd, dir);
  f->Add(214, cd, W(dl), dir);
  f->Add(215, ch, W(dl), cd);
  f->Add(216, W(h), cd, dir);
}

// Gold arcs each move would make unreachable (Goldberg & Nivre 2013).
int MoveCost(const State& st, const std::vector<int>& gold, int move) {
  const int n = st.n;
  const int s0 = st.S(0), s1 = st.S(1), b0 = st.B(0);
  auto in_buffer = [&](int i) { return i >= st.b && i < n; };
  auto deps_in_buffer = [&](int h) {
    int c = 0;
    for (int i = st.b; i < n; ++i) c += gold[i] == h;
    return c;
  };
  if (move == kShift) {
    int c = 0;
    for (size_t k = 1; k < st.stack.size(); ++k) c += gold[st.stack[k]] == b0;
    const int g = gold[b0];
    bool head_lost = false;
    for (size_t k = 0; k + 1 < st.stack.size(); ++k) head_lost |= st.stack[k] == g;
    return c + head_lost;
  }
  const int g = gold[s0];
  if (move == kLeft) {
    return deps_in_buffer(s0) + ((g == s1 || in_buffer(g)) && g != b0);
  }
  return deps_in_buffer(s0) + in_buffer(g);
}

std::vector<int> GoldHeads(const SyntaxSentence& s) {
  const int n = static_cast<int>(s.size());
  std::vector<int> gold(n);
  for (int i = 0; i < n; ++i) gold[i] = s[i].head < 0 ? n : s[i].head;
  return gold;
}

std::vector<std::string> LabelClasses() {
  std::vector<std::string> names;
  for (int r = 0; r <= static_cast<int>(DepRel::kNmodNpmod); ++r) {
    names.emplace_back(DepRelName(static_cast<DepRel>(r)));
  }
  return names;
}

}  // namespace

bool DependencyParser::IsProjective(const SyntaxSentence& s) {
  const int n = static_cast<int>(s.size());
  for (int i = 0; i < n; ++i) {
    const int hi = s[i].head < 0 ? n : s[i].head;
    const int a = std::min(i, hi), b = std::max(i, hi);
    for (int j = 0; j < n; ++j) {
      const int hj = s[j].head < 0 ? n : s[j].head;
      const int c = std::min(j, hj), e = std::max(j, hj);
      if ((a < c && c < b && b < e) || (c < a && a < e && e < b)) return false;
    }
  }
  return true;
}

absl::StatusOr<DependencyParser> DependencyParser::Load(const std::string& moves_path,
                                                       const std::string& labels_path,
                                                       const std::string& classes_path) {
  absl::StatusOr<learn::LinearModel> moves = learn::LinearModel::Load(moves_path);
  if (!moves.ok()) return moves.status();
  absl::StatusOr<learn::LinearModel> labels = learn::LinearModel::Load(labels_path);
  if (!labels.ok()) return labels.status();
  absl::StatusOr<WordClasses> classes = WordClasses::Load(classes_path);
  if (!classes.ok()) return classes.status();
  return FromModels(*std::move(moves), *std::move(labels),
                    std::make_shared<const WordClasses>(*std::move(classes)));
}

absl::StatusOr<DependencyParser> DependencyParser::FromModels(
    learn::LinearModel moves, learn::LinearModel labels,
    std::shared_ptr<const WordClasses> classes) {
  if (classes == nullptr) classes = std::make_shared<const WordClasses>();
  if (moves.Meta("features") != kFeatureVersion ||
      labels.Meta("features") != kFeatureVersion || moves.num_classes() != kNumMoves) {
    return absl::FailedPreconditionError(
        absl::StrCat("not a parser model of feature version ", kFeatureVersion));
  }
  std::vector<DepRel> rels;
  for (const std::string& name : labels.classes()) {
    std::optional<DepRel> rel = ParseDepRel(name);
    if (!rel) return absl::FailedPreconditionError(absl::StrCat("bad label ", name));
    rels.push_back(*rel);
  }
  return DependencyParser(std::move(moves), std::move(labels), std::move(rels),
                          std::move(classes));
}

void DependencyParser::Parse(SyntaxSentence* sentence) const {
  const int n = static_cast<int>(sentence->size());
  if (n == 0) return;
  const Words x = MakeWords(*sentence, classes_.get());
  State st(n);
  FeatureVector f;
  std::vector<float> move_scores(kNumMoves), label_scores(labels_.num_classes());
  bool allowed[kNumMoves];
  while (!st.Terminal()) {
    int num_allowed = 0, move = 0;
    for (int m = 0; m < kNumMoves; ++m) {
      allowed[m] = st.Valid(m);
      if (allowed[m]) ++num_allowed, move = m;
    }
    // A forced move (SHIFT onto a bare root, RIGHT once the buffer is
    // empty) needs no scoring: the model could only choose it.
    if (num_allowed > 1) {
      MoveFeatures(st, x, &f);
      move = moves_.Best(f.keys(), move_scores.data(), absl::MakeConstSpan(allowed, kNumMoves));
    }
    const auto [h, d] = st.Apply(move);
    if (d < 0) continue;
    // The root's one dependent is labelled root whatever the model says,
    // and its arc is the last.
    if (h == n) break;
    LabelFeatures(st, x, h, d, &f);
    st.SetRel(d, labels_.Best(f.keys(), label_scores.data()));
  }
  for (int i = 0; i < n; ++i) {
    SyntaxWord& word = (*sentence)[i];
    word.head = st.head[i] == n ? -1 : st.head[i];
    word.rel = word.head < 0 ? DepRel::kRoot : rels_[st.rel[i]];
  }
}

DependencyParser DependencyParser::Train(const std::vector<SyntaxSentence>& train,
                                         const TrainOptions& options) {
  std::vector<const SyntaxSentence*> data;
  for (const SyntaxSentence& s : train) {
    if (!s.empty() && IsProjective(s)) data.push_back(&s);
  }
  const std::vector<std::string> label_names = LabelClasses();
  const std::vector<std::string> move_names(kMoveNames, kMoveNames + kNumMoves);
  learn::AveragedPerceptron moves(kNumMoves);
  learn::AveragedPerceptron labels(static_cast<int>(label_names.size()));
  std::mt19937 rng(options.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  FeatureVector f;
  std::vector<float> scores(std::max<size_t>(kNumMoves, label_names.size()));
  auto average = [&] {
    const std::map<std::string, std::string> meta = {{"features", kFeatureVersion}};
    return *FromModels(moves.Average(move_names, meta, options.pruning),
                       labels.Average(label_names, meta, options.pruning), options.classes);
  };
  for (int pass = 0; pass < options.epochs * std::max(1, options.runs); ++pass) {
    const int epoch = pass % options.epochs + 1;
    if (pass > 0 && epoch == 1) {
      moves.Restart();
      labels.Restart();
    }
    std::shuffle(data.begin(), data.end(), rng);
    for (const SyntaxSentence* s : data) {
      const Words x = MakeWords(*s, options.classes.get());
      const std::vector<int> gold = GoldHeads(*s);
      State st(static_cast<int>(s->size()));
      while (!st.Terminal()) {
        MoveFeatures(st, x, &f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        moves.Score(f.keys(), scores.data());
        int guess = -1, best_gold = -1;
        for (int m = 0; m < kNumMoves; ++m) {
          if (!st.Valid(m)) continue;
          if (guess < 0 || scores[m] > scores[guess]) guess = m;
          if (MoveCost(st, gold, m) == 0 &&
              (best_gold < 0 || scores[m] > scores[best_gold])) {
            best_gold = m;
          }
        }
        if (best_gold < 0) best_gold = guess;  // only on non-projective input
        moves.Update(f.keys(), best_gold, guess);
        moves.Tick();
        const bool explore = epoch > 1 && coin(rng) < options.explore;
        const int move = guess == best_gold || explore ? guess : best_gold;
        const auto [h, d] = st.Apply(move);
        if (d < 0) continue;
        LabelFeatures(st, x, h, d, &f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        labels.Score(f.keys(), scores.data());
        const int label_guess = static_cast<int>(
            std::max_element(scores.begin(), scores.begin() + label_names.size()) -
            scores.begin());
        const int truth = static_cast<int>((*s)[d].rel);
        if (gold[d] == h) {
          labels.Update(f.keys(), truth, label_guess);
          labels.Tick();
        }
        st.SetRel(d, gold[d] == h ? truth : label_guess);
      }
    }
    if (options.on_epoch) options.on_epoch(pass + 1, average());
  }
  return average();
}

}  // namespace claims::syntax
