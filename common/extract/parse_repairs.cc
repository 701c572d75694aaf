#include "common/extract/parse_repairs.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"

namespace claims {
namespace {

using syntax::DepRel;
using syntax::Upos;

bool Is(const syntax::SyntaxWord& w, absl::string_view lower) {
  return absl::EqualsIgnoreCase(w.form, lower);
}

// "who", "whose" or "which": the word that opens a relative clause.
bool IsRelativeWord(const syntax::SyntaxWord& w) {
  return Is(w, "who") || Is(w, "whose") || Is(w, "which");
}

// "after", "before", "since" or "until": prepositions that also open a
// clause, and that the tagger may read as either.
bool IsPrepositionOpeningClause(const syntax::SyntaxWord& w) {
  return Is(w, "after") || Is(w, "before") || Is(w, "since") || Is(w, "until");
}

// The first word k hanging from `head` for which pred(k) holds, or -1.
template <typename Pred>
int FirstChild(const syntax::SyntaxSentence& w, int head, Pred pred) {
  for (int k = 0; k < static_cast<int>(w.size()); ++k) {
    if (w[k].head == head && pred(k)) return k;
  }
  return -1;
}

// Whether word v has a subject of its own (nsubj, nsubj:pass).
bool HasSubject(const syntax::SyntaxSentence& w, int v) {
  return FirstChild(w, v, [&](int k) { return syntax::BaseRel(w[k].rel) == DepRel::kNsubj; }) >= 0;
}

// Whether word k has a coordinating conjunction of its own ("and").
bool HasConjunction(const syntax::SyntaxSentence& w, int k) {
  return FirstChild(w, k, [&](int j) { return w[j].rel == DepRel::kCc; }) >= 0;
}

// Whether verb v is finite, or has a finite auxiliary ("had destroyed").
bool FiniteVerb(const syntax::SyntaxSentence& w, int v) {
  return syntax::IsFiniteTag(w[v].xpos) ||
         FirstChild(w, v, [&](int k) {
           return w[k].upos == Upos::kAux && syntax::IsFiniteTag(w[k].xpos);
         }) >= 0;
}

// True when a word before `end` is a finite verb or auxiliary.
bool FiniteVerbBefore(const syntax::SyntaxSentence& w, int end) {
  for (int k = 0; k < end; ++k) {
    if ((w[k].upos == Upos::kVerb || w[k].upos == Upos::kAux) && syntax::IsFiniteTag(w[k].xpos)) {
      return true;
    }
  }
  return false;
}

// The first child of `head` after word `after` that is a finite verb
// without a subject of its own, or -1.
int SubjectlessFiniteVerbAfter(const syntax::SyntaxSentence& w, int head, int after) {
  return FirstChild(w, head, [&](int k) {
    return k > after && w[k].upos == Upos::kVerb && syntax::IsFiniteTag(w[k].xpos) &&
           !HasSubject(w, k);
  });
}

// The index of the first word without a head, or -1.
int RootOf(const syntax::SyntaxSentence& words) {
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].head < 0) return static_cast<int>(i);
  }
  return -1;
}

// A regular verb's past tense, whose form is its participle's too
// ("invoked", "released"): the tagger may read either as the other.
bool RegularPast(const syntax::SyntaxWord& w) {
  return w.xpos == "VBD" && absl::EndsWith(w.form, "ed");
}

// A verb form that can be a verb's complement: a gerund or a bare or
// to-infinitive.
bool ComplementForm(const syntax::SyntaxWord& w) {
  return w.upos == Upos::kVerb && (w.xpos == "VBG" || w.xpos == "VB");
}

// A word that opens a verb's object: a determiner, number or possessive
// ("the economy", "100 people", "its forecast").
bool OpensObject(const syntax::SyntaxWord& w) {
  return w.upos == Upos::kDet || w.upos == Upos::kNum ||
         (w.upos == Upos::kPron && w.xpos == "PRP$");
}

// Retags a word the tagger took for another part of speech as a verb.
void MakeVerb(syntax::SyntaxWord* w, absl::string_view xpos, std::string lemma) {
  w->upos = Upos::kVerb;
  w->xpos = std::string(xpos);
  w->lemma = std::move(lemma);
}

// Words of a speaker's name or description between a quotation and its
// verb ("Foreign Minister Annalena Baerbock said", "a doctor at Dhaka
// Medical College Hospital told"), commas and possessive endings not
// counted.
constexpr int kMaxSpeakerWords = 12;

// A sentence that opens with a quotation followed by its speaker and a
// verb of saying: where the quotation closes and where the verb is.
struct QuoteThenSpeaker {
  int close = -1;
  int verb = -1;
};

std::optional<QuoteThenSpeaker> FindQuoteThenSpeaker(const Lexicon& lexicon,
                                                     const syntax::SyntaxSentence& w) {
  const int n = static_cast<int>(w.size());
  if (n < 5 || !syntax::IsQuotationMark(w[0].form)) return std::nullopt;
  int close = 1;
  while (close < n && !syntax::IsQuotationMark(w[close].form)) ++close;
  if (close + 2 >= n || close < 3) return std::nullopt;
  // The speaker and the verb right after the quotation, in either order
  // ("Lonsdale told", "said Omran Sharaf", "she said", "the German
  // chancellor told"): the verb after at most a noun phrase's words.
  // Commas and possessive endings do not count ("Urgenda's director,
  // Marjan Minnesma, told"; a comma after the quotation mark).
  int words = 0;
  for (int k = close + 1; words <= kMaxSpeakerWords && k < n; ++k) {
    if (w[k].upos == Upos::kVerb && lexicon.IsSpeechVerb(w[k].lemma)) {
      return QuoteThenSpeaker{close, k};
    }
    const Upos u = w[k].upos;
    if (w[k].form == "," || w[k].xpos == "POS") continue;
    // (An apposition may join two titles: "Nokia's chairman and now its
    // interim chief executive".)
    if (u != Upos::kDet && u != Upos::kAdj && u != Upos::kNoun && u != Upos::kPropn &&
        u != Upos::kPron &&
        !((u == Upos::kAdp || u == Upos::kCconj || u == Upos::kAdv) && words > 0)) {
      break;
    }
    ++words;
  }
  return std::nullopt;
}

}  // namespace

void RepairNotOnlyButAlso(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int h = 0; h + 3 < n; ++h) {
    // The verb, then "not only" right after it (a "to" may follow).
    if (w[h].upos != Upos::kVerb || !Is(w[h + 1], "not") || !Is(w[h + 2], "only")) continue;
    int c = h + 3;
    if (c + 1 < n && Is(w[c], "to")) ++c;
    if (!ComplementForm(w[c]) || w[c].head != h || w[c].rel != DepRel::kConj) continue;
    w[c].rel = DepRel::kXcomp;
    // The "but also" conjunct of the verb is the complement's.
    for (int k = c + 1; k + 2 < n; ++k) {
      if (!Is(w[k], "but") || !Is(w[k + 1], "also")) continue;
      const int d = k + 2;
      if (w[d].head == h && w[d].rel == DepRel::kConj) w[d].head = c;
      break;
    }
  }
}

void RepairTitleBeforeName(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int i = 0; i + 1 < n; ++i) {
    const int name = i + 1;
    if (w[i].upos != Upos::kNoun || w[i].xpos != "NN" || w[name].upos != Upos::kPropn ||
        w[name].head != i || w[name].rel != DepRel::kAppos) {
      continue;
    }
    w[name].head = w[i].head;
    w[name].rel = w[i].rel;
    w[i].head = name;
    w[i].rel = DepRel::kCompound;
  }
}

void RepairDoubleSubject(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const size_t n = w.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    const bool subject = w[i].rel == DepRel::kNsubj || w[i].rel == DepRel::kNsubjPass;
    if (!subject || (w[i].upos != Upos::kNoun && w[i].upos != Upos::kPropn)) continue;
    // The other subject: the word right after it, or after nouns that
    // modify it ("quality inspection agency").
    size_t j = i + 1;
    while (j < n && w[j].rel == DepRel::kCompound && w[j].upos == Upos::kNoun &&
           w[j].head > static_cast<int>(j)) {
      ++j;
    }
    if (j >= n || w[j].head != w[i].head || w[j].rel != w[i].rel) continue;
    w[i].head = static_cast<int>(j);
    w[i].rel = DepRel::kCompound;
  }
}

namespace {

// Whether word k lies in the subtree of word top (k itself included).
bool InSubtree(const syntax::SyntaxSentence& w, int k, int top) {
  const int n = static_cast<int>(w.size());
  for (int guard = 0; guard < n && k >= 0; ++guard) {
    if (k == top) return true;
    k = w[k].head;
  }
  return false;
}

// The last word of the run of top's subtree that starts at top.
int SubtreeEnd(const syntax::SyntaxSentence& w, int top) {
  int end = top;
  while (end + 1 < static_cast<int>(w.size()) && InSubtree(w, end + 1, top)) ++end;
  return end;
}

// The first word of the run of top's subtree that ends at top, where a
// comma (not the sentence's first word) stands right before that run
// ("In Washington, the prime minister said": "the" for "minister"); -1
// where none does.
int SubtreeStartAfterComma(const syntax::SyntaxSentence& w, int top) {
  int first = top;
  while (first > 0 && InSubtree(w, first - 1, top) && w[first - 1].form != ",") --first;
  return first >= 2 && w[first - 1].form == "," ? first : -1;
}

// Word `root` becomes the sentence's root in place of `old_root`, which
// hangs from it as `rel`; the old root's dependents from word `from` on
// (what follows the new root's clause: the final full stop) move with it.
void Reroot(int root, int old_root, DepRel rel, int from, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  for (int k = from; k < static_cast<int>(w.size()); ++k) {
    if (k != root && w[k].head == old_root) w[k].head = root;
  }
  w[root].head = -1;
  w[root].rel = DepRel::kRoot;
  w[old_root].head = root;
  w[old_root].rel = rel;
}

}  // namespace

namespace {

// "said the former chairman, Tsuyoshi Kikukawa, and two other executives
// had been involved": the object `o` (its phrase ends at `end`) of the
// saying `v` is the first conjunct of the subject of the verb after "and"
// (the parser made that verb a conjunct of the saying). True when it
// rebuilt the complement.
bool CoordinatedSubjectAfterSaying(int v, int o, int end, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  int cc = end + 1;
  if (cc < n && w[cc].form == ",") ++cc;
  if (cc >= n || w[cc].upos != Upos::kCconj) return false;
  int f = cc + 1;
  while (f < n && w[f].upos != Upos::kVerb && w[f].upos != Upos::kPunct) ++f;
  if (f >= n || w[f].upos != Upos::kVerb || w[f].head != v) return false;
  int subject = -1;
  for (int k = cc + 1; k < f; ++k) {
    if (w[k].head == f && (w[k].rel == DepRel::kNsubj || w[k].rel == DepRel::kNsubjPass)) {
      subject = k;
    }
  }
  if (subject < 0) return false;
  w[f].head = v;
  w[f].rel = DepRel::kCcomp;
  w[o].head = f;
  w[o].rel = w[subject].rel;
  w[subject].head = o;
  w[subject].rel = DepRel::kConj;
  w[cc].head = subject;
  w[cc].rel = DepRel::kCc;
  if (cc > end + 1) {
    w[end + 1].head = subject;
    w[end + 1].rel = DepRel::kPunct;
  }
  return true;
}

}  // namespace

void RepairObjectOfSaying(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  // Verbs of saying that take a clause, not a noun phrase, after them.
  static constexpr absl::string_view kClauseOnly[] = {"say",    "claim",  "insist", "argue",
                                                      "contend", "allege", "assert"};
  auto in_subtree = [&](int k, int top) { return InSubtree(w, k, top); };
  for (int v = 0; v < n; ++v) {
    if (w[v].upos != Upos::kVerb ||
        std::find(std::begin(kClauseOnly), std::end(kClauseOnly), w[v].lemma) ==
            std::end(kClauseOnly)) {
      continue;
    }
    int o = -1;
    bool clause = false;
    for (int k = v + 1; k < n; ++k) {
      if (w[k].head != v) continue;
      if (w[k].rel == DepRel::kCcomp) clause = true;
      if (w[k].rel == DepRel::kObj && o < 0 &&
          (w[k].upos == Upos::kNoun || w[k].upos == Upos::kPropn)) {
        o = k;
      }
    }
    if (o < 0 || clause) continue;
    int end = o;
    while (end + 1 < n && in_subtree(end + 1, o) && w[end + 1].upos != Upos::kVerb) ++end;
    if (CoordinatedSubjectAfterSaying(v, o, end, words)) continue;
    // The verb after the phrase, auxiliaries and its own dependents between;
    // or the word a copula there joins ("said a referendum was likely").
    int f = end + 1;
    // The comma that closes the object's apposition ("the engineer, Tom
    // Harding, had failed").
    bool apposition = false;
    for (int k = o + 1; k <= end; ++k) {
      apposition = apposition || (w[k].head == o && w[k].rel == DepRel::kAppos);
    }
    if (apposition && f < n && w[f].form == ",") ++f;
    while (f < n && w[f].upos != Upos::kVerb) {
      if (w[f].upos == Upos::kPunct || w[f].upos == Upos::kSconj || w[f].upos == Upos::kCconj) {
        f = n;
      } else if (w[f].rel == DepRel::kCop && w[f].head > f) {
        f = w[f].head;
        break;
      } else {
        ++f;
      }
    }
    if (f >= n) continue;
    // Or the verb the parser made the sentence's own, the saying hanging
    // from it ("X said the engineer, Tom Harding, had failed").
    const bool above = w[v].head == f;
    const bool own = w[f].head == v || in_subtree(w[f].head, o) || above;
    if (!own) continue;
    if (above) {
      w[v].head = w[f].head;
      w[v].rel = w[f].rel;
    }
    for (int k = end + 1; k < f; ++k) {
      if (w[k].upos == Upos::kAux) {
        w[k].head = f;
        if (w[k].rel != DepRel::kCop) w[k].rel = DepRel::kAux;
      } else if (!in_subtree(k, f)) {
        w[k].head = f;
      }
    }
    w[f].head = v;
    w[f].rel = DepRel::kCcomp;
    w[o].head = f;
    w[o].rel = DepRel::kNsubj;
    bool aux = false;
    for (int k = end + 1; k < f; ++k) aux = aux || w[k].upos == Upos::kAux;
    if (w[f].xpos == "VBN" && !aux) w[f].xpos = "VBD";
  }
}

void RepairSubjectAfterOpeningPhrase(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  // (Or as an unmarked modifier: "In Washington, President Lyndon Johnson
  // called ..."; or as a conjunct without a conjunction: "In London, the
  // Ministry of Defence said".)
  auto hung = [&](int k) {
    return w[k].rel == DepRel::kAppos || w[k].rel == DepRel::kNmodUnmarked ||
           (w[k].rel == DepRel::kConj && !HasConjunction(w, k));
  };
  // The contiguous words of a's subtree, [first, end], right after a comma.
  auto phrase = [&](int a, int* first, int* end) {
    *first = SubtreeStartAfterComma(w, a);
    *end = SubtreeEnd(w, a);
    return *first >= 0;
  };
  for (int a = 2; a + 1 < n; ++a) {
    if (!hung(a)) continue;
    int first, end;
    if (!phrase(a, &first, &end)) continue;
    // The subject phrase may carry a name in apposition of its own, the
    // parser having hung both on the opening word ("In Ottawa, the sports
    // minister, Jean Charest, said"): then a is the name, and the subject
    // is the phrase before it.
    int subject = a, subject_first = first, verb = end + 1;
    // Or its name hangs from it, set off by commas ("In Washington, the
    // White House press secretary, James Hagerty, said").
    const int own_name = FirstChild(w, a, [&](int k) {
      int k_first, k_end;
      return k > a && w[k].rel == DepRel::kAppos && phrase(k, &k_first, &k_end) && k_end == end;
    });
    int closing = -1;  // the comma after that name
    if (verb + 1 < n && w[verb].form == "," && own_name >= 0) {
      closing = verb++;
    } else if (verb + 1 < n && w[verb].form == "," && first >= 4) {
      for (int b = first - 2; b >= 2 && subject == a; --b) {
        int b_first, b_end;
        if (w[b].head == w[a].head && hung(b) && phrase(b, &b_first, &b_end) &&
            b_end == first - 2) {
          subject = b;
          subject_first = b_first;
        }
      }
      if (subject == a) continue;
      ++verb;
    }
    // Its auxiliaries may come first ("..., Lieutenant General Ahmed Gaid
    // Salah, had said"); the first word is finite.
    if (verb >= n || !syntax::IsFiniteTag(w[verb].xpos)) continue;
    while (verb + 1 < n && w[verb].upos == Upos::kAux && w[verb].head > verb) ++verb;
    if (w[verb].upos != Upos::kVerb) continue;
    // The word the phrase hangs from is in the opening phrase, which hangs
    // from the verb, wherever in it ("Speaking to reporters in Brussels,
    // the Dutch prime minister Mark Rutte warned", on "Brussels"), and the
    // verb has no subject.
    int anchor = w[subject].head;
    while (anchor >= 0 && anchor < subject_first - 1 && w[anchor].head != verb) {
      anchor = w[anchor].head;
    }
    if (anchor < 0 || anchor >= subject_first - 1) continue;
    if (HasSubject(w, verb)) continue;
    w[subject].head = verb;
    w[subject].rel = DepRel::kNsubj;
    w[subject_first - 1].head = verb;
    w[subject_first - 1].rel = DepRel::kPunct;
    if (closing >= 0) {
      w[closing].head = own_name;
      w[closing].rel = DepRel::kPunct;
    }
    if (subject != a) {
      w[a].head = subject;
      w[a].rel = DepRel::kAppos;
      w[first - 1].head = a;
      w[first - 1].rel = DepRel::kPunct;
      w[end + 1].head = a;
      w[end + 1].rel = DepRel::kPunct;
    }
  }
}

void RepairOpeningParticipleAsRoot(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int r = RootOf(w);
  if (r != 0 || w[r].upos != Upos::kVerb || (w[r].xpos != "VBN" && w[r].xpos != "VBG")) return;
  if (HasSubject(w, r)) return;
  // The main clause: a finite verb the parser hung from the participle as
  // a parataxis or a conjunct without a conjunction, with its own subject,
  // its words right after a comma.
  const int c = FirstChild(w, r, [&](int k) {
    if (k < 3 || w[k].upos != Upos::kVerb) return false;
    if (w[k].rel != DepRel::kParataxis && w[k].rel != DepRel::kConj) return false;
    return !HasConjunction(w, k) && FiniteVerb(w, k) && HasSubject(w, k);
  });
  if (c < 0) return;
  const int first = SubtreeStartAfterComma(w, c);
  if (first < 0) return;
  Reroot(c, r, DepRel::kAdvcl, first, words);
  w[first - 1].head = r;
  w[first - 1].rel = DepRel::kPunct;
}

void RepairRelativeClauseTakenForComplement(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int k = 2; k + 2 < n; ++k) {
    if (!Is(w[k], "who") && !Is(w[k], "which")) continue;
    if (w[k - 1].form != "," || syntax::BaseRel(w[k].rel) != DepRel::kNsubj) continue;
    // The antecedent: the head of the name or noun before the comma.
    int antecedent = k - 2;
    while (w[antecedent].rel == DepRel::kFlat && w[antecedent].head >= 0 &&
           w[antecedent].head < antecedent) {
      antecedent = w[antecedent].head;
    }
    const Upos a = w[antecedent].upos;
    if (a != Upos::kNoun && a != Upos::kPropn) continue;
    // The relative clause's verb, hung from a later verb as its complement
    // or a clause beside it, its words ending at a comma before that verb.
    const int v = w[k].head;
    if (v <= k || w[v].rel == DepRel::kAclRelcl) continue;
    const DepRel rel = w[v].rel;
    if (rel != DepRel::kCcomp && rel != DepRel::kParataxis && rel != DepRel::kConj &&
        rel != DepRel::kAdvcl) {
      continue;
    }
    const int main = w[v].head;
    if (main <= v) continue;
    const int end = SubtreeEnd(w, v);
    if (w[end].form != "," || end + 1 > main) continue;
    w[v].head = antecedent;
    w[v].rel = DepRel::kAclRelcl;
    w[k - 1].head = v;
  }
}

void RepairConjunctionTakenForPreposition(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int p = 1; p + 2 < n; ++p) {
    if (w[p].rel != DepRel::kCase) continue;
    // A subordinating conjunction hung as a preposition ("while Mr Trump,
    // still in his first year, is battling ...") is one whatever its word.
    if (w[p].upos != Upos::kSconj &&
        (w[p].upos != Upos::kAdp || !IsPrepositionOpeningClause(w[p]))) {
      continue;
    }
    // "fell 4 percent after the carmaker cut ...": the noun after the
    // preposition, and the verb right after its phrase, whose subject the
    // parser took to be the noun before the preposition.
    const int noun = w[p].head;
    if (noun <= p) continue;
    const int end = SubtreeEnd(w, noun);
    int v = end + 1;
    // Past the comma closing an apposition the phrase opened with one, or
    // a part without a verb set off by commas after it, wherever the
    // parser hung that ("while Mr Trump, still in his first year, is").
    if (v < n && w[v].form == ",") {
      int close = v + 1;
      while (close < n && w[close].form != "," && w[close].upos != Upos::kVerb &&
             w[close].upos != Upos::kAux) {
        ++close;
      }
      const bool apposition_closes =
          std::any_of(w.begin() + noun, w.begin() + end,
                      [](const syntax::SyntaxWord& x) { return x.form == ","; });
      if (apposition_closes) {
        ++v;
      } else if (close < n && close > v + 1 && w[close].form == ",") {
        v = close + 1;
      }
    }
    while (v < n && w[v].upos == Upos::kAux && w[v].head > v) ++v;
    if (v >= n || w[v].upos != Upos::kVerb) continue;
    const int subject =
        FirstChild(w, v, [&](int k) { return syntax::BaseRel(w[k].rel) == DepRel::kNsubj; });
    if (subject < 0) {
      // "halted production after the utility told them ...": a verb with
      // no subject, hung from the verb whose phrases hold the noun.
      const int governor = w[v].head;
      if (!FiniteVerb(w, v) || governor < 0 || !InSubtree(w, noun, governor) ||
          w[governor].upos != Upos::kVerb) {
        continue;
      }
      const bool passive =
          FirstChild(w, v, [&](int k) { return w[k].rel == DepRel::kAuxPass; }) >= 0;
      w[noun].head = v;
      w[noun].rel = passive ? DepRel::kNsubjPass : DepRel::kNsubj;
      w[p].head = v;
      w[p].rel = DepRel::kMark;
      w[p].upos = Upos::kSconj;
      w[v].rel = DepRel::kAdvcl;
      continue;
    }
    if (subject >= p || !InSubtree(w, noun, subject)) continue;
    // The noun before the preposition measures the verb that governs the
    // clause ("fell 4 percent", "crashed minutes after").
    const int governor = w[v].head;
    if (!FiniteVerb(w, v) || governor < 0 || governor >= subject || w[governor].upos != Upos::kVerb) continue;
    w[noun].head = v;
    w[noun].rel = w[subject].rel;
    w[p].head = v;
    w[p].rel = DepRel::kMark;
    w[p].upos = Upos::kSconj;
    w[subject].head = governor;
    w[subject].rel = DepRel::kOblNpmod;
    w[v].rel = DepRel::kAdvcl;
  }
}

namespace {

// Whether the nouns before word k, the last of them plural, are the
// subject of the finite verb k: a plural present ("Shipping lines say") or
// a verb of saying, which a gerund clause cannot be the subject of
// ("Shipping lines said"; not "Raising taxes hurts growth").
bool PluralSubjectOfItsVerb(const Lexicon* lexicon, const syntax::SyntaxSentence& w, int k) {
  if (w[k - 1].xpos != "NNS" || w[k].upos != Upos::kVerb) return false;
  return w[k].xpos == "VBP" ||
         (w[k].xpos == "VBD" && lexicon != nullptr && lexicon->IsSpeechVerb(w[k].lemma));
}

}  // namespace

bool RetagOpeningModifier(const Lexicon* lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  if (n < 4 || w[0].upos != Upos::kVerb || (w[0].xpos != "VB" && w[0].xpos != "VBG")) {
    return false;
  }
  auto title_word = [&](int i) {
    return w[i].xpos == "NN" || w[i].xpos == "NNS" ||
           (lexicon != nullptr && w[i].xpos == "NNP" &&
            lexicon->IsTitleHead(absl::AsciiStrToLower(w[i].form)));
  };
  int k = 1;
  while (k < n && k <= 3 && title_word(k)) ++k;
  if (k < 2 || k >= n) return false;
  if (w[k].xpos != "NNP" && !PluralSubjectOfItsVerb(lexicon, w, k)) return false;
  bool finite_later = false;
  for (int i = k; i < n && !finite_later; ++i) {
    finite_later = w[i].upos == Upos::kVerb &&
                   (w[i].xpos == "VBD" || w[i].xpos == "VBZ" || w[i].xpos == "VBP");
  }
  if (!finite_later) return false;
  const bool gerund = w[0].xpos == "VBG";
  w[0].upos = gerund ? Upos::kNoun : Upos::kAdj;
  w[0].xpos = gerund ? "NN" : "JJ";
  w[0].lemma = absl::AsciiStrToLower(w[0].form);
  return true;
}

bool RetagInsideKnownNames(const entities::Gazetteer& gazetteer, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  auto capitalized = [&](int i) {
    return !w[i].form.empty() && absl::ascii_isupper(static_cast<unsigned char>(w[i].form[0]));
  };
  // Candidates first: the gazetteer is asked only for the few sentences
  // that have one.
  std::vector<int> candidates;
  for (int i = 1; i + 1 < n; ++i) {
    if ((w[i].upos == Upos::kVerb || w[i].upos == Upos::kAux) && !w[i].form.empty() &&
        absl::ascii_islower(static_cast<unsigned char>(w[i].form[0])) && capitalized(i - 1) &&
        capitalized(i + 1)) {
      candidates.push_back(i);
    }
  }
  if (candidates.empty()) return false;
  std::vector<std::string> forms;
  forms.reserve(w.size());
  for (const syntax::SyntaxWord& word : w) forms.push_back(word.form);
  entities::GazetteerHits hits;
  gazetteer.Annotate(forms, &hits);
  bool changed = false;
  for (int i : candidates) {
    const bool inside = std::any_of(hits[i].begin(), hits[i].end(), [](const auto& h) {
      return h.position == entities::SpanPosition::kInside;
    });
    if (!inside) continue;
    w[i].upos = Upos::kPropn;
    w[i].xpos = "NNP";
    w[i].lemma = w[i].form;
    changed = true;
  }
  return changed;
}

bool RetagThatAfterSaying(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  bool changed = false;
  // The verb of saying right before word i, or before up to two short
  // phrases: a noun phrase (its object: "told parliament that"), a
  // prepositional phrase ("said on Sunday that") or both ("told a news
  // conference on Sunday that"). A participle modifying the noun ("in a
  // televised address that") is part of its phrase.
  auto nominal = [&](const syntax::SyntaxWord& x) {
    return x.upos == Upos::kNoun || x.upos == Upos::kPropn || x.upos == Upos::kNum ||
           x.upos == Upos::kDet || x.upos == Upos::kAdj ||
           (x.upos == Upos::kVerb && x.rel == DepRel::kAmod);
  };
  auto after_saying = [&](int i) {
    int v = i - 1;
    for (int phrase = 0; phrase < 2; ++phrase) {
      const int end = v;
      while (v > 0 && end - v < 4 && nominal(w[v])) --v;
      if (v == end) break;
      if (w[v].upos != Upos::kAdp || v == 0) break;
      --v;
    }
    return w[v].upos == Upos::kVerb && lexicon.IsSpeechVerb(w[v].lemma);
  };
  for (int i = 1; i + 2 < n; ++i) {
    if (!Is(w[i], "that") || !after_saying(i)) continue;
    // Directly after the verb the tagger reads a determiner; after a
    // phrase, a relative pronoun, which needs a verb right after it
    // ("said on Sunday that Akilov had applied", not "the report that
    // said ...").
    const bool det = w[i].upos == Upos::kDet && w[i - 1].upos == Upos::kVerb;
    const bool relative = w[i].upos == Upos::kPron && w[i - 1].upos != Upos::kVerb &&
                          w[i + 1].upos != Upos::kVerb && w[i + 1].upos != Upos::kAux;
    if (!det && !relative) continue;
    bool finite = false;
    for (int k = i + 2; k < n && !finite && w[k].upos != Upos::kPunct; ++k) {
      finite = syntax::IsFiniteTag(w[k].xpos);
    }
    if (!finite) continue;
    w[i].upos = Upos::kSconj;
    w[i].xpos = "IN";
    changed = true;
  }
  return changed;
}

namespace {

// The speaker's phrase between a quotation closing at `close` and its verb
// of saying `verb` is the verb's subject, whatever the parser made of it
// ("the laboratory's director general, Rolf Heuer, told a packed
// auditorium": not the auditorium, which becomes the object).
void SpeakerIsSubject(int close, int verb, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  int speaker = -1;
  for (int k = close + 1; k < verb && speaker < 0; ++k) {
    const Upos u = w[k].upos;
    if ((u == Upos::kNoun || u == Upos::kPropn || u == Upos::kPron) &&
        (w[k].head <= close || w[k].head >= verb)) {
      speaker = k;
    }
  }
  if (speaker < 0 || (w[speaker].head == verb && w[speaker].rel == DepRel::kNsubj)) return;
  for (int k = verb + 1; k < n; ++k) {
    if (w[k].head == verb && w[k].rel == DepRel::kNsubj) w[k].rel = DepRel::kObj;
  }
  w[speaker].head = verb;
  w[speaker].rel = DepRel::kNsubj;
}

}  // namespace

void RepairQuoteThenSpeaker(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const std::optional<QuoteThenSpeaker> found = FindQuoteThenSpeaker(lexicon, w);
  if (!found) return;
  const int close = found->close, verb = found->verb;
  // The quotation's root: its word whose head lies outside it.
  int quoted = -1;
  for (int k = 1; k < close; ++k) {
    if (w[k].head < 1 || w[k].head >= close) {
      if (quoted >= 0) return;  // two roots: not one quoted clause
      quoted = k;
    }
  }
  if (quoted < 0) return;
  if (w[verb].head < 0 && w[quoted].head > close && w[quoted].head != verb) {
    // The verb is the root but the quotation hangs from a word of the
    // speaker's phrase ("a doctor at the hospital told": from "doctor").
    w[quoted].head = verb;
    w[quoted].rel = DepRel::kCcomp;
  } else if (w[quoted].head < 0 && w[verb].head >= 0 && w[verb].head <= close) {
    // The parser hung the verb on the quotation (its root or a quotation
    // mark) rather than the other way round.
    // What hung from the quotation's root after it now hangs from the verb
    // (the closing quotation mark, the final full stop).
    Reroot(verb, quoted, DepRel::kCcomp, close, words);
  }
  if (w[verb].head < 0 && w[quoted].head == verb) {
    // The quotation is what was said, though the parser took it for a
    // subject ('"The Malvinas are Argentine," President Galtieri told').
    if (w[quoted].rel != DepRel::kParataxis) w[quoted].rel = DepRel::kCcomp;
    SpeakerIsSubject(close, verb, words);
  }
}

void RepairFiniteVerbTakenForModifier(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  const int root = RootOf(w);
  if (root < 0) return;
  const Upos r = w[root].upos;
  if (r != Upos::kNoun && r != Upos::kNum && r != Upos::kPropn && r != Upos::kPron) return;
  if (FirstChild(w, root, [&](int k) { return w[k].rel == DepRel::kCop; }) >= 0) return;
  for (int v = root + 1; v < n; ++v) {
    if (w[v].upos != Upos::kVerb || w[v].rel != DepRel::kAcl ||
        (w[v].xpos != "VBD" && w[v].xpos != "VBZ" && w[v].xpos != "VBP") ||
        w[v - 1].form == "," || HasSubject(w, v) || !InSubtree(w, v, root) ||
        FirstChild(w, v, [&](int k) { return w[k].rel == DepRel::kMark; }) >= 0) {
      continue;
    }
    Reroot(v, root, DepRel::kNsubj, v, words);
    return;
  }
}

// The first finite verb after `v` hung from it whose subject is a noun with
// a preposition ("coming down from | the mountains had pushed"), which no
// subject has, or -1; that noun then hangs from `v` as an oblique.
int VerbAfterWithPrepositionalSubject(syntax::SyntaxSentence* words, int v) {
  syntax::SyntaxSentence& w = *words;
  const int later = FirstChild(w, v, [&](int k) {
    return k > v && w[k].upos == Upos::kVerb && FiniteVerb(w, k);
  });
  if (later < 0) return -1;
  const int subject = FirstChild(w, later, [&](int k) {
    return k < later && w[k].rel == DepRel::kNsubj &&
           FirstChild(w, k, [&](int c) { return w[c].rel == DepRel::kCase; }) >= 0;
  });
  if (subject < 0) return -1;
  w[subject].head = v;
  w[subject].rel = DepRel::kObl;
  return later;
}

void RepairReducedRelativeInComplement(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int v = 1; v < n; ++v) {
    const int u = w[v].head;
    if ((w[v].xpos != "VBN" && w[v].xpos != "VBG") || w[v].rel != DepRel::kCcomp || u < 0 ||
        u > v || FirstChild(w, v, [&](int k) { return w[k].rel == DepRel::kAux; }) >= 0) {
      continue;
    }
    const int subject = FirstChild(w, v, [&](int k) { return k < v && w[k].rel == DepRel::kNsubj; });
    if (subject < 0) continue;
    int later = w[v].xpos == "VBN" ? SubjectlessFiniteVerbAfter(w, u, v) : -1;
    if (later < 0 && w[v].xpos == "VBG") later = VerbAfterWithPrepositionalSubject(words, v);
    if (later < 0) continue;
    // Nouns coordinated with the participle belong to the subject
    // ("islanders expelled between 1967 and 1973 and their children").
    for (int k = v + 1; k < later; ++k) {
      if (w[k].head == v && w[k].rel == DepRel::kConj &&
          (w[k].upos == Upos::kNoun || w[k].upos == Upos::kPropn)) {
        w[k].head = subject;
      }
    }
    w[later].head = u;
    w[later].rel = DepRel::kCcomp;
    w[subject].head = later;
    w[subject].rel = DepRel::kNsubj;
    w[v].head = subject;
    w[v].rel = DepRel::kAcl;
    return;
  }
}

void RepairSpeakerTakenByALaterVerb(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int v = 1; v + 1 < n; ++v) {
    // Right after the quotation's end (its closing mark, with or without a
    // comma).
    const bool after_quotation = syntax::IsQuotationMark(w[v - 1].form) ||
                                 (v >= 2 && w[v - 1].form == "," &&
                                  syntax::IsQuotationMark(w[v - 2].form));
    if (!after_quotation || w[v].upos != Upos::kVerb ||
        (w[v].xpos != "VBD" && w[v].xpos != "VBZ") || !lexicon.IsSpeechVerb(w[v].lemma) ||
        HasSubject(w, v) ||
        FirstChild(w, v, [&](int k) { return k < v && w[k].rel == DepRel::kCcomp; }) < 0) {
      continue;
    }
    // The noun phrase right after the verb, up to its head.
    for (int h = v + 1; h < std::min(n, v + 5); ++h) {
      const Upos u = w[h].upos;
      if (u != Upos::kDet && u != Upos::kAdj && u != Upos::kNoun && u != Upos::kPropn &&
          u != Upos::kNum) {
        break;
      }
      // "said Elena Gutierrez, whose son disappeared in 1977", with the
      // name hung anywhere in the relative clause after it.
      const bool relative_after = h + 2 < n && w[h + 1].form == "," && IsRelativeWord(w[h + 2]);
      if (w[h].rel != DepRel::kNsubj && !relative_after) continue;
      const int later = w[h].head;
      bool one_phrase = later > v;
      for (int k = v + 1; k < h && one_phrase; ++k) one_phrase = InSubtree(w, k, h);
      if (one_phrase) {
        w[h].head = v;
        w[h].rel = DepRel::kNsubj;
        if (relative_after && later > h + 2) {
          w[later].head = h;
          w[later].rel = DepRel::kAclRelcl;
        }
      }
      break;
    }
  }
}

void RepairReportThenInvertedSaying(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  const int root = RootOf(w);
  if (root < 0) return;
  // The saying: a verb of saying in the past or present right after a
  // comma, hung from the report's root, with no subject before it.
  int v = root + 2;
  while (v < n && !(w[v - 1].form == "," && w[v].head == root && w[v].upos == Upos::kVerb &&
                    (w[v].xpos == "VBD" || w[v].xpos == "VBZ") &&
                    lexicon.IsSpeechVerb(w[v].lemma))) {
    ++v;
  }
  // Not "told": the phrase after it is whom it told.
  if (v >= n || w[v].lemma == "tell" ||
      FirstChild(w, v, [&](int k) { return k < v && w[k].rel == DepRel::kNsubj; }) >= 0) {
    return;
  }
  // The speaker stands before the verb, set off by commas, where the parser
  // hung it from the report ("S, the Paris prosecutor, Laure Beccuau,
  // said"): not this repair's.
  for (int h = v - 2; h >= 0 && h != root; h = w[h].head) {
    if (w[h].rel == DepRel::kParataxis || w[h].rel == DepRel::kAppos) return;
  }
  // The speaker: a noun phrase that runs to the end of the sentence (no
  // verb, no clause of its own: "said a librarian there", "added the
  // minister, Jane Doe").
  int speaker = -1;
  for (int k = v + 1; k < n; ++k) {
    // A relative clause after a comma ends the phrase ("said Stanley Pons,
    // the chairman of the department, who did the work with ...").
    if (speaker >= 0 && w[k].form == "," && k + 1 < n && IsRelativeWord(w[k + 1])) break;
    const Upos u = w[k].upos;
    if (u == Upos::kVerb || u == Upos::kAux || u == Upos::kSconj ||
        (u == Upos::kPart && w[k].xpos != "POS") || syntax::IsQuotationMark(w[k].form)) {
      return;
    }
    if (speaker >= 0 || (u != Upos::kNoun && u != Upos::kPropn && u != Upos::kPron)) continue;
    // The phrase's head noun: no noun above it in the phrase ("a librarian
    // there", parsed with "there" above "librarian").
    bool modifier = false;
    for (int h = w[k].head; h > v && h < n && !modifier; h = w[h].head) {
      modifier = w[h].upos == Upos::kNoun || w[h].upos == Upos::kPropn;
    }
    if (!modifier) speaker = k;
  }
  if (speaker < 0) return;
  // What the parser hung from the saying before it belongs to the report
  // ("gave off more heat than any reaction could explain, said ...").
  for (int k = root + 1; k < v - 1; ++k) {
    if (w[k].head == v) w[k].head = root;
  }
  Reroot(v, root, DepRel::kCcomp, v, words);
  w[v - 1].head = v;
  w[v - 1].rel = DepRel::kPunct;
  w[speaker].head = v;
  w[speaker].rel = DepRel::kNsubj;
}

bool RetagCloseTo(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  bool changed = false;
  for (int i = 1; i + 1 < n; ++i) {
    if (w[i].upos != Upos::kVerb || !absl::EqualsIgnoreCase(w[i].form, "close") ||
        !absl::EqualsIgnoreCase(w[i + 1].form, "to") ||
        (w[i - 1].upos != Upos::kNoun && w[i - 1].upos != Upos::kPron)) {
      continue;
    }
    bool verb_before = false, verb_later = false;
    for (int k = 0; k < i - 1; ++k) verb_before = verb_before || w[k].upos == Upos::kVerb;
    for (int k = i + 2; k < n && !verb_later; ++k) verb_later = w[k].upos == Upos::kVerb;
    if (verb_before || !verb_later) continue;
    w[i].upos = Upos::kAdj;
    w[i].xpos = "JJ";
    w[i].lemma = "close";
    changed = true;
  }
  return changed;
}

bool RetagAcronymAfterArticle(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  bool changed = false;
  for (size_t i = 1; i < w.size(); ++i) {
    const std::string& form = w[i].form;
    if (w[i].upos != Upos::kPron || form.size() < 2 || !Is(w[i - 1], "the") ||
        !std::all_of(form.begin(), form.end(),
                     [](char c) { return absl::ascii_isupper(static_cast<unsigned char>(c)); })) {
      continue;
    }
    w[i].upos = Upos::kPropn;
    w[i].xpos = "NNP";
    w[i].lemma = form;
    // "the WHO's programme": the possessive, not "who is".
    if (i + 1 < w.size() && (w[i + 1].form == "'s" || w[i + 1].form == "\xE2\x80\x99s")) {
      w[i + 1].upos = Upos::kPart;
      w[i + 1].xpos = "POS";
      w[i + 1].lemma = "'s";
    }
    changed = true;
  }
  return changed;
}

bool RetagReducedRelativeBeforeVerb(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  bool changed = false;
  for (int v = 1; v + 1 < n; ++v) {
    const int u = w[v].head;
    if (w[v].upos != Upos::kVerb || !RegularPast(w[v]) ||
        (w[v - 1].upos != Upos::kNoun && w[v - 1].upos != Upos::kPropn) ||
        (w[v + 1].upos != Upos::kAdp && w[v + 1].upos != Upos::kAdv) || u < 0 ||
        w[u].upos != Upos::kVerb || !syntax::IsFiniteTag(w[u].xpos) ||
        syntax::BaseRel(w[v].rel) != DepRel::kCcomp) {
      continue;
    }
    // Before its verb, that verb has a subject; after one (a saying before
    // both: "said islanders expelled between 1967 and 1973 ... hoped to
    // return"), a later finite verb of it has none.
    if (u > v ? HasSubject(w, u) : SubjectlessFiniteVerbAfter(w, u, v) < 0) continue;
    w[v].xpos = "VBN";
    changed = true;
  }
  return changed;
}

bool RetagGerundBeforeModal(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  constexpr int kMaxPhrase = 5;
  bool changed = false;
  for (int g = 1; g + 1 < n; ++g) {
    if (w[g].xpos != "VBG" || (w[g - 1].upos != Upos::kVerb && !Is(w[g - 1], "that"))) continue;
    // The modal right after, or after a prepositional phrase ("on
    // roads"); not after a subject of its own ("kept saying she would").
    int k = g + 1;
    if (w[k].upos == Upos::kAdp) {
      while (k < n && k - g <= kMaxPhrase && w[k].upos != Upos::kVerb &&
             w[k].upos != Upos::kAux && w[k].upos != Upos::kPunct &&
             w[k].upos != Upos::kPron) {
        ++k;
      }
    }
    if (k >= n || w[k].xpos != "MD") continue;
    w[g].upos = Upos::kNoun;
    w[g].xpos = "NN";
    w[g].lemma = absl::AsciiStrToLower(w[g].form);
    changed = true;
  }
  return changed;
}

bool RetagTitleHeadAsNoun(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  bool changed = false;
  for (int i = 1; i < n; ++i) {
    const Upos before = w[i - 1].upos;
    const Upos after = i + 1 < n ? w[i + 1].upos : Upos::kPunct;
    if (w[i].upos != Upos::kAdj || after == Upos::kNoun || after == Upos::kPropn ||
        after == Upos::kAdj || after == Upos::kNum ||
        (before != Upos::kAdj && before != Upos::kNoun && before != Upos::kDet &&
         before != Upos::kPart && w[i - 1].xpos != "PRP$")) {
      continue;
    }
    const std::string lower = absl::AsciiStrToLower(w[i].form);
    if (!lexicon.IsTitleHead(lower)) continue;
    w[i].upos = Upos::kNoun;
    w[i].xpos = "NN";
    w[i].lemma = lower;
    changed = true;
  }
  return changed;
}

namespace {

// The first verb of w[0, end), with no auxiliary before it, when the
// tagger made it a past participle right after a noun (its subject) and
// before a word that opens its object or a colon: the clause's verb in
// the past tense, not a modifier of the noun ("The selection followed
// rules laid down by ...", "A doctor told reporters: ..."); or -1.
int PastTaggedAsParticiple(const syntax::SyntaxSentence& w, int end) {
  int v = 0;
  while (v < end && w[v].upos != Upos::kVerb && w[v].upos != Upos::kAux) ++v;
  if (v < 1 || v + 1 >= end || w[v].upos != Upos::kVerb || w[v].xpos != "VBN") return -1;
  const Upos before = w[v - 1].upos, after = w[v + 1].upos;
  if (before != Upos::kNoun && before != Upos::kPropn) return -1;
  const bool opens = after == Upos::kNoun || after == Upos::kPron || after == Upos::kDet ||
                     after == Upos::kPropn || after == Upos::kAdj || after == Upos::kNum ||
                     w[v + 1].form == ":";
  return opens ? v : -1;
}

}  // namespace

bool RetagSayingAfterSubject(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int v = PastTaggedAsParticiple(w, static_cast<int>(w.size()));
  if (v < 0 || !lexicon.IsSpeechVerb(w[v].lemma)) return false;
  w[v].xpos = "VBD";
  return true;
}

void RepairComplementOfAddressee(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int c = 0; c < n; ++c) {
    const int h = w[c].head;
    if (h < 0 || h > c) continue;
    // After a colon the clause is what was said, however the parser hung it
    // on the noun ("told a news conference: \"We have ...\"", "said in a
    // broadcast to the nation: \"She was ...\"").
    bool colon = false;
    for (int k = h + 1; k < c && !colon; ++k) colon = w[k].form == ":" && w[k].head == c;
    const DepRel rel = w[c].rel;
    if (rel != DepRel::kCcomp &&
        !(colon && (rel == DepRel::kParataxis || rel == DepRel::kAclRelcl))) {
      continue;
    }
    const DepRel r = syntax::BaseRel(w[h].rel);
    const int v = w[h].head;
    if ((r != DepRel::kObj && r != DepRel::kIobj && !(colon && r == DepRel::kObl)) || v < 0 ||
        w[v].upos != Upos::kVerb || !lexicon.IsSpeechVerb(w[v].lemma)) {
      continue;
    }
    const bool own = std::any_of(w.begin(), w.end(), [&](const syntax::SyntaxWord& x) {
      return x.head == v && x.rel == DepRel::kCcomp;
    });
    if (own) continue;
    w[c].head = v;
    w[c].rel = DepRel::kCcomp;
  }
}

bool RetagVerbAfterModal(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  bool changed = false;
  constexpr int kMaxAdverbs = 3;
  for (int i = 1; i < n; ++i) {
    // The modal right before, or before adverbs ("could no longer").
    int m = i - 1;
    while (m > 0 && i - m <= kMaxAdverbs &&
           (w[m].upos == Upos::kAdv || w[m].upos == Upos::kPart)) {
      --m;
    }
    if (w[m].xpos != "MD" ||
        (w[i].upos != Upos::kAdv && w[i].upos != Upos::kAdj && w[i].upos != Upos::kNoun)) {
      continue;
    }
    const std::string lower = absl::AsciiStrToLower(w[i].form);
    bool inflected = false;
    if (lexicon.VerbLemma(lower, &inflected) != lower || inflected) continue;
    if (i + 1 < n && (w[i + 1].upos == Upos::kVerb || w[i + 1].upos == Upos::kAux)) continue;
    MakeVerb(&w[i], "VB", lower);
    changed = true;
  }
  return changed;
}

bool RetagParticipleAfterHave(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  bool changed = false;
  for (int i = 1; i + 1 < n; ++i) {
    if (w[i].upos != Upos::kNoun || w[i - 1].lemma != "have" ||
        !syntax::IsFiniteTag(w[i - 1].xpos)) {
      continue;
    }
    // A determiner, possessive or number after it opens the verb's object
    // ("had cost the economy", "has set a record"), as does a number after
    // a word that rounds it ("had cost about 380 billion yen"); a noun
    // would make the word a noun itself ("had cost overruns").
    const bool rounded_number = i + 2 < n &&
                                (w[i + 1].upos == Upos::kAdv || w[i + 1].upos == Upos::kAdp) &&
                                w[i + 2].upos == Upos::kNum;
    if (!OpensObject(w[i + 1]) && !rounded_number) continue;
    // Its form is a participle: the bare form of a verb whose participle
    // it is too ("cost", "set", "hit"), or an inflected one.
    const std::string lower = absl::AsciiStrToLower(w[i].form);
    bool inflected = false;
    const std::string lemma = lexicon.VerbLemma(lower, &inflected);
    const bool participle = absl::EndsWith(lower, "ed") || absl::EndsWith(lower, "en");
    if (lemma.empty() || (inflected && !participle)) continue;
    MakeVerb(&w[i], "VBN", lemma);
    changed = true;
  }
  return changed;
}

bool RetagVerbOfVerblessSentence(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  if (FiniteVerbBefore(w, n)) return false;
  for (int i = 2; i + 1 < n; ++i) {
    if (w[i].upos != Upos::kNoun) continue;
    // Its object or complement after it: a determiner, possessive, number,
    // adjective, adverb or "to" ("employs more than 100,000 people",
    // "plans to").
    const syntax::SyntaxWord& next = w[i + 1];
    if (!OpensObject(next) && next.upos != Upos::kAdj && next.upos != Upos::kAdv &&
        next.xpos != "TO") {
      continue;
    }
    const std::string lower = absl::AsciiStrToLower(w[i].form);
    bool inflected = false;
    const std::string lemma = lexicon.VerbLemma(lower, &inflected);
    if (lemma.empty() || !inflected || absl::EndsWith(lower, "ing")) continue;
    // A plural noun's "-s" is the present; any other inflected form
    // ("struck", "announced") the past.
    const bool present = w[i].xpos == "NNS";
    if (present != absl::EndsWith(lower, "s")) continue;
    MakeVerb(&w[i], present ? "VBZ" : "VBD", lemma);
    return true;
  }
  return false;
}

void RepairComplementAfterOblique(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  auto has_child = [&](int head, auto&& pred) {
    return FirstChild(w, head, [&](int k) { return pred(w[k]); }) >= 0;
  };
  auto that_mark = [](const syntax::SyntaxWord& x) {
    return x.rel == DepRel::kMark && absl::AsciiStrToLower(x.form) == "that";
  };
  // "told lawmakers after taking the oath that S": a "that"-clause hung on
  // an adverbial verb that has an object of its own and is no verb of
  // saying or belief ("taking the oath"), not "after learning that S".
  // Also as the adverbial verb's own adverbial, when "that" follows a noun
  // ("after winning the 200 metres on Thursday night that S"; not "so
  // that").
  auto that_after_noun = [&](int c) {
    const int that = FirstChild(w, c, [&](int k) { return that_mark(w[k]); });
    return that > 0 && (w[that - 1].upos == Upos::kNoun || w[that - 1].upos == Upos::kPropn);
  };
  auto in_adverbial = [&](int c) {
    const int adv = w[c].head;
    const bool complement =
        w[c].rel == DepRel::kCcomp || (w[c].rel == DepRel::kAdvcl && that_after_noun(c));
    if (!complement || adv < 0 || w[adv].rel != DepRel::kAdvcl ||
        lexicon.IsSpeechVerb(w[adv].lemma) ||
        lexicon.ModalityCue(Lexicon::CueAttachment::kEmbedding, w[adv].lemma)) {
      return false;
    }
    return has_child(c, that_mark) &&
           has_child(adv, [](const syntax::SyntaxWord& x) { return x.rel == DepRel::kObj; });
  };
  // "wrote on Facebook that S" with "that" hung on "Facebook" and S on
  // "that": the clause hangs below the saying's oblique; "that" is its mark.
  // Also further down an adverbial of a verb of saying ("denied in a video
  // posted online that S", "that" on "online"). The word right below the
  // saying, or -1.
  auto below_oblique = [&](int c) {
    const int that = w[c].head;
    if (w[c].rel != DepRel::kCcomp || that < 1 || that > c ||
        absl::AsciiStrToLower(w[that].form) != "that") {
      return -1;
    }
    const int obl = w[that].head;
    if (obl >= 0 && syntax::BaseRel(w[obl].rel) == DepRel::kObl) return obl;
    for (int up = obl, step = 0; up >= 0 && step < 3; up = w[up].head, ++step) {
      const int h = w[up].head;
      if (h >= 0 && w[h].upos == Upos::kVerb && lexicon.IsSpeechVerb(w[h].lemma)) {
        return w[up].rel == DepRel::kAdvcl ? up : -1;
      }
    }
    return -1;
  };
  // "told a news conference on Sunday that S": a "that"-clause hung on the
  // saying's addressee as the noun's own clause.
  auto on_addressee = [&](int c) {
    const int noun = w[c].head;
    return w[c].rel == DepRel::kAcl && noun >= 0 && w[noun].rel == DepRel::kIobj &&
           has_child(c, [&](const syntax::SyntaxWord& x) {
             return that_mark(x) && x.upos == Upos::kSconj;
           });
  };
  for (int c = 0; c < n; ++c) {
    if (w[c].upos != Upos::kVerb) continue;
    const bool addressee = on_addressee(c);
    const bool relative = w[c].rel == DepRel::kAclRelcl;
    const int below_saying = relative || addressee ? -1 : below_oblique(c);
    const bool below = below_saying >= 0;
    if (!relative && !below && !addressee && !in_adverbial(c)) continue;
    const int that = below ? w[c].head : -1;
    const int obl = below ? below_saying : w[c].head;
    if (obl < 0 || (relative && syntax::BaseRel(w[obl].rel) != DepRel::kObl &&
                    w[obl].rel != DepRel::kIobj)) {
      continue;
    }
    const int verb = w[obl].head;
    if (verb < 0 || w[verb].upos != Upos::kVerb || !lexicon.IsSpeechVerb(w[verb].lemma)) {
      continue;
    }
    // A relative clause has a relative word ("the day when/that ...") or a
    // gap for its head; a complement has its own subject and none of them.
    const bool own_subject = has_child(c, [](const syntax::SyntaxWord& x) {
      return syntax::BaseRel(x.rel) == DepRel::kNsubj;
    });
    const bool relative_word = relative && has_child(c, [](const syntax::SyntaxWord& x) {
      return x.xpos == "WDT" || x.xpos == "WRB" || x.xpos == "WP" || x.xpos == "WP$";
    });
    // A complement the verb has already, after this one and opened by a
    // conjunction ("..., and that S2"), is this one's conjunct; one without
    // a conjunction after a verb of saying is that verb's own ("told
    // reporters they had complained for years that S").
    int later = -1, inner = -1;
    bool complement = false;
    for (int k = 0; k < n; ++k) {
      if (w[k].head != verb || w[k].rel != DepRel::kCcomp) continue;
      const bool conjunct = k > c && has_child(k, [](const syntax::SyntaxWord& x) {
                              return x.rel == DepRel::kCc;
                            });
      if (conjunct && later < 0) {
        later = k;
      } else if (k > c && inner < 0 && lexicon.IsSpeechVerb(w[c].lemma)) {
        inner = k;
      } else {
        complement = true;
      }
    }
    if (!own_subject || relative_word || complement) continue;
    w[c].head = verb;
    w[c].rel = DepRel::kCcomp;
    if (later >= 0) {
      w[later].head = c;
      w[later].rel = DepRel::kConj;
    }
    if (inner >= 0) w[inner].head = c;
    if (that >= 0) {
      w[that].head = c;
      w[that].rel = DepRel::kMark;
      w[that].upos = Upos::kSconj;
    }
  }
}

void RepairContentTakenForSubject(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int v = 1; v < n; ++v) {
    if (w[v].upos != Upos::kVerb || !lexicon.IsSpeechVerb(w[v].lemma)) continue;
    std::vector<int> subjects;
    bool complement = false;
    for (int k = 0; k < n; ++k) {
      if (w[k].head != v) continue;
      if (syntax::BaseRel(w[k].rel) == DepRel::kNsubj && k < v) subjects.push_back(k);
      if (w[k].rel == DepRel::kCcomp) complement = true;
    }
    if (subjects.size() != 2 || complement) continue;
    const int content = subjects[0];
    bool clause = false, comma = false;
    for (int k = 0; k < n; ++k) {
      if (w[k].head == content &&
          (w[k].rel == DepRel::kCop || syntax::BaseRel(w[k].rel) == DepRel::kNsubj)) {
        clause = true;
      }
      if (k > content && k < subjects[1] && w[k].form == ",") comma = true;
    }
    if (clause && comma) w[content].rel = DepRel::kCcomp;
  }
}

void RepairReducedRelativeBeforeName(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int v = 2; v < n; ++v) {
    if (w[v].upos != Upos::kVerb || !lexicon.IsSpeechVerb(w[v].lemma)) continue;
    int name = -1;
    for (int k = 1; k < v; ++k) {
      if (w[k].head == v && w[k].rel == DepRel::kNsubj && w[k].upos == Upos::kPropn &&
          w[k - 1].upos == Upos::kNoun) {
        name = k;
      }
    }
    if (name < 0) continue;
    const int noun = name - 1;
    // The phrase the noun is in: a participle clause taken for the
    // complement, or the saying's other subject ("Witnesses quoted by the
    // agency | Interfax").
    int phrase = -1;
    for (int k = 0; k < noun; ++k) {
      if (w[k].head != v || !InSubtree(w, noun, k)) continue;
      if ((w[k].rel == DepRel::kCcomp && w[k].xpos == "VBN") || w[k].rel == DepRel::kNsubj) {
        phrase = k;
      }
    }
    // Or the participle taken for the sentence's root, with the saying
    // below it.
    const int governor = w[v].head;
    const bool under = phrase < 0 && governor >= 0 && governor < noun &&
                       w[governor].xpos == "VBN" && InSubtree(w, noun, governor);
    if (under) phrase = governor;
    if (phrase < 0) continue;
    if (w[phrase].rel == DepRel::kCcomp || under) {
      int subject = -1;
      for (int k = 0; k < phrase; ++k) {
        if (w[k].head == phrase && w[k].rel == DepRel::kNsubj) subject = k;
      }
      if (subject < 0 || w[subject].upos == Upos::kPron) continue;
      if (under) {
        w[v].head = w[phrase].head;
        w[v].rel = w[phrase].rel;
      }
      w[phrase].head = subject;
      w[phrase].rel = DepRel::kAcl;
      w[subject].head = v;
    }
    w[name].head = noun;
    w[name].rel = DepRel::kAppos;
  }
}

void RepairQuoteOfQuotedAsSaying(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  auto rel_is = [&](DepRel rel) {
    return [&w, rel](int k) { return w[k].rel == rel; };
  };
  for (int q = 0; q < static_cast<int>(w.size()); ++q) {
    if (w[q].lemma != "quote" && w[q].lemma != "cite") continue;
    if (FirstChild(w, q, rel_is(DepRel::kAuxPass)) < 0) continue;
    const int saying = FirstChild(w, q, [&](int k) {
      return w[k].rel == DepRel::kAdvcl && w[k].upos == Upos::kVerb &&
             lexicon.IsSpeechVerb(w[k].lemma) &&
             FirstChild(w, k, [&](int m) {
               return w[m].rel == DepRel::kMark && Is(w[m], "as");
             }) >= 0;
    });
    if (saying < 0 || FirstChild(w, saying, rel_is(DepRel::kCcomp)) >= 0) continue;
    // Or a clause before "quoted" hung on it as a modifier (the quotation
    // that opens the sentence).
    const int content = FirstChild(w, q, [&](int k) {
      return w[k].rel == DepRel::kCcomp ||
             (k < q && (w[k].rel == DepRel::kAdvcl || w[k].rel == DepRel::kParataxis));
    });
    if (content < 0) continue;
    w[content].head = saying;
    w[content].rel = DepRel::kCcomp;
  }
}

void RepairGerundHungOnOf(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int of = 0; of + 1 < n; ++of) {
    syntax::SyntaxWord& gerund = w[of + 1];
    const int h = w[of].head;
    if (!Is(w[of], "of") || gerund.head != of || gerund.upos != Upos::kVerb ||
        gerund.xpos != "VBG" || h < 0) {
      continue;
    }
    gerund.head = h;
    gerund.rel = w[h].upos == Upos::kVerb ? DepRel::kAdvcl : DepRel::kAcl;
    w[of].head = of + 1;
    w[of].rel = DepRel::kMark;
    w[of].upos = Upos::kSconj;
  }
}

void RepairParticipleAfterPrepositionalNoun(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int v = 2; v < n; ++v) {
    const int p = v - 1;
    if (w[v].upos != Upos::kVerb || w[v].xpos != "VBN" || w[v].head < 0 ||
        w[p].upos != Upos::kNoun || w[p].head != v || w[p].rel != DepRel::kObl) {
      continue;
    }
    bool preposition = false, own_subject = false;
    for (int k = 0; k < n; ++k) {
      if (w[k].head == p && k < p && w[k].rel == DepRel::kCase) preposition = true;
      if (w[k].head == v && (w[k].rel == DepRel::kNsubj || w[k].rel == DepRel::kNsubjPass ||
                             w[k].rel == DepRel::kAux || w[k].rel == DepRel::kAuxPass)) {
        own_subject = true;
      }
    }
    if (!preposition || own_subject) continue;
    w[p].head = w[v].head;
    w[p].rel = DepRel::kObl;
    w[v].head = p;
    w[v].rel = DepRel::kAcl;
  }
}

void RepairChildrenOfPunctuation(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int k = 0; k < n; ++k) {
    // Up a chain of punctuation, a few steps at most, never below itself.
    for (int step = 0; step < 4; ++step) {
      const int h = w[k].head;
      if (h < 0 || h >= n || w[h].upos != Upos::kPunct || w[h].head < 0 ||
          InSubtree(w, w[h].head, k)) {
        break;
      }
      w[k].head = w[h].head;
    }
  }
}

void RepairStateParticiple(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int v = 0; v < n; ++v) {
    // The passive participle ("is devastated") or, with no object, the
    // present one ("is devastating").
    const bool passive = w[v].xpos == "VBN";
    if ((!passive && w[v].xpos != "VBG") || !lexicon.IsPsychVerb(w[v].lemma)) continue;
    int be = -1;
    bool agent = false;
    for (int k = 0; k < n; ++k) {
      if (w[k].head != v) continue;
      if (w[k].rel == (passive ? DepRel::kAuxPass : DepRel::kAux) && w[k].lemma == "be") be = k;
      if (w[k].rel == DepRel::kOblAgent || w[k].rel == DepRel::kObj) agent = true;
    }
    if (be < 0 || agent) continue;
    w[v].upos = Upos::kAdj;
    w[v].xpos = "JJ";
    w[v].lemma = absl::AsciiStrToLower(w[v].form);
    w[be].rel = DepRel::kCop;
    w[be].upos = Upos::kAux;
    for (int k = 0; k < n; ++k) {
      if (w[k].head == v && w[k].rel == DepRel::kNsubjPass) w[k].rel = DepRel::kNsubj;
    }
  }
}

void RepairNamingComplement(const Lexicon& lexicon, syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  auto child = [&](int head, DepRel rel, int after) {
    for (int k = after + 1; k < n; ++k) {
      if (w[k].head == head && w[k].rel == rel) return k;
    }
    return -1;
  };
  auto predicative = [&](int k) {
    return k >= 0 && (w[k].upos == Upos::kNoun || w[k].upos == Upos::kPropn ||
                      w[k].upos == Upos::kAdj);
  };
  // An "as" phrase after the object, hung from the verb or the object.
  auto as_phrase = [&](int v, int o) {
    for (int k = o + 1; k < n; ++k) {
      if ((w[k].head != v && w[k].head != o) || !predicative(k)) continue;
      // "as" as a preposition, or as the conjunction of a small clause
      // ("described the vote as largely peaceful").
      for (const DepRel r : {DepRel::kCase, DepRel::kMark}) {
        const int c = child(k, r, o);
        if (c >= 0 && c < k && absl::AsciiStrToLower(w[c].form) == "as") return k;
      }
    }
    return -1;
  };
  for (int v = 0; v < n; ++v) {
    if (w[v].upos != Upos::kVerb ||
        !lexicon.ModalityCue(Lexicon::CueAttachment::kNaming, w[v].lemma)) {
      continue;
    }
    int o = child(v, DepRel::kObj, v);
    int x = child(v, DepRel::kXcomp, v);
    if (o < 0 && x >= 0 && (w[x].upos == Upos::kNoun || w[x].upos == Upos::kPropn)) {
      // "called [the shooting]xcomp [an attack]obj-of-shooting".
      if (const int y = child(x, DepRel::kObj, x); predicative(y)) {
        w[x].rel = DepRel::kObj;
        o = x;
        x = -1;
      }
    }
    // "called the | killing a barbaric attack": the determiner taken for
    // the object, the gerund it opens for a modifier of it.
    if (o >= 0 && w[o].upos == Upos::kDet && o + 1 < n && w[o + 1].head == o &&
        w[o + 1].xpos == "VBG") {
      const int g = o + 1;
      for (int k = 0; k < n; ++k) {
        if (w[k].head == o && k != g) w[k].head = g;
      }
      w[g].head = v;
      w[g].rel = DepRel::kObj;
      w[o].head = g;
      w[o].rel = DepRel::kDet;
      o = g;
    }
    // "called the judges \"wakora\", a Swahili word for crooks": an xcomp
    // set off by a comma after the object is an apposition of the
    // complement the parser left under the object.
    int set_off = -1;
    if (o >= 0 && x > o && SubtreeStartAfterComma(w, x) > o) std::swap(set_off, x);
    if (o < 0 || x >= 0) continue;
    // "called the plan | a disaster" read as the plan's object, modifier
    // without a preposition ("the vault | a Noah's Ark"), conjunct without
    // a conjunction or apposition with no comma, or the verb's unmarked oblique;
    // or "called the arrival of the forces | an occupation" read as a
    // relative clause of a noun inside the object: a noun with "a" or
    // "an" and no subject or verb of its own.
    auto indefinite_noun = [&](int k) {
      const int d = child(k, DepRel::kDet, -1);
      return w[k].upos == Upos::kNoun && d >= 0 && d < k &&
             (w[d].lemma == "a" || absl::AsciiStrToLower(w[d].form) == "an") &&
             child(k, DepRel::kNsubj, -1) < 0 && child(k, DepRel::kCop, -1) < 0;
    };
    int y = -1;
    bool comma = false;
    for (int k = o + 1; k < n && y < 0; ++k) {
      const DepRel r = w[k].rel;
      // Quotation marks set nothing off ("called the deal \"a victory\"").
      comma = comma || (w[k].upos == Upos::kPunct && w[k].form != "\"" && w[k].xpos != "``" &&
                        w[k].xpos != "''");
      if (predicative(k) &&
          ((w[k].head == o && (r == DepRel::kObj || r == DepRel::kNmodUnmarked ||
                               (r == DepRel::kNmod && child(k, DepRel::kCase, -1) < 0) ||
                               (r == DepRel::kConj && child(k, DepRel::kCc, -1) < 0 && !comma) ||
                               (r == DepRel::kAppos && !comma))) ||
           (w[k].head == v && r == DepRel::kOblUnmarked) ||
           (r == DepRel::kAclRelcl && !comma && InSubtree(w, k, o) && indefinite_noun(k)))) {
        y = k;
      }
    }
    if (y < 0) y = as_phrase(v, o);
    if (y < 0) continue;
    w[y].head = v;
    w[y].rel = DepRel::kXcomp;
    if (set_off > y) {
      w[set_off].head = y;
      w[set_off].rel = DepRel::kAppos;
    }
    // "..., though they noted delays": a clause after a comma qualifies the
    // naming, not what the thing is named.
    for (int k = y + 1; k < n; ++k) {
      if (w[k].head == y && w[k].rel == DepRel::kAdvcl && SubtreeStartAfterComma(w, k) > y) {
        w[k].head = v;
      }
    }
    if (w[o].xpos == "VBG" && child(o, DepRel::kDet, -1) >= 0) {
      w[o].upos = Upos::kNoun;
      w[o].xpos = "NN";
    }
  }
}

namespace {

// The word a name's word hangs from by flat or compound links, at most
// four steps and only to words before `limit`: "Peter" of "Mutharika" in
// "President Peter Mutharika".
int NameHead(const syntax::SyntaxSentence& w, int word, int limit) {
  for (int step = 0; step < 4 && w[word].head >= 0 && w[word].head < limit &&
                     (syntax::BaseRel(w[word].rel) == DepRel::kFlat ||
                      syntax::BaseRel(w[word].rel) == DepRel::kCompound);
       ++step) {
    word = w[word].head;
  }
  return word;
}

// Where a sentence is interrupted (FindInterruption).
struct Interruption {
  int open = -1;   // the opening comma
  int close = -1;  // the closing comma
  syntax::DepRel rel = syntax::DepRel::kAclRelcl;  // of the part to its antecedent
};

// True when words i and i + 2 are commas around a person's age: a number
// of at most three digits, not above 130.
bool IsAgeBetweenCommas(const syntax::SyntaxSentence& w, int i) {
  if (i + 3 >= static_cast<int>(w.size()) || w[i].form != "," || w[i + 2].form != ",") {
    return false;
  }
  const std::string& age = w[i + 1].form;
  int value = 0;
  return w[i + 1].upos == Upos::kNum && age.size() <= 3 && absl::SimpleAtoi(age, &value) &&
         value > 0 && value <= 130;
}

// The part after comma `open` that follows a noun, up to the next comma.
struct CommaPart {
  int open = -1;
  int close = -1;       // the next comma, or the sentence's length
  int antecedent = -1;  // the noun before (the head of its name)
  int first = -1;       // the part's first word past an adverb
  bool relative = false;    // "who", "whose", "which"
  bool apposition = false;  // "a", "an", "the"
  bool named = false;       // a proper noun
  bool participle = false;  // a participle, or a regular past
  // The parse already has the antecedent as the subject of the verb after.
  bool subject_of_verb = false;
};

// Sets the part's antecedent and whether the parse already makes it the
// subject of the verb right after the part.
void SetAntecedent(const syntax::SyntaxSentence& w, int antecedent, CommaPart* part) {
  part->antecedent = antecedent;
  part->subject_of_verb = w[antecedent].head == part->close + 1 &&
                          syntax::BaseRel(w[antecedent].rel) == DepRel::kNsubj;
}

CommaPart ReadCommaPart(const syntax::SyntaxSentence& w, int i) {
  const int n = static_cast<int>(w.size());
  CommaPart part;
  part.open = i;
  part.relative = IsRelativeWord(w[i + 1]);
  part.apposition = Is(w[i + 1], "a") || Is(w[i + 1], "an") || Is(w[i + 1], "the");
  part.named = w[i + 1].upos == Upos::kPropn;
  // A reduced relative ("the cost of the project, now estimated at 700
  // million pounds, could keep rising"), also where the tagger read a
  // regular participle as the past tense ("the Act, invoked on Friday,
  // would remain").
  part.first = w[i + 1].upos == Upos::kAdv ? i + 2 : i + 1;
  const syntax::SyntaxWord& f = w[part.first];
  part.participle =
      f.upos == Upos::kVerb && (f.xpos == "VBN" || f.xpos == "VBG" || RegularPast(f));
  part.close = i + 2;
  while (part.close < n && w[part.close].form != ",") ++part.close;
  // A relative clause holds a verb: the commas of an apposition inside it
  // ("whose father, Patrick, was shot in the back,") do not close it.
  auto has_verb = [&](int to) {
    for (int k = i + 2; k < to && k < n; ++k) {
      if (w[k].upos == Upos::kVerb || w[k].upos == Upos::kAux) return true;
    }
    return false;
  };
  while (part.relative && part.close < n && !has_verb(part.close)) {
    ++part.close;
    while (part.close < n && w[part.close].form != ",") ++part.close;
  }
  SetAntecedent(w, NameHead(w, i - 1, n), &part);
  return part;
}

// "Mr Mubarak, 84, had suffered ...": the age between commas i and i + 2
// modifies the noun, which the parser, misled by the number, hangs
// elsewhere.
bool AgeInterruption(const syntax::SyntaxSentence& w, int i, Interruption* out) {
  const int antecedent = NameHead(w, i - 1, static_cast<int>(w.size()));
  if (w[antecedent].head == i + 3 && syntax::BaseRel(w[antecedent].rel) == DepRel::kNsubj) {
    return false;
  }
  if (!syntax::IsFiniteTag(w[i + 3].xpos)) return false;
  *out = {i, i + 2, syntax::DepRel::kAmod};
  return true;
}

// Whether the phrase that noun `noun` ends opens the sentence or a clause
// ("and its operator", "after the utility"; "after" and the like may be
// tagged prepositions), rather than lying inside another phrase ("the
// inspector-general of police", "assisting the coroner").
bool OpensClause(const syntax::SyntaxSentence& w, int noun) {
  int phrase = noun;
  while (phrase > 0 && (w[phrase - 1].upos == Upos::kDet || w[phrase - 1].upos == Upos::kAdj ||
                        w[phrase - 1].upos == Upos::kNoun || w[phrase - 1].xpos == "PRP$")) {
    --phrase;
  }
  if (phrase == 0) return true;
  const syntax::SyntaxWord& before = w[phrase - 1];
  return before.form == "," || before.upos == Upos::kCconj || before.upos == Upos::kSconj ||
         IsPrepositionOpeningClause(before);
}

// "and its operator, Fraport, confirmed that ...": a name (proper nouns
// only, one word or more) in apposition to a common noun that opens a
// clause, before a finite verb the parse did not give the noun to.
bool NamedApposition(const syntax::SyntaxSentence& w, const CommaPart& part,
                     Interruption* out) {
  const int i = part.open;
  const int j = part.close;
  if (!part.named || w[i - 1].upos != Upos::kNoun || j + 1 >= static_cast<int>(w.size()) ||
      !OpensClause(w, i - 1) ||
      !std::all_of(w.begin() + i + 1, w.begin() + j,
                   [](const syntax::SyntaxWord& x) { return x.upos == Upos::kPropn; }) ||
      !syntax::IsFiniteTag(w[j + 1].xpos) ||
      (w[i - 1].head == j + 1 && syntax::BaseRel(w[i - 1].rel) == DepRel::kNsubj)) {
    return false;
  }
  *out = {i, j, syntax::DepRel::kAppos};
  return true;
}

// What OfPhraseAfterPart found.
enum class OfPhrase { kNoOf, kInterruption, kNone };

// "accused the opposition, which controls parliament, of paralysing ...":
// the object's "of" phrase after the part, which the parser hung inside
// it. kNone: an "of" phrase that is no such case ends the search.
OfPhrase OfPhraseAfterPart(const syntax::SyntaxSentence& w, const CommaPart& part,
                           Interruption* out) {
  const int j = part.close;
  if (!Is(w[j + 1], "of")) return OfPhrase::kNoOf;
  const int phrase = w[j + 1].head;
  const DepRel r = syntax::BaseRel(w[part.antecedent].rel);
  const int verb = w[part.antecedent].head;
  if ((r != DepRel::kObj && r != DepRel::kIobj) || verb < 0 || w[verb].upos != Upos::kVerb ||
      phrase <= j + 1 || w[phrase].head <= part.open || w[phrase].head >= j) {
    return OfPhrase::kNone;
  }
  *out = {part.open, j, part.relative ? syntax::DepRel::kAclRelcl : syntax::DepRel::kAppos};
  return OfPhrase::kInterruption;
}

// A participle's part, only before the subject's finite verb, which the
// parser did not give the noun to: the participle, then, is no main verb.
// Not after a name in apposition ("A girl, Omayra Sanchez, trapped in mud,
// is said"; "A group, National Thowheeth Jama'ath, carried out the
// attacks, said ..."), whose commas the part's would confuse, nor, for a
// verb read as the past tense, before a saying (a postposed speaker's). A
// verb of saying read as a participle after the part ("President Salva
// Kiir, wearing military fatigues, claimed ...") is the sentence's finite
// verb when none comes before it.
bool ParticiplePart(const Lexicon* lexicon, syntax::SyntaxSentence* words,
                    const CommaPart& part, Interruption* out) {
  syntax::SyntaxSentence& w = *words;
  const int i = part.open;
  const int j = part.close;
  const bool past = w[part.first].xpos == "VBD";
  const bool saying_participle = w[j + 1].xpos == "VBN" && lexicon != nullptr &&
                                 lexicon->IsSpeechVerb(w[j + 1].lemma) &&
                                 !FiniteVerbBefore(w, j + 1);
  int name_start = i - 1;
  while (name_start > 0 && w[name_start - 1].upos == Upos::kPropn) --name_start;
  const bool apposition_after_comma = syntax::BaseRel(w[part.antecedent].rel) == DepRel::kAppos &&
                                      name_start > 0 && w[name_start - 1].form == ",";
  // A present participle's part is left to the parser unless the tagger
  // misread the verb after it.
  const bool gerund = w[part.first].xpos == "VBG";
  if ((!saying_participle && (gerund || !syntax::IsFiniteTag(w[j + 1].xpos))) ||
      part.subject_of_verb || apposition_after_comma ||
      (past && (lexicon == nullptr || lexicon->IsSpeechVerb(w[j + 1].lemma)))) {
    return false;
  }
  if (saying_participle) w[j + 1].xpos = "VBD";
  if (past) w[part.first].xpos = "VBN";
  *out = {i, j, syntax::DepRel::kAcl};
  return true;
}

// A relative clause or an apposition before a finite verb, or before a
// verb of saying the tagger took for a participle (retagged finite),
// unless the parse already has the noun as that verb's subject.
bool RelativeOrAppositionPart(const Lexicon* lexicon, syntax::SyntaxSentence* words,
                              const CommaPart& part, Interruption* out) {
  syntax::SyntaxWord& verb = (*words)[static_cast<size_t>(part.close + 1)];
  const bool finite = syntax::IsFiniteTag(verb.xpos);
  const bool saying_participle =
      verb.xpos == "VBN" && lexicon != nullptr && lexicon->IsSpeechVerb(verb.lemma);
  // A saying read as a participle makes its subject a passive's, which is
  // no reading of the sentence: the part is parsed apart all the same.
  if ((!finite && !saying_participle) || (part.subject_of_verb && !saying_participle)) {
    return false;
  }
  if (saying_participle) verb.xpos = "VBD";
  *out = {part.open, part.close,
          part.relative ? syntax::DepRel::kAclRelcl : syntax::DepRel::kAppos};
  return true;
}

// "Letsile Tebogo, 21, whose mother died in May, told reporters ...": a
// relative clause right after an age between commas i and i + 2 is an
// interruption of its own, whose antecedent is the name before the age.
bool AgeThenRelativePart(const Lexicon* lexicon, syntax::SyntaxSentence* words, int i,
                         Interruption* out) {
  const syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  if (i + 4 >= n || !IsRelativeWord(w[i + 3])) return false;
  CommaPart part = ReadCommaPart(w, i + 2);
  if (part.close + 1 >= n) return false;
  SetAntecedent(w, NameHead(w, i - 1, n), &part);
  return RelativeOrAppositionPart(lexicon, words, part, out);
}

// The clause or apposition between commas that interrupts a sentence
// between its subject and its verb ("Alexievich, whose books have not been
// published ..., said she would ...", "Ramon Fonseca, a founding partner of
// the firm, denied ..."): found when a tagged sentence has, after a noun, a
// comma and "who"/"whose"/"which" (a relative clause) or "a"/"an"/"the" (an
// apposition), a comma later, and right after that comma a finite verb, or
// a verb of saying (`lexicon`, may be null) that the tagger took for a past
// participle ("denied"), which is then retagged finite; unless the parse
// already makes the noun that verb's subject (of a finite verb: a saying
// read as a participle made a passive's subject is no reading). Also, after a verb's object,
// a relative clause or an apposition (which may open with a name) followed
// by "of" ("accused the opposition, which controls parliament, of
// paralysing ..."), when the parser hung the "of" phrase inside the part.
// A participle's part also ends before a verb of saying the tagger read as
// a participle when no finite verb comes before it ("President Salva Kiir,
// wearing military fatigues, claimed ..."), and a person's age between
// commas is a part ("Mr Mubarak, 84, had suffered ..."), and so is a name
// in apposition to a common noun that opens a clause ("and its operator,
// Fraport, confirmed ...").
bool FindInterruption(const Lexicon* lexicon, syntax::SyntaxSentence* words, Interruption* out) {
  const syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int i = 1; i + 3 < n; ++i) {
    if (w[i].form != "," || (w[i - 1].upos != Upos::kNoun && w[i - 1].upos != Upos::kPropn)) {
      continue;
    }
    if (IsAgeBetweenCommas(w, i)) {
      if (AgeInterruption(w, i, out)) return true;
      if (AgeThenRelativePart(lexicon, words, i, out)) return true;
      continue;
    }
    const CommaPart part = ReadCommaPart(w, i);
    if (!part.relative && !part.apposition && !part.named && !part.participle) continue;
    if (NamedApposition(w, part, out)) return true;
    if (part.close + 1 >= n || part.close - i < 3) {
      if (part.relative || part.apposition) return false;
      continue;
    }
    switch (OfPhraseAfterPart(w, part, out)) {
      case OfPhrase::kInterruption:
        return true;
      case OfPhrase::kNone:
        return false;
      case OfPhrase::kNoOf:
        break;
    }
    if (part.participle) {
      if (ParticiplePart(lexicon, words, part, out)) return true;
      continue;
    }
    if (!part.relative && !part.apposition) continue;
    return RelativeOrAppositionPart(lexicon, words, part, out);
  }
  return false;
}

// Copies the parse of `part`, words [offset, offset + part.size()) of
// `w` parsed apart, into `w`: its root hangs from `root_head` as
// `root_rel`, the other words keep their heads, shifted by `offset`.
void SpliceParse(const syntax::SyntaxSentence& part, int offset, int root_head, DepRel root_rel,
                 syntax::SyntaxSentence* w) {
  for (size_t k = 0; k < part.size(); ++k) {
    syntax::SyntaxWord& x = (*w)[k + static_cast<size_t>(offset)];
    x.head = part[k].head < 0 ? root_head : part[k].head + offset;
    x.rel = part[k].head < 0 ? root_rel : part[k].rel;
  }
}

// "\"We are ready,\" the German chancellor told reporters." with the verb
// of saying hung from a word after the quotation ("told" as a modifier of
// "reporters"), which no reattachment mends: the quotation and the
// speaker's clause are parsed apart, and the quotation's root becomes the
// verb's complement. Nothing changes unless the speaker's part parses with
// the verb as its root.
void ParseQuoteApart(const syntax::DependencyParser& parser, const Lexicon& lexicon,
                     syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const std::optional<QuoteThenSpeaker> found = FindQuoteThenSpeaker(lexicon, w);
  if (!found || w[found->verb].head < 0) return;
  const int close = found->close;
  syntax::SyntaxSentence quote(w.begin() + 1, w.begin() + close);
  syntax::SyntaxSentence speaker(w.begin() + close + 1, w.end());
  // Tags and lemmas stay those of the whole sentence; only the parse is
  // redone.
  parser.Parse(&quote);
  parser.Parse(&speaker);
  const int quote_root = RootOf(quote);
  if (quote_root < 0 || RootOf(speaker) != found->verb - close - 1) return;
  SpliceParse(quote, 1, found->verb, DepRel::kCcomp, &w);
  SpliceParse(speaker, close + 1, -1, DepRel::kRoot, &w);
  for (int mark : {0, close}) {
    w[mark].head = quote_root + 1;
    w[mark].rel = DepRel::kPunct;
  }
}

// True when the clause's root has a subject before it and no finite verb
// of another clause stands between them: a clause that parsed as one
// ("the number of dead could reach 18,000, given the number of districts
// destroyed" parsed with "destroyed" as its root is no such clause).
bool SubjectThenRoot(const syntax::SyntaxSentence& c, int root) {
  int subject = -1;
  for (int k = 0; k < root; ++k) {
    const DepRel r = c[k].rel;
    if (c[k].head == root && (r == DepRel::kNsubj || r == DepRel::kNsubjPass || r == DepRel::kExpl)) {
      subject = k;
      break;
    }
  }
  if (subject < 0) return false;
  for (int k = subject + 1; k < root; ++k) {
    if (c[k].head != root && syntax::IsFiniteTag(c[k].xpos)) return false;
  }
  return true;
}

// Tries ParseReportApart's split of `w` into the report before `comma` and
// the speaker's clause after it, whose verb of saying is `v`; true when
// the parse was replaced. A speaker in `apposition` spans commas, so a
// subject of the saying before `comma` may be the speaker's own.
bool SpliceReportApart(const syntax::DependencyParser& parser, int comma, int v, bool apposition,
                       syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  bool subject_from_report = false, subject = false;
  for (size_t k = 0; k < w.size(); ++k) {
    const DepRel r = syntax::BaseRel(w[k].rel);
    const bool is_subject = w[k].head == v && (r == DepRel::kNsubj || r == DepRel::kNsubjPass);
    subject = subject || is_subject;
    subject_from_report =
        subject_from_report || (!apposition && is_subject && static_cast<int>(k) < comma);
  }
  // Or the saying hangs below the report's root ("voted against, the
  // returning officer announced" with "announced" a modifier of "officer"),
  // or has no subject ("S, his coach, Onni Niskanen, said" with "coach" a
  // modifier in S).
  const int root = RootOf(w);
  if (!subject_from_report && subject && !(w[v].head >= 0 && root >= 0 && root < comma)) {
    return false;
  }
  syntax::SyntaxSentence report(w.begin(), w.begin() + comma);
  syntax::SyntaxSentence speaker(w.begin() + comma + 1, w.end());
  // A report is a clause: its first verb is finite.
  if (const int past = PastTaggedAsParticiple(report, comma); past >= 0) {
    report[static_cast<size_t>(past)].xpos = "VBD";
  }
  // The saying ends the speaker's clause: it is finite ("the chief of the
  // army staff, General Waker-Uz-Zaman, announced" tagged as a participle).
  syntax::SyntaxWord& verb = speaker[static_cast<size_t>(v - comma - 1)];
  if (verb.xpos == "VBN") verb.xpos = "VBD";
  parser.Parse(&report);
  parser.Parse(&speaker);
  const int report_root = RootOf(report);
  const int speaker_root = RootOf(speaker);
  if (report_root < 0 || !SubjectThenRoot(report, report_root) || speaker_root != v - comma - 1) {
    return false;
  }
  // One subject, the speaker's first noun phrase, and no complement after
  // the verb: the report before the comma is what was said.
  int subjects = 0;
  for (size_t k = 0; k < speaker.size(); ++k) {
    if (speaker[k].head != speaker_root) continue;
    const DepRel r = syntax::BaseRel(speaker[k].rel);
    if (r == DepRel::kNsubj) ++subjects;
    if (r == DepRel::kCcomp && static_cast<int>(k) > speaker_root) return false;
  }
  if (subjects != 1) return false;
  for (int k = 0; k < comma; ++k) w[k].xpos = report[static_cast<size_t>(k)].xpos;
  w[v].xpos = verb.xpos;
  SpliceParse(report, 0, v, DepRel::kCcomp, &w);
  SpliceParse(speaker, comma + 1, -1, DepRel::kRoot, &w);
  w[comma].head = report_root;
  w[comma].rel = DepRel::kPunct;
  return true;
}

// "S, the official Xinhua news agency said." parsed with S's subject as a
// subject of the saying too (S's verb read as a modifier): the words
// before the last comma and the speaker's clause after it (a short noun
// phrase, then a verb of saying in `lexicon`) are parsed apart, and S's
// root becomes the saying's complement. A speaker named in apposition
// ("S, the deputy prime minister who led the talks, Mieczyslaw Jagielski,
// told reporters") spans commas: the verb of saying right after a comma
// is split off at the first comma before it that opens a noun phrase and
// gives a speaker's clause parsing as one. Nothing changes unless the
// saying took a subject from S, hangs below S or has no subject, S parses
// with a subject before its root, and the speaker's clause parses with
// the verb as its root and one subject.
void ParseReportApart(const syntax::DependencyParser& parser, const Lexicon& lexicon,
                      syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  // Not a report that opens with a clause for its subject ("Whether S
  // remains an open question, analysts noted"), which parses no better
  // alone.
  if (n < 5 || w[0].upos == Upos::kSconj) return;
  auto saying = [&](int v) {
    return v < n && w[v].upos == Upos::kVerb && lexicon.IsSpeechVerb(w[v].lemma);
  };
  auto nominal = [&](const syntax::SyntaxWord& x) {
    return x.upos == Upos::kDet || x.upos == Upos::kAdj || x.upos == Upos::kNoun ||
           x.upos == Upos::kPropn || x.upos == Upos::kNum || x.upos == Upos::kPart;
  };
  // The speaker: a short noun phrase right after a comma, then the verb;
  // the last such comma.
  for (int k = n - 2; k >= 3; --k) {
    if (w[k].form != ",") continue;
    int v = k + 1;
    while (v < n && v - k <= 8 && nominal(w[v])) ++v;
    if (v > k + 1 && saying(v)) {
      SpliceReportApart(parser, k, v, /*apposition=*/false, words);
      return;
    }
  }
  // The speaker in apposition: the last verb of saying right after a
  // comma. Not after a quotation, whose commas are its own (ParseQuoteApart
  // splits a quotation from its speaker).
  if (std::any_of(w.begin(), w.end(), [](const syntax::SyntaxWord& x) {
        return syntax::IsQuotationMark(x.form);
      })) {
    return;
  }
  int v = -1;
  for (int k = n - 1; k >= 4 && v < 0; --k) {
    if (saying(k) && w[k - 1].form == ",") v = k;
  }
  if (v < 0) return;
  for (int k = 2; k + 2 < v - 1; ++k) {
    const bool opens = nominal(w[k + 1]) || w[k + 1].xpos == "PRP$";
    if (w[k].form == "," && opens && SpliceReportApart(parser, k, v, /*apposition=*/true, words)) {
      return;
    }
  }
}

// "The regulator said it was in close contact with the bank, and Nicky
// Morgan, who chairs the committee, called on Mr Pester to explain": after
// a verb of saying with its complement come ", and" (or ", but") and a
// clause of its own whose verb (the first outside commas) is a verb of
// saying, an act of its own, which the parser tends to take into the
// report ("..., but it did not mention recognition" too). The two clauses
// are parsed apart and the second's root becomes the first's conjunct.
// Nothing changes inside a quotation, nor unless the first part's root is
// a verb of saying with a complement and the second parses with that verb
// as its root, with a subject before it.
void ParseSecondSayingApart(const syntax::DependencyParser& parser, const Lexicon& lexicon,
                            syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  // Quotation marks before word k (the first may open the sentence).
  int quotation_marks = n > 0 && syntax::IsQuotationMark(w[0].form);
  for (int k = 2; k + 3 < n; ++k) {
    quotation_marks += syntax::IsQuotationMark(w[k - 1].form);
    if (w[k].form != "," || w[k + 1].upos != Upos::kCconj || quotation_marks % 2 == 1) continue;
    // The second clause's verb of saying: the first verb after the
    // conjunction outside commas (a relative clause or an apposition of
    // its subject may come between).
    int v = -1, commas = 0;
    for (int j = k + 2; j < n && v < 0; ++j) {
      if (w[j].form == ",") ++commas;
      if (commas % 2 == 0 && w[j].upos == Upos::kVerb) v = j;
    }
    if (v < 0 || !lexicon.IsSpeechVerb(w[v].lemma)) continue;
    syntax::SyntaxSentence first(w.begin(), w.begin() + k);
    syntax::SyntaxSentence second(w.begin() + k + 2, w.end());
    parser.Parse(&first);
    parser.Parse(&second);
    // Its subject's relative clause or apposition, as in a whole sentence.
    if (Interruption part; FindInterruption(&lexicon, &second, &part)) {
      ParseAroundInterruption(parser, part.open, part.close, part.rel, &second);
    }
    const int first_root = RootOf(first);
    const int second_root = RootOf(second);
    if (first_root < 0 || !lexicon.IsSpeechVerb(first[first_root].lemma) ||
        FirstChild(first, first_root, [&](int c) { return first[c].rel == DepRel::kCcomp; }) < 0 ||
        second_root != v - k - 2 ||
        FirstChild(second, second_root, [&](int c) {
          return c < second_root && syntax::BaseRel(second[c].rel) == DepRel::kNsubj;
        }) < 0) {
      continue;
    }
    SpliceParse(first, 0, -1, DepRel::kRoot, &w);
    SpliceParse(second, k + 2, first_root, DepRel::kConj, &w);
    w[k].head = v;
    w[k].rel = DepRel::kPunct;
    w[k + 1].head = v;
    w[k + 1].rel = DepRel::kCc;
    return;
  }
}

// "A lawyer said that | his client had defrauded investors": a "that" the
// tagger made a subordinator but the parser hung as an argument (an object
// with dependents of its own, a subject) lost the clause after it. The
// words from there to the final punctuation are parsed apart, and their
// root becomes the complement of the verb before "that", which marks it.
// Nothing changes when a word before "that" hangs inside that stretch.
void ParseComplementApart(const syntax::DependencyParser& parser,
                          syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int i = 1; i + 2 < n; ++i) {
    const DepRel r = syntax::BaseRel(w[i].rel);
    if (!Is(w[i], "that") || w[i].upos != Upos::kSconj ||
        (r != DepRel::kObj && r != DepRel::kNsubj && r != DepRel::kIobj &&
         r != DepRel::kNmod && r != DepRel::kObl && r != DepRel::kDep && r != DepRel::kConj)) {
      continue;
    }
    // The verb before "that", over at most one short phrase ("promised in
    // a televised address that").
    int v = i - 1;
    while (v > 0 && i - v <= 5 && w[v].upos != Upos::kPunct &&
           (w[v].upos != Upos::kVerb || w[v].rel == DepRel::kAmod)) {
      --v;
    }
    if (v < 0 || w[v].upos != Upos::kVerb || w[v].rel == DepRel::kAmod) return;
    const int end = w[n - 1].upos == Upos::kPunct ? n - 1 : n;
    if (end - i < 3) return;
    for (int k = 0; k < i; ++k) {
      if (w[k].head > i && w[k].head < end) return;
    }
    syntax::SyntaxSentence clause(w.begin() + i + 1, w.begin() + end);
    parser.Parse(&clause);
    const int root = RootOf(clause);
    if (root < 0 || !SubjectThenRoot(clause, root)) return;
    SpliceParse(clause, i + 1, v, DepRel::kCcomp, &w);
    w[i].head = root + i + 1;
    w[i].rel = DepRel::kMark;
    if (end < n && w[n - 1].head > i) w[n - 1].head = RootOf(w);
    return;
  }
}

}  // namespace

void RepairTrailingAccordingTo(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  int n = static_cast<int>(w.size());
  while (n > 0 && w[n - 1].upos == Upos::kPunct) --n;  // the closing full stop
  const int root = RootOf(w);
  int at = -1;
  for (int i = 1; i + 2 < n; ++i) {
    if (Is(w[i], "according") && Is(w[i + 1], "to") && w[i - 1].form == ",") {
      at = i;
    }
  }
  if (root < 0 || at < 0 || root > at) return;
  // The source's phrase: the words after "to" to the end, one head, no verb.
  int head = -1;
  for (int k = at + 2; k < n; ++k) {
    if (w[k].upos == Upos::kVerb || w[k].upos == Upos::kAux) return;
    if (w[k].head >= at + 2 && w[k].head < n) continue;
    if (head >= 0) return;
    head = k;
  }
  if (head < 0 || (w[head].head == root && w[head].rel == DepRel::kObl)) return;
  w[head].head = root;
  w[head].rel = DepRel::kObl;
  w[at].head = head;
  w[at].rel = DepRel::kCase;
  w[at + 1].head = at;
  w[at + 1].rel = DepRel::kFixed;
  w[at - 1].head = head;
  w[at - 1].rel = DepRel::kPunct;
}

void RepairComplementByItsFirstWord(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int c = 0; c < n; ++c) {
    if (w[c].rel != DepRel::kCcomp) continue;
    // The clause's first word: the leftmost word but punctuation whose
    // chain of heads reaches c.
    int first = c;
    for (int k = 0; k < c; ++k) {
      if (w[k].upos != Upos::kPunct && InSubtree(w, k, c)) {
        first = k;
        break;
      }
    }
    if (first >= c) continue;
    if (Is(w[first], "with")) {
      w[c].rel = DepRel::kAdvcl;
    } else if (w[first].upos == Upos::kCconj) {
      // "S1, he said, and S2": S2 is S1's conjunct, which the saying
      // interrupts.
      const int saying = w[c].head;
      const int before = saying < 0 ? -1 : w[saying].head;
      if (before >= 0 && before < saying) {
        w[c].head = before;
        w[c].rel = DepRel::kConj;
      }
    }
  }
}

void RepairParse(const syntax::DependencyParser& parser, const entities::Gazetteer* gazetteer,
                 const Lexicon* lexicon, syntax::SyntaxSentence* words) {
  bool retagged = RetagOpeningModifier(lexicon, words);
  if (gazetteer != nullptr) retagged = RetagInsideKnownNames(*gazetteer, words) || retagged;
  retagged = RetagCloseTo(words) || retagged;
  if (lexicon != nullptr) {
    retagged = RetagThatAfterSaying(*lexicon, words) || retagged;
    retagged = RetagVerbAfterModal(*lexicon, words) || retagged;
    retagged = RetagParticipleAfterHave(*lexicon, words) || retagged;
    retagged = RetagVerbOfVerblessSentence(*lexicon, words) || retagged;
    retagged = RetagTitleHeadAsNoun(*lexicon, words) || retagged;
    retagged = RetagSayingAfterSubject(*lexicon, words) || retagged;
  }
  retagged = RetagAcronymAfterArticle(words) || retagged;
  retagged = RetagReducedRelativeBeforeVerb(words) || retagged;
  retagged = RetagGerundBeforeModal(words) || retagged;
  if (retagged) parser.Parse(words);
  if (Interruption part; FindInterruption(lexicon, words, &part)) {
    ParseAroundInterruption(parser, part.open, part.close, part.rel, words);
  }
  ParseComplementApart(parser, words);
  if (lexicon != nullptr) {
    ParseReportApart(parser, *lexicon, words);
    ParseSecondSayingApart(parser, *lexicon, words);
  }
  RepairChildrenOfPunctuation(words);
  RepairNotOnlyButAlso(words);
  RepairOpeningParticipleAsRoot(words);
  RepairRelativeClauseTakenForComplement(words);
  RepairConjunctionTakenForPreposition(words);
  RepairSubjectAfterOpeningPhrase(words);
  RepairObjectOfSaying(words);
  RepairDoubleSubject(words);
  RepairTrailingAccordingTo(words);
  RepairComplementByItsFirstWord(words);
  RepairTitleBeforeName(words);
  RepairFiniteVerbTakenForModifier(words);
  RepairReducedRelativeInComplement(words);
  RepairParticipleAfterPrepositionalNoun(words);
  RepairGerundHungOnOf(words);
  if (lexicon != nullptr) {
    RepairContentTakenForSubject(*lexicon, words);
    RepairComplementOfAddressee(*lexicon, words);
    RepairReducedRelativeBeforeName(*lexicon, words);
    RepairStateParticiple(*lexicon, words);
    RepairNamingComplement(*lexicon, words);
    RepairQuoteThenSpeaker(*lexicon, words);
    RepairReportThenInvertedSaying(*lexicon, words);
    RepairQuoteOfQuotedAsSaying(*lexicon, words);
    ParseQuoteApart(parser, *lexicon, words);
    RepairSpeakerTakenByALaterVerb(*lexicon, words);
    RepairComplementAfterOblique(*lexicon, words);
  }
}

void AnalyzeSentence(const syntax::SyntaxModels& models, const entities::Gazetteer* gazetteer,
                     const Lexicon* lexicon, int dateline, syntax::SyntaxSentence* words) {
  if (dateline <= 0 || dateline >= static_cast<int>(words->size())) {
    models.Analyze(words);
    RepairParse(models.parser(), gazetteer, lexicon, words);
    return;
  }
  syntax::SyntaxSentence head(words->begin(), words->begin() + dateline);
  syntax::SyntaxSentence rest(words->begin() + dateline, words->end());
  AnalyzeSentence(models, gazetteer, lexicon, 0, &head);
  AnalyzeSentence(models, gazetteer, lexicon, 0, &rest);
  const int rest_root = RootOf(rest);
  const int root = rest_root < 0 ? -1 : rest_root + dateline;
  for (syntax::SyntaxWord& w : rest) {
    if (w.head >= 0) w.head += dateline;
  }
  for (syntax::SyntaxWord& w : head) {
    if (w.head < 0 && root >= 0) {
      w.head = root;
      w.rel = DepRel::kParataxis;
    }
  }
  std::move(head.begin(), head.end(), words->begin());
  std::move(rest.begin(), rest.end(), words->begin() + dateline);
}

void ParseAroundInterruption(const syntax::DependencyParser& parser, int open, int close,
                             syntax::DepRel rel, syntax::SyntaxSentence* words) {
  const int n = static_cast<int>(words->size());
  if (open < 1 || close <= open + 1 || close + 1 >= n) return;
  const int gap = close - open + 1;
  syntax::SyntaxSentence main(words->begin(), words->begin() + open);
  main.insert(main.end(), words->begin() + close + 1, words->end());
  syntax::SyntaxSentence relative(words->begin() + open + 1, words->begin() + close);
  // Tags and lemmas stay those of the whole sentence (a name's words are
  // tagged better in context); only the parse is redone.
  parser.Parse(&main);
  parser.Parse(&relative);
  auto from_main = [&](int m) { return m < open ? m : m + gap; };
  for (syntax::SyntaxWord& w : main) {
    if (w.head >= 0) w.head = from_main(w.head);
  }
  // The clause modifies its antecedent's head word ("Peter" of "President
  // Peter Mutharika"), before an age between commas ("Deby, 68, who ...").
  const int before = open >= 3 && IsAgeBetweenCommas(*words, open - 2) ? open - 3 : open - 1;
  const int antecedent = NameHead(main, before, open);
  const int part_root = RootOf(relative);
  const int root = part_root < 0 ? -1 : part_root + open + 1;
  for (syntax::SyntaxWord& w : relative) {
    if (w.head >= 0) {
      w.head += open + 1;
    } else {
      w.head = antecedent;
      w.rel = rel;
    }
  }
  syntax::SyntaxWord comma_open = (*words)[open], comma_close = (*words)[close];
  for (syntax::SyntaxWord* comma : {&comma_open, &comma_close}) {
    comma->head = root;
    comma->rel = DepRel::kPunct;
  }
  std::move(main.begin(), main.begin() + open, words->begin());
  (*words)[open] = std::move(comma_open);
  std::move(relative.begin(), relative.end(), words->begin() + open + 1);
  (*words)[close] = std::move(comma_close);
  std::move(main.begin() + open, main.end(), words->begin() + close + 1);
}

}  // namespace claims
