#include "common/extract/parse_repairs.h"

#include "absl/strings/ascii.h"

namespace claims {
namespace {

using syntax::DepRel;
using syntax::Upos;

bool Is(const syntax::SyntaxWord& w, const char* lower) {
  return absl::AsciiStrToLower(w.form) == lower;
}

// A verb form that can be a verb's complement: a gerund or a bare or
// to-infinitive.
bool ComplementForm(const syntax::SyntaxWord& w) {
  return w.upos == Upos::kVerb && (w.xpos == "VBG" || w.xpos == "VB");
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

bool RetagOpeningModifier(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  if (n < 4 || w[0].upos != Upos::kVerb || (w[0].xpos != "VB" && w[0].xpos != "VBG")) {
    return false;
  }
  int k = 1;
  while (k < n && k <= 3 && (w[k].xpos == "NN" || w[k].xpos == "NNS")) ++k;
  if (k < 2 || k >= n || w[k].xpos != "NNP") return false;
  bool finite_later = false;
  for (int i = k + 1; i < n && !finite_later; ++i) {
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

void RepairParse(const syntax::DependencyParser& parser, syntax::SyntaxSentence* words) {
  if (RetagOpeningModifier(words)) parser.Parse(words);
  RepairNotOnlyButAlso(words);
}

}  // namespace claims
